package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Pid;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** B.6 strategies and ordering, B.11 nested trees. */
class SupervisorStrategyTest extends SupervisorTestBase {

    List<String> take(int n) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(f.next());
        }
        return out;
    }

    @Test
    void b45_oneForAllStopsOthersInReverseThenStartsAllInOrder() throws Exception {
        Pid sup = start(SupervisorOptions.oneForAll(), w("a"), w("b"), w("c"));
        take(3);
        Pid a = pid(sup, "a");
        Pid c = pid(sup, "c");
        send(pid(sup, "b"), "crash");
        assertThat(take(5)).containsExactly("stop:c", "stop:a", "start:a", "start:b", "start:c");
        assertThat(pid(sup, "a")).isNotEqualTo(a);
        assertThat(pid(sup, "c")).isNotEqualTo(c);
    }

    @Test
    void b46_restForOneRestartsTheFailedAndLaterChildren() throws Exception {
        Pid sup = start(SupervisorOptions.restForOne(), w("a"), w("b"), w("c"), w("d"));
        take(4);
        Pid a = pid(sup, "a");
        send(pid(sup, "b"), "crash");
        assertThat(take(5)).containsExactly("stop:d", "stop:c", "start:b", "start:c", "start:d");
        assertThat(pid(sup, "a")).isEqualTo(a);
    }

    @Test
    void b41_aGroupRestartCountsAsOne() throws Exception {
        Pid sup = start(SupervisorOptions.oneForAll().maxRestarts(1), w("a"), w("b"), w("c"));
        take(3);
        send(pid(sup, "a"), "crash");
        take(5);
        assertThat(node.isAlive(sup)).isTrue();
        assertThat(Supervisor.countChildren(node, sup).active()).isEqualTo(3);
    }

    @Test
    void b47_oneForAllStopsThisRoundsChildrenWhenALaterOneFailsToStart() throws Exception {
        AtomicInteger cStarts = new AtomicInteger();
        ChildStart c = ctx -> cStarts.incrementAndGet() == 2 ? StartResult.error("not now") : f.worker("c").start(ctx);
        Pid sup = start(SupervisorOptions.oneForAll().maxRestarts(5), w("a"), w("b"), ChildSpec.worker("c", c));
        take(3);
        send(pid(sup, "a"), "crash");
        // round 1: stop c, b; start a, b; c fails -> stop b, a; retry: all again
        assertThat(take(8)).containsExactly("stop:c", "stop:b", "start:a", "start:b", "stop:b", "stop:a",
                "start:a", "start:b");
        awaitLog("start:c");
    }

    @Test
    void b48_restForOneRetryResumesFromTheFailedChild() throws Exception {
        AtomicInteger bStarts = new AtomicInteger();
        ChildStart b = ctx -> {
            if (bStarts.incrementAndGet() == 2) {
                f.log.add("fail:b");
                return StartResult.error("not now");
            }
            return f.worker("b").start(ctx);
        };
        Pid sup = start(SupervisorOptions.restForOne().maxRestarts(5), w("a"), ChildSpec.worker("b", b), w("c"));
        take(3);
        Pid a = pid(sup, "a");
        send(a, "crash");
        assertThat(take(5)).containsExactly("stop:c", "stop:b", "start:a", "fail:b", "start:b");
        assertThat(f.next()).isEqualTo("start:c");
        Pid a2 = pid(sup, "a");
        assertThat(a2).isNotEqualTo(a);
    }

    @Test
    void b49_temporaryBystanderIsRemovedNotRestarted() throws Exception {
        Pid sup = start(SupervisorOptions.oneForAll(), w("a"), w("t").restart(Restart.TEMPORARY));
        take(2);
        send(pid(sup, "a"), "crash");
        assertThat(take(2)).containsExactly("stop:t", "start:a");
        assertThat(Supervisor.countChildren(node, sup)).isEqualTo(new ChildCounts(1, 1, 0, 1));
    }

    @Test
    void b50_oneForAllRestartsEverySpecIncludingATerminatedOne() throws Exception {
        Pid sup = start(SupervisorOptions.oneForAll(), w("a"), w("b"), w("c"));
        take(3);
        Supervisor.terminateChild(node, sup, "c");
        take(1);
        send(pid(sup, "a"), "crash");
        awaitLog("start:c");
        assertThat(Supervisor.countChildren(node, sup)).isEqualTo(new ChildCounts(3, 3, 0, 3));
    }

    @Test
    void b51_whichChildrenListsMostRecentlyStartedFirst() {
        Pid sup = start(SupervisorOptions.oneForOne(), w("a"), w("b"), w("c"));
        assertThat(Supervisor.whichChildren(node, sup)).extracting(ChildInfo::id).containsExactly("c", "b", "a");
    }

    @Test
    void b80_childSupervisorsCountAsSupervisorsWithShutdownInfinity() {
        ChildSpec inner = Supervisor.childSpec("inner", List.of(), SupervisorOptions.oneForOne());
        assertThat(inner.shutdown()).isEqualTo(Shutdown.infinity());
        Pid sup = start(SupervisorOptions.oneForOne(), inner, w("a"));
        assertThat(Supervisor.countChildren(node, sup)).isEqualTo(new ChildCounts(2, 2, 1, 1));
    }

    @Test
    void b81_restartedChildSupervisorHasOnlyItsInitChildren() throws Exception {
        Pid top = start(SupervisorOptions.oneForOne(), Supervisor.childSpec("inner", List.of(w("x")), SupervisorOptions.oneForOne()));
        Pid inner = pid(top, "inner");
        Supervisor.startChild(node, inner, w("added"));
        assertThat(Supervisor.countChildren(node, inner).specs()).isEqualTo(2);
        node.terminate(inner);
        Pid inner2 = Fixtures.awaitNewPid(node, top, "inner", inner);
        assertThat(Supervisor.whichChildren(node, inner2)).extracting(ChildInfo::id).containsExactly("x");
    }

    @Test
    void b82_escalationUpTheTreeRestartsTheSubtree() throws Exception {
        ChildSpec inner = Supervisor.childSpec("inner", List.of(w("leaf")), SupervisorOptions.oneForOne().maxRestarts(0));
        Pid top = start(SupervisorOptions.oneForAll(), inner, w("sibling"));
        take(2);
        Pid sibling = pid(top, "sibling");
        send(Fixtures.pidOf(node, pid(top, "inner"), "leaf"), "crash");
        Fixtures.awaitNewPid(node, top, "sibling", sibling);
    }

    @Test
    void b83_namesAreReRegisteredAfterRestart() throws Exception {
        Pid top = start(SupervisorOptions.oneForOne(),
                Supervisor.childSpec("inner", List.of(), SupervisorOptions.oneForOne().name("inner.sup")));
        Pid inner = node.registry().whereis("inner.sup");
        assertThat(inner).isEqualTo(pid(top, "inner"));
        node.terminate(inner);
        Pid inner2 = Fixtures.awaitNewPid(node, top, "inner", inner);
        assertThat(node.registry().whereis("inner.sup")).isEqualTo(inner2);
        Supervisor.stop(node, top);
        assertThat(node.registry().whereis("inner.sup")).isNull();
    }
}
