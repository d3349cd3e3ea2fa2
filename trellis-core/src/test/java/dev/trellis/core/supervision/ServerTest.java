package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.Pid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server behaviour and its child spec (B.19). */
class ServerTest extends SupervisorTestBase {

    static final class Queue implements Server<List<Integer>> {
        final List<String> terminated;

        Queue(List<String> terminated) {
            this.terminated = terminated;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Integer> init(Object arg) {
            if ("fail".equals(arg)) {
                throw new IllegalArgumentException("bad init");
            }
            return new ArrayList<>((List<Integer>) arg);
        }

        @Override
        public Reply<List<Integer>> handleCall(Object request, Pid from, List<Integer> state) throws Exception {
            return switch ((String) request) {
                case "queue" -> Reply.of(List.copyOf(state), state);
                case "dequeue" -> Reply.of(state.isEmpty() ? null : state.removeFirst(), state);
                case "slow" -> {
                    Thread.sleep(200);
                    yield Reply.of("slow", state);
                }
                default -> throw new IllegalStateException("crash on " + request);
            };
        }

        @Override
        public List<Integer> handleCast(Object message, List<Integer> state) {
            state.add((Integer) message);
            return state;
        }

        @Override
        public List<Integer> handleInfo(Object message, List<Integer> state) {
            if (message instanceof Integer i) {
                state.add(-i);
            }
            return state;
        }

        @Override
        public void terminate(ExitReason reason, List<Integer> state) {
            terminated.add(reason.toString());
        }
    }

    final List<String> terminated = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void callCastInfoAndName() {
        StartResult r = Server.startLink(node, new Queue(terminated), List.of(1, 2, 3), "q");
        assertThat(r).isInstanceOf(StartResult.Started.class);
        assertThat(Server.call(node, "q", "queue")).isEqualTo(List.of(1, 2, 3));
        Server.cast(node, "q", 4);
        node.send(r.pidOrNull(), "whatever", 5);
        assertThat(Server.call(node, "q", "dequeue")).isEqualTo(1);
        assertThat(Server.call(node, "q", "queue")).isEqualTo(List.of(2, 3, 4, -5));
        Object fromProc = node.exec(proc -> Server.call(proc, "q", "queue", Duration.ofSeconds(1)));
        assertThat(fromProc).isEqualTo(List.of(2, 3, 4, -5));
    }

    /** gen_server order: a call sent after plain messages by the same process is handled after them. */
    @Test
    void aCallAfterPlainMessagesFromTheSameSenderSeesThemAll() {
        Pid q = Server.startLink(node, new Queue(terminated), List.of(), "info_ordered").pidOrNull();
        for (int round = 0; round < 2_000; round++) {
            int r = round;
            Object seen = node.exec(proc -> {
                Server.cast(proc, q, 1);
                proc.send(q, "info", 2 * r + 1);
                return Server.call(proc, q, "queue", Duration.ofSeconds(5));
            });
            @SuppressWarnings("unchecked") List<Integer> queue = (List<Integer>) seen;
            assertThat(queue).as("round %d", round).endsWith(1, -(2 * r + 1));
        }
    }

    /** gen_server order: a call sent after casts by the same process is handled after every one of them. */
    @Test
    void aCallAfterCastsFromTheSameSenderSeesThemAll() {
        Server.startLink(node, new Queue(terminated), List.of(), "ordered");
        for (int round = 0; round < 2_000; round++) {
            int r = round;
            Object seen = node.exec(proc -> {
                Server.cast(proc, "ordered", 2 * r);
                Server.cast(proc, "ordered", 2 * r + 1);
                return Server.call(proc, "ordered", "queue", Duration.ofSeconds(5));
            });
            @SuppressWarnings("unchecked") List<Integer> queue = (List<Integer>) seen;
            assertThat(queue).as("round %d", round).endsWith(2 * r, 2 * r + 1).hasSize(2 * r + 2);
        }
    }

    @Test
    void callTimeoutAndNoproc() {
        Server.startLink(node, new Queue(terminated), List.of(), "q");
        assertThatThrownBy(() -> Server.call(node, "q", "slow", Duration.ofMillis(20)))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.TIMEOUT));
        assertThat(Server.call(node, "q", "queue")).isEqualTo(List.of()); // the late reply was dropped
        assertThatThrownBy(() -> Server.call(node, "nobody", "queue"))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.NOPROC));
    }

    @Test
    void b09_initFailureFailsTheStartWithoutAStrayExit() {
        StartResult r = Server.startLink(node, new Queue(terminated), "fail", null);
        assertThat(((StartResult.Failed) r).reason()).isInstanceOf(IllegalArgumentException.class);
        // from a linked (non-trapping) caller: the failure is a value, and the caller lives on
        Object fromProc = node.exec(proc -> {
            StartResult inner = Server.startLink(proc, new Queue(terminated), "fail", null);
            proc.sleep(Duration.ofMillis(20));
            return inner instanceof StartResult.Failed ? "failed, caller alive" : "started";
        });
        assertThat(fromProc).isEqualTo("failed, caller alive");
    }

    @Test
    void crashCallsTerminateAndTheCallerSeesTheExit() {
        Server.startLink(node, new Queue(terminated), List.of(), "q");
        assertThatThrownBy(() -> Server.call(node, "q", "boom"))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.CALLEE_EXITED));
        assertThat(terminated).hasSize(1);
        assertThat(terminated.get(0)).contains("crash on boom");
    }

    @Test
    void b19_childSpecDerivedFromTheServerAndRestoredAfterACrash() throws Exception {
        ChildSpec spec = Server.childSpec(Queue.class, () -> new Queue(terminated), List.of(1, 2, 3), "SimpleQueue");
        assertThat(spec.id()).isEqualTo(Queue.class);
        assertThat(spec.modules()).containsExactly(Queue.class.getName());
        Pid sup = start(SupervisorOptions.oneForOne().name("SimpleQueue.Supervisor"), spec);
        Server.cast(node, "SimpleQueue", 4);
        assertThat(Server.call(node, "SimpleQueue", "queue")).isEqualTo(List.of(1, 2, 3, 4));
        Pid old = node.registry().whereis("SimpleQueue");
        node.terminate(old);
        Fixtures.awaitNewPid(node, sup, Queue.class, old);
        assertThat(Server.call(node, "SimpleQueue", "queue")).isEqualTo(List.of(1, 2, 3));
        Supervisor.stop(node, sup);
        assertThat(terminated).contains("shutdown");
    }

    @Test
    void b31_aSecondChildWithTheSameDefaultIdIsAlreadyStarted() {
        Pid sup = start(SupervisorOptions.oneForOne());
        ChildSpec spec = Server.childSpec(Queue.class, () -> new Queue(terminated), List.of(), null);
        Pid first = Supervisor.startChild(node, sup, spec).pidOrNull();
        assertThat(Supervisor.startChild(node, sup, spec)).isEqualTo(StartResult.alreadyStarted(first));
    }

    /** gen_server:enter_loop: a process that did its own start-up becomes the server; calls sent earlier wait for it. */
    @Test
    void enterLoopServesCallsSentBeforeTheLoopBegan() throws Exception {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Pid pid = node.spawn(proc -> {
            proc.register("late");
            go.await();
            Server.enterLoop(proc, new Queue(terminated), new ArrayList<>(List.of(7)));
            return "after the loop";
        });
        awaitRegistered("late");
        java.util.concurrent.CompletableFuture<Object> early =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> Server.call(node, "late", "queue"));
        awaitPendingCall(pid);
        go.countDown();
        assertThat(early.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(List.of(7));
        Server.cast(node, pid, 8);
        assertThat(Server.call(node, pid, "queue")).isEqualTo(List.of(7, 8));
        java.util.concurrent.CompletableFuture<dev.trellis.core.Event> exit = node.watch(pid);
        node.cancel(pid);
        assertThat(exit.get(5, java.util.concurrent.TimeUnit.SECONDS).value()).isEqualTo("after the loop");
        assertThat(terminated).containsExactly("shutdown");
    }

    /** A call to a live process that never serves waits until its timeout; one that ends fails at once. */
    @Test
    void aCallToAProcessThatNeverServes() throws Exception {
        java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
        Pid idle = node.spawn(proc -> {
            end.await();
            return null;
        });
        assertThatThrownBy(() -> Server.call(node, idle, "queue", Duration.ofMillis(50)))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.TIMEOUT));
        java.util.concurrent.CompletableFuture<Object> waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Server.call(node, idle, "queue", Duration.ofSeconds(30));
            } catch (CallException e) {
                return e.kind();
            }
        });
        awaitPendingCall(idle);
        end.countDown();
        assertThat(waiting.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(CallException.Kind.CALLEE_EXITED);
        assertThatThrownBy(() -> Server.call(node, idle, "queue"))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.NOPROC));
    }

    /** Supervisor calls keep failing at once on a process that is not a supervisor: they have no timeout. */
    @Test
    void aSupervisorCallToAPlainProcessFailsAtOnce() throws Exception {
        java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
        Pid plain = node.spawn(proc -> {
            end.await();
            return null;
        });
        assertThatThrownBy(() -> Supervisor.whichChildren(node, plain))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.NOPROC));
        end.countDown();
    }

    /** The caller's one timeout clock: a short timeout after a long one still fires on time. */
    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aShortTimeoutAfterALongOneFiresOnTime() {
        Pid q = Server.startLink(node, new Queue(terminated), List.of(), null).pidOrNull();
        Object kind = node.exec(proc -> {
            Server.call(proc, q, "queue", Duration.ofSeconds(60));   // arms the clock a minute out
            try {
                Server.call(proc, q, "slow", Duration.ofMillis(20));
                return "answered";
            } catch (CallException e) {
                return e.kind();
            }
        });
        assertThat(kind).isEqualTo(CallException.Kind.TIMEOUT);
    }

    /** A fire of the clock that lands while no call waits does not time out the next call. */
    @Test
    void aStaleFireOfTheClockIsNotATimeout() {
        Pid q = Server.startLink(node, new Queue(terminated), List.of(), null).pidOrNull();
        Object v = node.exec(proc -> {
            Server.call(proc, q, "queue", Duration.ofMillis(30));    // arms the clock 30 ms out
            proc.sleep(Duration.ofMillis(60));                        // it fires with no call waiting
            return Server.call(proc, q, "slow", Duration.ofSeconds(5));
        });
        assertThat(v).isEqualTo("slow");
    }

    private void awaitRegistered(String name) throws InterruptedException {
        while (node.registry().whereis(name) == null) {
            Thread.onSpinWait();
        }
    }

    /** Waits until a call to {@code pid} is pending (its endpoint exists and holds the request). */
    private static void awaitPendingCall(Pid pid) {
        while (!Calls.hasPending(pid)) {
            Thread.onSpinWait();
        }
    }
}
