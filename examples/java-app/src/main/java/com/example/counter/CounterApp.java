package com.example.counter;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.supervision.Supervisor;
import dev.trellis.core.supervision.SupervisorOptions;
import java.util.List;

/**
 * Starts a supervised counter, counts to three, crashes the counter and shows it restored by its
 * supervisor under a new pid with its initial count.
 *
 * <pre>
 * mvn -q compile exec:exec
 * </pre>
 */
public final class CounterApp {

    private CounterApp() {
    }

    public static void main(String[] args) throws Exception {
        try (Node node = Node.start()) {
            Supervisor.startLink(node, List.of(Counter.childSpec(0)),
                    SupervisorOptions.oneForOne().name("counter_sup"));
            for (int i = 0; i < 3; i++) {
                Counter.increment(node);
            }
            Pid before = node.lookup(Counter.NAME);
            System.out.println("count " + Counter.get(node) + " in " + before);

            node.terminate(before);                                  // crash it
            Pid after = Counter.waitForRestart(node, before);
            System.out.println("restarted as " + after + ", count " + Counter.get(node));
        }
    }
}
