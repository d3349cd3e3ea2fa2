package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Event;
import dev.trellis.core.Pid;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** B.7 shutdown. */
class SupervisorShutdownTest extends SupervisorTestBase {

    @Test
    void b11_stopTerminatesChildrenAndExitsWithTheReason() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne(), w("a"));
        Pid a = pid(sup, "a");
        var exit = node.watch(sup);
        Supervisor.stop(node, sup, ExitReason.shutdown("bye"));
        assertThat(node.isAlive(a)).isFalse();
        Event e = exit.get();
        assertThat(SupervisorProcess.reasonOf(e)).isEqualTo(ExitReason.shutdown("bye"));
        Pid sup2 = start(SupervisorOptions.oneForOne(), w("b"));
        var exit2 = node.watch(sup2);
        Supervisor.stop(node, sup2);
        assertThat(exit2.get().isError()).isFalse();
    }

    @Test
    void b52_childrenStoppedOneAtATimeInReverseOrder() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne(), w("a"), w("b"), w("c"));
        f.log.clear();
        Supervisor.stop(node, sup);
        assertThat(List.of(f.next(), f.next(), f.next())).containsExactly("stop:c", "stop:b", "stop:a");
    }

    @Test
    void b53_integerShutdownKillsAChildThatDoesNotStopInTime() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne(),
                ChildSpec.worker("s", f.stubborn("s")).shutdown(Shutdown.millis(50)), w("obedient"));
        Pid s = pid(sup, "s");
        var exit = node.watch(s);
        assertThat(Supervisor.terminateChild(node, sup, "s")).isEqualTo(Outcome.OK);
        assertThat(SupervisorProcess.reasonOf(exit.get())).isEqualTo(ExitReason.KILLED);
        Pid o = pid(sup, "obedient");
        var exit2 = node.watch(o);
        Supervisor.terminateChild(node, sup, "obedient");
        assertThat(SupervisorProcess.reasonOf(exit2.get())).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    void b54_brutalKillKillsAtOnce() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne(), ChildSpec.worker("s", f.stubborn("s")).shutdown(Shutdown.brutalKill()));
        var exit = node.watch(pid(sup, "s"));
        Supervisor.stop(node, sup);
        assertThat(SupervisorProcess.reasonOf(exit.get())).isEqualTo(ExitReason.KILLED);
    }

    @Test
    void b55_infinityWaitsForTheChild() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ChildStart slow = ctx -> StartResult.ok(ctx.spawn(proc -> {
            proc.events().receive(); // CANCEL
            f.log.add("cancelled");
            proc.sleep(Duration.ofMillis(200)); // longer than any default would allow? no: infinity waits
            release.countDown();
            return "cleaned up";
        }));
        Pid sup = start(SupervisorOptions.oneForOne(), ChildSpec.worker("slow", slow).shutdown(Shutdown.infinity()));
        Supervisor.stop(node, sup);
        assertThat(release.await(0, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void b56_aChildsOwnReasonDuringShutdownIsKeptAndNothingRestarts() throws Exception {
        ChildStart normal = ctx -> StartResult.ok(ctx.spawn(proc -> {
            proc.events().receive();
            return "bye";
        }));
        Pid sup = start(SupervisorOptions.oneForOne(), ChildSpec.worker("n", normal), w("b"));
        Pid n = pid(sup, "n");
        var exit = node.watch(n);
        f.log.clear();
        Supervisor.stop(node, sup);
        assertThat(SupervisorProcess.reasonOf(exit.get())).isEqualTo(new ExitReason.Normal("bye"));
        assertThat(f.log).containsExactly("stop:b");
    }

    @Test
    void b57_aChildThatUnlinkedItselfIsStillStopped() throws Exception {
        ChildStart unlinker = ctx -> {
            Pid supPid = ctx.supervisor();
            return StartResult.ok(ctx.spawn(proc -> {
                proc.unlink(supPid);
                proc.events().receive();
                throw new ShutdownException();
            }));
        };
        Pid sup = start(SupervisorOptions.oneForOne(), ChildSpec.worker("u", unlinker));
        Pid u = pid(sup, "u");
        Supervisor.stop(node, sup);
        assertThat(node.isAlive(u)).isFalse();
    }

    @Test
    void b59_shutdownWhileAChildIsInARestartLoop() throws Exception {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        ChildStart failing = ctx -> n.incrementAndGet() == 1 ? f.worker("x").start(ctx) : slowError(ctx);
        Pid sup = start(SupervisorOptions.oneForOne().maxRestarts(1_000_000), ChildSpec.worker("x", failing), w("y"));
        send(pid(sup, "x"), "crash");
        while (n.get() < 50) {
            Thread.onSpinWait();
        }
        assertThat(Supervisor.whichChild(node, sup, "x").restarting()).isTrue();
        assertThat(Supervisor.terminateChild(node, sup, "x")).isEqualTo(Outcome.OK);
        assertThat(Supervisor.whichChild(node, sup, "x").restarting()).isFalse();
        send(pid(sup, "y"), "crash");
        Supervisor.stop(node, sup);
        assertThat(node.isAlive(sup)).isFalse();
    }

    @Test
    void cancelOfTheSupervisorStopsTheTreeWithShutdown() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne(), w("a"));
        var exit = node.watch(sup);
        node.cancel(sup);
        assertThat(SupervisorProcess.reasonOf(exit.get())).isEqualTo(ExitReason.SHUTDOWN);
        awaitLog("stop:a");
    }

    @Test
    void parentFailureStopsTheTree() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Pid[] sup = new Pid[1];
        Pid parent = node.spawn(proc -> {
            sup[0] = Supervisor.startLink(proc, List.of(w("a")), SupervisorOptions.oneForOne()).pidOrNull();
            started.countDown();
            proc.inbox().receive();
            throw new IllegalStateException("parent failed");
        });
        started.await();
        var exit = node.watch(sup[0]);
        node.send(parent, "go", "now");
        assertThat(exit.get().error()).isEqualTo("parent failed");
        awaitLog("stop:a");
    }

    /** A failing start that takes 1 ms, so a retry loop does not burn a million restarts a second. */
    static StartResult slowError(StartContext ctx) {
        ctx.proc().sleep(java.time.Duration.ofMillis(1));
        return StartResult.error("down");
    }
}
