import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.supervision.ChildSpec;
import dev.trellis.core.supervision.Server;
import dev.trellis.core.supervision.Supervisor;
import dev.trellis.core.supervision.SupervisorOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The SimpleQueue supervision example of the Elixir School lesson "OTP Supervisors", in Java:
 * a queue server started by a one_for_one supervisor, restored after a crash.
 *
 * <pre>
 * ./trellis run examples/simple-queue
 * </pre>
 */
public class Main {

    /** The lesson's SimpleQueue GenServer. */
    static final class SimpleQueue implements Server<List<Integer>> {
        static final String NAME = "SimpleQueue";

        /** What {@code use GenServer} generates: id SimpleQueue, start_link(initial), registered. */
        static ChildSpec childSpec(List<Integer> initial) {
            return Server.childSpec(NAME, SimpleQueue::new, initial, NAME);
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Integer> init(Object arg) {
            return new ArrayList<>((List<Integer>) arg);
        }

        @Override
        public Reply<List<Integer>> handleCall(Object request, Pid from, List<Integer> state) {
            return switch ((String) request) {
                case "queue" -> Reply.of(List.copyOf(state), state);
                case "dequeue" -> Reply.of(state.isEmpty() ? null : state.removeFirst(), state);
                default -> throw new IllegalArgumentException("unknown call " + request);
            };
        }

        @Override
        public List<Integer> handleCast(Object message, List<Integer> state) {
            if (message instanceof Integer value) {
                state.add(value); // {:enqueue, value}
            }
            return state;
        }

        static Object queue(Node node) {
            return Server.call(node, NAME, "queue");
        }

        static void enqueue(Node node, int value) {
            Server.cast(node, NAME, value);
        }

        static Object dequeue(Node node) {
            return Server.call(node, NAME, "dequeue");
        }
    }

    public static void main(String[] args) throws Exception {
        try (Node node = Node.start()) {
            Supervisor.startLink(node, List.of(SimpleQueue.childSpec(List.of(1, 2, 3))),
                    SupervisorOptions.oneForOne().name("SimpleQueue.Supervisor"));

            System.out.println("iex> SimpleQueue.queue");
            System.out.println(SimpleQueue.queue(node));

            System.out.println("iex> SimpleQueue.enqueue(4)");
            SimpleQueue.enqueue(node, 4);
            System.out.println(":ok");
            System.out.println("iex> SimpleQueue.dequeue");
            System.out.println(SimpleQueue.dequeue(node));
            System.out.println("iex> SimpleQueue.queue");
            System.out.println(SimpleQueue.queue(node));

            // The process crashes (here: killed); the supervisor restores it as if nothing happened.
            Pid before = node.lookup(SimpleQueue.NAME);
            System.out.println("iex> Process.exit(Process.whereis(SimpleQueue), :kill)");
            node.terminate(before);
            Pid after = before;
            while (after == null || after.equals(before)) {
                Thread.sleep(1);
                after = node.registry().whereis(SimpleQueue.NAME);
            }
            System.out.println("true");
            System.out.println("iex> SimpleQueue.queue");
            System.out.println(SimpleQueue.queue(node));
            System.out.println("(restarted: " + before + " -> " + after + ")");
        }
    }
}
