package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.Pid;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** B.12 dynamic supervision. */
class DynamicSupervisorTest extends SupervisorTestBase {

    Pid dyn(DynamicSupervisorOptions o) {
        return DynamicSupervisor.startLink(node, o).pidOrNull();
    }

    Pid child(Pid sup, String id) {
        return DynamicSupervisor.startChild(node, sup, w(id)).pidOrNull();
    }

    @Test
    void b84_defaults() {
        DynamicSupervisorOptions d = DynamicSupervisorOptions.defaults();
        assertThat(d.maxChildren()).isEqualTo(DynamicSupervisorOptions.INFINITY);
        assertThat(d.extraArguments()).isEmpty();
        assertThat(d.maxRestarts()).isEqualTo(3);
        assertThat(d.period()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void b85_negativeMaxChildrenAndNonListExtraArgumentsRejected() {
        assertThatThrownBy(() -> DynamicSupervisorOptions.fromMap(Map.of("max_children", -1)))
                .isInstanceOfSatisfying(InvalidSupervisorFlagsException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidSupervisorFlagsException.Problem.INVALID_MAX_CHILDREN));
        assertThatThrownBy(() -> DynamicSupervisorOptions.fromMap(Map.of("extra_arguments", "x")))
                .isInstanceOfSatisfying(InvalidSupervisorFlagsException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidSupervisorFlagsException.Problem.INVALID_EXTRA_ARGUMENTS));
        assertThatThrownBy(() -> DynamicSupervisorOptions.fromMap(Map.of("strategy", "one_for_all")))
                .isInstanceOf(InvalidSupervisorFlagsException.class);
    }

    @Test
    void b86_startsEmptyAndListsChildrenWithoutIds() {
        Pid sup = dyn(DynamicSupervisorOptions.defaults());
        assertThat(DynamicSupervisor.countChildren(node, sup).specs()).isZero();
        Pid a = child(sup, "a");
        assertThat(DynamicSupervisor.whichChildren(node, sup))
                .containsExactly(new ChildInfo(null, a, false, ChildType.WORKER, List.of("a"), Restart.PERMANENT));
    }

    @Test
    void b88_extraArgumentsArePrependedAndReusedOnRestart() throws Exception {
        Pid sup = dyn(DynamicSupervisorOptions.defaults().extraArguments(List.of("extra")));
        ChildSpec spec = ChildSpec.worker("x", ctx -> StartResult.ok(ctx.spawn(proc -> {
            f.log.add(proc.args().toString());
            proc.inbox().receive();
            throw new IllegalStateException("crash");
        }, "own")));
        Pid p = DynamicSupervisor.startChild(node, sup, spec).pidOrNull();
        assertThat(f.next()).isEqualTo("[extra, own]");
        node.send(p, "go", "x");
        assertThat(f.next()).isEqualTo("[extra, own]");
    }

    @Test
    void b89_maxChildren() {
        Pid sup = dyn(DynamicSupervisorOptions.defaults().maxChildren(1));
        child(sup, "a");
        assertThat(DynamicSupervisor.startChild(node, sup, w("b"))).isEqualTo(StartResult.failed(SupervisorError.MAX_CHILDREN));
        Pid none = dyn(DynamicSupervisorOptions.defaults().maxChildren(0));
        assertThat(DynamicSupervisor.startChild(node, none, w("c"))).isEqualTo(StartResult.failed(SupervisorError.MAX_CHILDREN));
    }

    @Test
    void b90_b94_b95_restartingChildrenCountStayListedAndCanBeTerminated() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ChildSpec flaky = ChildSpec.worker("x", ctx -> n.incrementAndGet() == 1 ? f.worker("x").start(ctx)
                : SupervisorManagementTest.slowError(ctx));
        Pid sup = dyn(DynamicSupervisorOptions.defaults().maxChildren(1).maxRestarts(1_000_000));
        Pid x = DynamicSupervisor.startChild(node, sup, flaky).pidOrNull();
        send(x, "crash");
        while (n.get() < 3) {
            Thread.onSpinWait();
        }
        assertThat(DynamicSupervisor.countChildren(node, sup)).isEqualTo(new ChildCounts(1, 0, 0, 1));
        assertThat(DynamicSupervisor.whichChildren(node, sup).get(0).restarting()).isTrue();
        assertThat(DynamicSupervisor.startChild(node, sup, w("y"))).isEqualTo(StartResult.failed(SupervisorError.MAX_CHILDREN));
        // b95: terminating a restarting child (by its last pid) removes it
        assertThat(DynamicSupervisor.terminateChild(node, sup, x)).isEqualTo(Outcome.OK);
        assertThat(DynamicSupervisor.countChildren(node, sup).specs()).isZero();
    }

    @Test
    void b91_terminateChildByPidAndNotFound() {
        Pid sup = dyn(DynamicSupervisorOptions.defaults());
        Pid a = child(sup, "a");
        assertThat(DynamicSupervisor.terminateChild(node, sup, a)).isEqualTo(Outcome.OK);
        assertThat(node.isAlive(a)).isFalse();
        assertThat(DynamicSupervisor.terminateChild(node, sup, a)).isEqualTo(Outcome.rejected(SupervisorError.NOT_FOUND));
        Pid stranger = node.spawn(proc -> proc.inbox().receive());
        assertThat(DynamicSupervisor.terminateChild(node, sup, stranger)).isEqualTo(Outcome.rejected(SupervisorError.NOT_FOUND));
        assertThat(node.isAlive(stranger)).isTrue();
    }

    @Test
    void b92_idBasedCallsAreNotSupported() {
        Pid sup = dyn(DynamicSupervisorOptions.defaults());
        assertThat(Supervisor.restartChild(node, sup, "a")).isEqualTo(StartResult.failed(SupervisorError.SIMPLE_ONE_FOR_ONE));
        assertThat(Supervisor.deleteChild(node, sup, "a")).isEqualTo(Outcome.rejected(SupervisorError.SIMPLE_ONE_FOR_ONE));
        assertThat(Supervisor.whichChild(node, sup, "a")).isNull();
    }

    @Test
    void b93_aChildWhoseRestartIgnoresIsRemoved() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ChildSpec spec = ChildSpec.worker("x", ctx -> n.incrementAndGet() == 1 ? f.worker("x").start(ctx) : StartResult.ignore());
        Pid sup = dyn(DynamicSupervisorOptions.defaults());
        Pid x = DynamicSupervisor.startChild(node, sup, spec).pidOrNull();
        send(x, "crash");
        while (n.get() < 2) {
            Thread.onSpinWait();
        }
        assertThat(DynamicSupervisor.countChildren(node, sup).specs()).isZero();
    }

    @Test
    void b96_eachChildsRestartTypeApplies() throws Exception {
        Pid sup = dyn(DynamicSupervisorOptions.defaults().maxRestarts(10));
        Pid t = DynamicSupervisor.startChild(node, sup, w("t").restart(Restart.TEMPORARY)).pidOrNull();
        Pid tr = DynamicSupervisor.startChild(node, sup, w("tr").restart(Restart.TRANSIENT)).pidOrNull();
        Pid p = DynamicSupervisor.startChild(node, sup, w("p")).pidOrNull();
        f.log.clear();
        send(t, "crash");
        send(tr, "normal");
        send(p, "normal");
        assertThat(f.next()).isEqualTo("start:p");
        awaitDead(t);
        awaitDead(tr);
        for (int i = 0; i < 1000 && DynamicSupervisor.countChildren(node, sup).specs() != 1; i++) {
            Thread.sleep(1);
        }
        assertThat(DynamicSupervisor.countChildren(node, sup)).isEqualTo(new ChildCounts(1, 1, 0, 1));
    }

    @Test
    void b58_childrenAreStoppedConcurrentlyOnShutdown() throws Exception {
        Pid sup = dyn(DynamicSupervisorOptions.defaults());
        for (int i = 0; i < 20; i++) {
            DynamicSupervisor.startChild(node, sup, ChildSpec.worker("slow", ctx -> StartResult.ok(ctx.spawn(proc -> {
                proc.events().receive();
                proc.sleep(Duration.ofMillis(100)); // cleanup
                return null;
            }))).shutdown(Shutdown.infinity()));
        }
        DynamicSupervisor.startChild(node, sup, ChildSpec.worker("k", f.stubborn("k")).shutdown(Shutdown.millis(50)));
        long t0 = System.nanoTime();
        DynamicSupervisor.stop(node, sup);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("20 cleanups of 100 ms in parallel").isLessThan(1500);
    }

    @Test
    void b77_temporaryChildrenAreForgottenOnceTheyExit() throws Exception {
        Pid sup = dyn(DynamicSupervisorOptions.defaults());
        int baseline = node.processCount();
        for (int i = 0; i < 1000; i++) {
            DynamicSupervisor.startChild(node, sup, ChildSpec.worker("t", ctx -> StartResult.ok(ctx.spawn(proc -> null, new byte[1024])))
                    .restart(Restart.TEMPORARY));
        }
        for (int i = 0; i < 5000 && DynamicSupervisor.countChildren(node, sup).specs() != 0; i++) {
            Thread.sleep(1);
        }
        assertThat(DynamicSupervisor.countChildren(node, sup).specs()).isZero();
        assertThat(node.processCount()).isEqualTo(baseline);
    }
}
