package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Pid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** B.9 significant children and auto_shutdown. */
class SignificantChildTest extends SupervisorTestBase {

    ChildSpec sig(String id, Restart restart) {
        return w(id).restart(restart).significant(true);
    }

    SupervisorOptions any() {
        return SupervisorOptions.oneForOne().autoShutdown(AutoShutdown.ANY_SIGNIFICANT);
    }

    SupervisorOptions all() {
        return SupervisorOptions.oneForOne().autoShutdown(AutoShutdown.ALL_SIGNIFICANT);
    }

    @Test
    void b69_nonSignificantExitNeverTriggersAutoShutdown() throws Exception {
        Pid sup = start(any(), w("t").restart(Restart.TEMPORARY), w("tr").restart(Restart.TRANSIENT), sig("s", Restart.TRANSIENT));
        Pid t = pid(sup, "t");
        send(t, "normal");
        awaitDead(t);
        Pid tr = pid(sup, "tr");
        send(tr, "crash");
        Fixtures.awaitNewPid(node, sup, "tr", tr);
        assertThat(node.isAlive(sup)).isTrue();
    }

    @Test
    void b70_anySignificantTemporaryExitShutsDown() throws Exception {
        Pid sup = start(any(), sig("s", Restart.TEMPORARY), w("other"));
        var exit = node.watch(sup);
        send(pid(sup, "s"), "crash");
        assertThat(SupervisorProcess.reasonOf(exit.get())).isEqualTo(ExitReason.SHUTDOWN);
        awaitLog("stop:other");
    }

    @Test
    void b70_significantTransientShutsDownOnlyOnNormalExit() throws Exception {
        Pid sup = start(any(), sig("s", Restart.TRANSIENT));
        Pid s = pid(sup, "s");
        send(s, "crash");
        Fixtures.awaitNewPid(node, sup, "s", s);
        var exit = node.watch(sup);
        send(pid(sup, "s"), "normal");
        assertThat(SupervisorProcess.reasonOf(exit.get())).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    void b71_allSignificantWaitsForEverySignificantChild() throws Exception {
        Pid sup = start(all(), sig("s1", Restart.TEMPORARY), sig("s2", Restart.TEMPORARY));
        var exit = node.watch(sup);
        Pid s1 = pid(sup, "s1");
        send(s1, "normal");
        awaitDead(s1);
        assertThat(Supervisor.countChildren(node, sup).specs()).isEqualTo(1);
        send(pid(sup, "s2"), "normal");
        assertThat(SupervisorProcess.reasonOf(exit.get())).isEqualTo(ExitReason.SHUTDOWN);
    }

    @Test
    void b72_terminateChildOfASignificantChildDoesNotTrigger() {
        Pid sup = start(any(), sig("s", Restart.TRANSIENT), sig("t", Restart.TEMPORARY));
        assertThat(Supervisor.terminateChild(node, sup, "s")).isEqualTo(Outcome.OK);
        assertThat(Supervisor.terminateChild(node, sup, "t")).isEqualTo(Outcome.OK);
        assertThat(node.isAlive(sup)).isTrue();
    }

    @Test
    void b73_significantBystandersDoNotTrigger() throws Exception {
        Pid sup = start(SupervisorOptions.oneForAll().autoShutdown(AutoShutdown.ANY_SIGNIFICANT),
                w("a"), sig("s", Restart.TRANSIENT));
        Pid s = pid(sup, "s");
        send(pid(sup, "a"), "crash");
        Fixtures.awaitNewPid(node, sup, "s", s);
        assertThat(node.isAlive(sup)).isTrue();
    }

    @Test
    void b74_autoShutdownCascadesThroughSignificantChildSupervisors() throws Exception {
        ChildSpec inner = Supervisor.childSpec("inner", List.of(sig("leaf", Restart.TEMPORARY)), any())
                .restart(Restart.TRANSIENT).significant(true);
        Pid top = start(any(), inner);
        var exit = node.watch(top);
        send(Fixtures.pidOf(node, pid(top, "inner"), "leaf"), "normal");
        assertThat(SupervisorProcess.reasonOf(exit.get())).isEqualTo(ExitReason.SHUTDOWN);
        // not significant: the parent carries on and, transient after shutdown, does not restart it
        ChildSpec inner2 = Supervisor.childSpec("inner2", List.of(sig("leaf2", Restart.TEMPORARY)), any())
                .restart(Restart.TRANSIENT);
        Pid top2 = start(SupervisorOptions.oneForOne(), inner2);
        Pid i2 = pid(top2, "inner2");
        var gone = node.watch(i2);
        send(Fixtures.pidOf(node, i2, "leaf2"), "normal");
        gone.get();
        Thread.sleep(20);
        assertThat(node.isAlive(top2)).isTrue();
        assertThat(Supervisor.whichChild(node, top2, "inner2").pid()).isNull();
    }

    @Test
    void b75_significantIsRejectedInDynamicSpecs() {
        Pid dyn = DynamicSupervisor.startLink(node, DynamicSupervisorOptions.defaults()).pidOrNull();
        StartResult r = DynamicSupervisor.startChild(node, dyn, sig("s", Restart.TEMPORARY));
        assertThat(((StartResult.Failed) r).reason()).isInstanceOf(InvalidChildSpecException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DynamicSupervisorOptions.fromMap(
                java.util.Map.of("auto_shutdown", "any_significant"))).isInstanceOf(InvalidSupervisorFlagsException.class);
    }

    @Test
    void b21_significantUnderNeverIsRejectedAtStartAndStartChild() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Supervisor.startLink(node,
                List.of(sig("s", Restart.TEMPORARY)), SupervisorOptions.oneForOne()))
                .isInstanceOf(InvalidChildSpecException.class).hasMessageContaining("significant");
        Pid sup = start(SupervisorOptions.oneForOne());
        StartResult r = Supervisor.startChild(node, sup, sig("s", Restart.TEMPORARY));
        assertThat(((StartResult.Failed) r).reason()).isInstanceOf(InvalidChildSpecException.class);
    }
}
