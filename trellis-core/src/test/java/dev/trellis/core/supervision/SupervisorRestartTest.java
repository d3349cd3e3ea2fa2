package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Pid;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** B.4 restart types and exit reasons, B.5 restart intensity. */
class SupervisorRestartTest extends SupervisorTestBase {

    @Test
    void b33_permanentChildRestartedAfterAnyExit() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne().maxRestarts(10), w("a"));
        for (String how : new String[] {"normal", "shutdown", "crash"}) {
            Pid old = pid(sup, "a");
            send(old, how);
            Fixtures.awaitNewPid(node, sup, "a", old);
        }
        Pid old = pid(sup, "a");
        node.terminate(old); // killed
        Fixtures.awaitNewPid(node, sup, "a", old);
    }

    @Test
    void b34_transientRestartedOnlyAfterAbnormalExit() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne().maxRestarts(10),
                w("a").restart(Restart.TRANSIENT), w("b").restart(Restart.TRANSIENT), w("c").restart(Restart.TRANSIENT));
        Pid a = pid(sup, "a");
        send(a, "crash");
        Fixtures.awaitNewPid(node, sup, "a", a);
        Pid b = pid(sup, "b");
        send(b, "normal");
        awaitDead(b);
        Pid c = pid(sup, "c");
        send(c, "shutdown"); // {shutdown, asked}
        awaitDead(c);
        Pid killed = pid(sup, "a");
        node.terminate(killed);
        Fixtures.awaitNewPid(node, sup, "a", killed);
        assertThat(Supervisor.whichChild(node, sup, "b").pid()).isNull();
        assertThat(Supervisor.whichChild(node, sup, "c").pid()).isNull();
        assertThat(Supervisor.countChildren(node, sup)).isEqualTo(new ChildCounts(3, 1, 0, 3));
    }

    @Test
    void b35_temporaryNeverRestartedAndSpecRemoved() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne(), w("t").restart(Restart.TEMPORARY));
        Pid t = pid(sup, "t");
        send(t, "crash");
        awaitDead(t);
        // the next call is served after the EXIT was handled (calls and events of one process are ordered by select)
        for (int i = 0; i < 1000 && Supervisor.countChildren(node, sup).specs() != 0; i++) {
            Thread.sleep(1);
        }
        assertThat(Supervisor.countChildren(node, sup).specs()).isZero();
    }

    @Test
    void b36_temporaryCanBeStartedAgainWithTheSameSpec() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne());
        ChildSpec t = w("t").restart(Restart.TEMPORARY);
        Pid p = Supervisor.startChild(node, sup, t).pidOrNull();
        assertThat(Supervisor.terminateChild(node, sup, "t")).isEqualTo(Outcome.OK);
        assertThat(Supervisor.startChild(node, sup, t)).isInstanceOf(StartResult.Started.class);
        assertThat(p).isNotNull();
        ChildSpec perm = w("p");
        Supervisor.startChild(node, sup, perm);
        Supervisor.terminateChild(node, sup, "p");
        assertThat(Supervisor.startChild(node, sup, perm))
                .isEqualTo(StartResult.failed(SupervisorError.ALREADY_PRESENT));
    }

    @Test
    void b37_exitReasonClasses() {
        assertThat(ExitReason.NORMAL.isAbnormal()).isFalse();
        assertThat(ExitReason.SHUTDOWN.isAbnormal()).isFalse();
        assertThat(new ShutdownException("x").reason()).isEqualTo(ExitReason.shutdown("x"));
        assertThat(ExitReason.KILLED.isAbnormal()).isTrue();
        assertThat(ExitReason.failed("boom").isAbnormal()).isTrue();
    }

    @Test
    void b39_exceedingIntensityStopsChildrenAndExitsShutdown() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne().maxRestarts(2), w("a"), w("b"));
        var exit = node.watch(sup);
        for (int i = 0; i < 3; i++) {
            Pid a = pid(sup, "a");
            send(a, "crash");
            if (i < 2) {
                Fixtures.awaitNewPid(node, sup, "a", a);
            }
        }
        var e = exit.get();
        assertThat(e.isError()).isTrue();
        assertThat(e.result().error().cause()).isInstanceOf(ShutdownException.class);
        awaitLog("stop:b");
    }

    @Test
    void b39_intensityZeroFirstRestartIsFatal() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne().maxRestarts(0), w("a"));
        var exit = node.watch(sup);
        send(pid(sup, "a"), "crash");
        assertThat(exit.get().result().error().cause()).isInstanceOf(ShutdownException.class);
    }

    @Test
    void b42_failedRestartAttemptsCountAndEscalate() throws Exception {
        java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
        ChildStart flaky = ctx -> starts.incrementAndGet() == 1 ? f.worker("x").start(ctx) : StartResult.error("cannot");
        Pid sup = start(SupervisorOptions.oneForOne().maxRestarts(3), ChildSpec.worker("x", flaky), w("sibling"));
        var exit = node.watch(sup);
        send(pid(sup, "x"), "crash");
        assertThat(exit.get().result().error().cause()).isInstanceOf(ShutdownException.class);
        assertThat(starts.get()).isEqualTo(1 + 3); // the first start, then 3 failing attempts; the 4th restart is over the limit
        awaitLog("stop:sibling");
    }

    @Test
    void b43_parentRestartsAChildSupervisorThatGaveUp() throws Exception {
        ChildSpec inner = Supervisor.childSpec("inner", java.util.List.of(w("leaf")), SupervisorOptions.oneForOne().maxRestarts(0));
        Pid top = start(SupervisorOptions.oneForOne(), inner);
        Pid innerPid = pid(top, "inner");
        Pid leaf = Fixtures.pidOf(node, innerPid, "leaf");
        send(leaf, "crash");
        Pid innerPid2 = Fixtures.awaitNewPid(node, top, "inner", innerPid);
        assertThat(Fixtures.pidOf(node, innerPid2, "leaf")).isNotNull().isNotEqualTo(leaf);
        // a transient spec treats shutdown as normal: not restarted
        Pid top2 = start(SupervisorOptions.oneForOne(), Supervisor.childSpec("inner2", java.util.List.of(w("leaf2")),
                SupervisorOptions.oneForOne().maxRestarts(0)).restart(Restart.TRANSIENT));
        Pid inner2 = pid(top2, "inner2");
        var gone = node.watch(inner2);
        send(Fixtures.pidOf(node, inner2, "leaf2"), "crash");
        gone.get();
        Thread.sleep(20);
        assertThat(Supervisor.whichChild(node, top2, "inner2").pid()).isNull();
    }

    @Test
    void b40_restartsSpacedBeyondThePeriodNeverAddUp() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne().maxRestarts(1).period(Duration.ofMillis(50)), w("a"));
        for (int i = 0; i < 4; i++) {
            Pid a = pid(sup, "a");
            send(a, "crash");
            Fixtures.awaitNewPid(node, sup, "a", a);
            Thread.sleep(60); // let the window slide past the restart
        }
        assertThat(node.isAlive(sup)).isTrue();
    }
}
