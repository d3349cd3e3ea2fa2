package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.Pid;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** B.1 start-up, B.3 starting children, B.8 the management API. */
class SupervisorManagementTest extends SupervisorTestBase {

    @Test
    void b08_initIgnoreAndBadReturnsFailTheStart() {
        StartResult r = Supervisor.startLink(node, List.of(ChildSpec.worker("bad", ctx -> StartResult.error("nope"))),
                SupervisorOptions.oneForOne());
        assertThat(r).isInstanceOf(StartResult.Failed.class);
        assertThat(((StartResult.Failed) r).reason()).isInstanceOf(SupervisorProcess.FailedToStartChild.class);
    }

    @Test
    void b10_registeredNameAndNameTaken() {
        Pid sup = start(SupervisorOptions.oneForOne().name("my.sup"));
        assertThat(node.registry().whereis("my.sup")).isEqualTo(sup);
        assertThat(Supervisor.countChildren(node, "my.sup").specs()).isZero();
        StartResult again = Supervisor.startLink(node, List.of(), SupervisorOptions.oneForOne().name("my.sup"));
        assertThat(again).isEqualTo(StartResult.alreadyStarted(sup));
        assertThatThrownBy(() -> SupervisorOptions.oneForOne().name(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void b23_startResultsOkWithInfoIgnoreError() {
        Pid sup = start(SupervisorOptions.oneForOne());
        StartResult withInfo = Supervisor.startChild(node, sup,
                ChildSpec.worker("i", ctx -> StartResult.ok(f.worker("i").start(ctx).pidOrNull(), "info")));
        assertThat(((StartResult.Started) withInfo).info()).isEqualTo("info");
        assertThat(Supervisor.startChild(node, sup, ChildSpec.worker("g", ctx -> StartResult.ignore())))
                .isEqualTo(StartResult.ignore());
        assertThat(Supervisor.startChild(node, sup, ChildSpec.worker("e", ctx -> StartResult.error("x"))))
                .isEqualTo(StartResult.error("x"));
    }

    @Test
    void b24_ignoreKeepsANonTemporarySpecWithoutPid() {
        Pid sup = start(SupervisorOptions.oneForOne(), ChildSpec.worker("g", ctx -> StartResult.ignore()), w("a"));
        assertThat(Supervisor.countChildren(node, sup)).isEqualTo(new ChildCounts(2, 1, 0, 2));
    }

    @Test
    void b25_ignoreFromATemporaryChildDiscardsItsSpec() {
        Pid sup = start(SupervisorOptions.oneForOne(), ChildSpec.worker("g", ctx -> StartResult.ignore()).restart(Restart.TEMPORARY));
        Supervisor.startChild(node, sup, ChildSpec.worker("h", ctx -> StartResult.ignore()).restart(Restart.TEMPORARY));
        assertThat(Supervisor.countChildren(node, sup).specs()).isZero();
    }

    @Test
    void b26_b27_failedOrThrowingStartIsNotAddedAndSupervisorSurvives() {
        Pid sup = start(SupervisorOptions.oneForOne());
        assertThat(Supervisor.startChild(node, sup, ChildSpec.worker("e", ctx -> StartResult.error("x"))))
                .isInstanceOf(StartResult.Failed.class);
        StartResult thrown = Supervisor.startChild(node, sup, ChildSpec.worker("t", ctx -> {
            throw new IllegalStateException("boom");
        }));
        assertThat(((StartResult.Failed) thrown).reason()).isInstanceOf(IllegalStateException.class);
        assertThat(Supervisor.countChildren(node, sup).specs()).isZero();
        assertThat(node.isAlive(sup)).isTrue();
    }

    @Test
    void b28_staticChildFailingAtInitStopsTheStartedOnes() throws Exception {
        StartResult r = Supervisor.startLink(node, List.of(w("a"), w("b"), ChildSpec.worker("c", ctx -> StartResult.error("no"))),
                SupervisorOptions.oneForOne());
        assertThat(r.toString()).contains("failed_to_start_child").contains("c");
        assertThat(List.of(f.next(), f.next(), f.next(), f.next())).containsExactly("start:a", "start:b", "stop:b", "stop:a");
    }

    @Test
    void b29_alreadyStartedAndAlreadyPresent() {
        Pid sup = start(SupervisorOptions.oneForOne(), w("a"));
        assertThat(Supervisor.startChild(node, sup, w("a"))).isEqualTo(StartResult.alreadyStarted(pid(sup, "a")));
        Supervisor.terminateChild(node, sup, "a");
        assertThat(Supervisor.startChild(node, sup, w("a"))).isEqualTo(StartResult.failed(SupervisorError.ALREADY_PRESENT));
    }

    @Test
    void b30_startFunctionsAlreadyStartedIsPassedThrough() {
        Pid other = start(SupervisorOptions.oneForOne().name("taken"));
        Pid sup = start(SupervisorOptions.oneForOne());
        StartResult r = Supervisor.startChild(node, sup,
                Supervisor.childSpec("dup", List.of(), SupervisorOptions.oneForOne().name("taken")));
        assertThat(r).isEqualTo(StartResult.alreadyStarted(other));
    }

    @Test
    void b32_callsOnAMissingSupervisorThrowNoproc() {
        Pid sup = start(SupervisorOptions.oneForOne());
        Supervisor.stop(node, sup);
        assertThatThrownBy(() -> Supervisor.countChildren(node, sup))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.NOPROC));
        assertThatThrownBy(() -> Supervisor.whichChildren(node, "nobody"))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.NOPROC));
    }

    @Test
    void b20_getChildSpecReturnsTheNormalizedSpecOrNotFound() {
        ChildSpec a = w("a");
        Pid sup = start(SupervisorOptions.oneForOne(), a);
        assertThat(Supervisor.getChildSpec(node, sup, "a")).isEqualTo(a);
        assertThat(Supervisor.getChildSpec(node, sup, "a").shutdown()).isEqualTo(Shutdown.millis(5000));
        assertThat(Supervisor.getChildSpec(node, sup, "zz")).isNull();
    }

    @Test
    void b60_b61_whichChildrenAndWhichChild() {
        Pid sup = start(SupervisorOptions.oneForOne(), w("a"), ChildSpec.supervisor("s", ctx -> StartResult.ignore()));
        List<ChildInfo> kids = Supervisor.whichChildren(node, sup);
        assertThat(kids).hasSize(2);
        assertThat(kids.get(0)).isEqualTo(new ChildInfo("s", null, false, ChildType.SUPERVISOR, List.of("s"), Restart.PERMANENT));
        assertThat(kids.get(1).pid()).isEqualTo(pid(sup, "a"));
        assertThat(Supervisor.whichChild(node, sup, "nope")).isNull();
    }

    @Test
    void b62_countChildren() {
        Pid sup = start(SupervisorOptions.oneForOne(), w("a"), w("b"), Supervisor.childSpec("s", List.of(), SupervisorOptions.oneForOne()));
        Supervisor.terminateChild(node, sup, "b");
        assertThat(Supervisor.countChildren(node, sup)).isEqualTo(new ChildCounts(3, 2, 1, 2));
    }

    @Test
    void b63_terminateChild() {
        Pid sup = start(SupervisorOptions.oneForOne(), w("a"), w("t").restart(Restart.TEMPORARY));
        Pid a = pid(sup, "a");
        assertThat(Supervisor.terminateChild(node, sup, "a")).isEqualTo(Outcome.OK);
        assertThat(node.isAlive(a)).isFalse();
        assertThat(Supervisor.whichChild(node, sup, "a").pid()).isNull();
        assertThat(Supervisor.terminateChild(node, sup, "a")).isEqualTo(Outcome.OK);
        assertThat(Supervisor.terminateChild(node, sup, "zz")).isEqualTo(Outcome.rejected(SupervisorError.NOT_FOUND));
        assertThat(Supervisor.terminateChild(node, sup, pid(sup, "t"))).isEqualTo(Outcome.rejected(SupervisorError.NOT_FOUND));
        assertThat(Supervisor.terminateChild(node, sup, "t")).isEqualTo(Outcome.OK);
        assertThat(Supervisor.whichChild(node, sup, "t")).isNull();
    }

    @Test
    void b64_restartChild() {
        AtomicInteger n = new AtomicInteger();
        ChildStart flaky = ctx -> n.incrementAndGet() == 2 ? StartResult.error("once") : StartResult.ok(f.worker("x").start(ctx).pidOrNull(), "info");
        Pid sup = start(SupervisorOptions.oneForOne(), ChildSpec.worker("x", flaky));
        assertThat(Supervisor.restartChild(node, sup, "x")).isEqualTo(StartResult.failed(SupervisorError.RUNNING));
        Supervisor.terminateChild(node, sup, "x");
        assertThat(Supervisor.restartChild(node, sup, "x")).isEqualTo(StartResult.error("once"));
        assertThat(Supervisor.whichChild(node, sup, "x").pid()).isNull();
        StartResult ok = Supervisor.restartChild(node, sup, "x");
        assertThat(((StartResult.Started) ok).info()).isEqualTo("info");
        assertThat(Supervisor.restartChild(node, sup, "zz")).isEqualTo(StartResult.failed(SupervisorError.NOT_FOUND));
    }

    @Test
    void b65_deleteChild() {
        Pid sup = start(SupervisorOptions.oneForOne(), w("a"));
        assertThat(Supervisor.deleteChild(node, sup, "a")).isEqualTo(Outcome.rejected(SupervisorError.RUNNING));
        Supervisor.terminateChild(node, sup, "a");
        assertThat(Supervisor.deleteChild(node, sup, "a")).isEqualTo(Outcome.OK);
        assertThat(Supervisor.restartChild(node, sup, "a")).isEqualTo(StartResult.failed(SupervisorError.NOT_FOUND));
        assertThat(Supervisor.deleteChild(node, sup, "a")).isEqualTo(Outcome.rejected(SupervisorError.NOT_FOUND));
        assertThat(Supervisor.startChild(node, sup, w("a"))).isInstanceOf(StartResult.Started.class);
    }

    @Test
    void b66_callsAreAnsweredDuringARestartLoop() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ChildStart failing = ctx -> n.incrementAndGet() == 1 ? f.worker("x").start(ctx) : slowError(ctx);
        Pid sup = start(SupervisorOptions.oneForOne().maxRestarts(1_000_000), ChildSpec.worker("x", failing));
        send(pid(sup, "x"), "crash");
        while (n.get() < 10) {
            Thread.onSpinWait();
        }
        assertThat(Supervisor.countChildren(node, sup)).isEqualTo(new ChildCounts(1, 0, 0, 1));
        assertThat(Supervisor.whichChild(node, sup, "x").restarting()).isTrue();
        assertThat(Supervisor.restartChild(node, sup, "x")).isEqualTo(StartResult.failed(SupervisorError.RESTARTING));
        assertThat(Supervisor.deleteChild(node, sup, "x")).isEqualTo(Outcome.rejected(SupervisorError.RESTARTING));
        assertThat(Supervisor.startChild(node, sup, w("x"))).isEqualTo(StartResult.failed(SupervisorError.ALREADY_PRESENT));
    }

    @Test
    void b97_specValidationHappensBeforeTheCall() {
        assertThatThrownBy(() -> Supervisor.startChild(node, "no such supervisor", java.util.Map.of("id", "x")))
                .isInstanceOf(InvalidChildSpecException.class).hasMessageContaining("start");
    }

    @Test
    void callsFromInsideAProcessWaitInTheMailbox() {
        Pid sup = start(SupervisorOptions.oneForOne(), w("a"));
        Object counts = node.exec(proc -> Supervisor.countChildren(proc, sup));
        assertThat(counts).isEqualTo(new ChildCounts(1, 1, 0, 1));
    }

    /** A failing start that takes 1 ms, so a retry loop does not burn a million restarts a second. */
    static StartResult slowError(StartContext ctx) {
        ctx.proc().sleep(java.time.Duration.ofMillis(1));
        return StartResult.error("down");
    }
}
