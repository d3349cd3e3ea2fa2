package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.Pid;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** B.13 Task.Supervisor. */
class TaskSupervisorTest extends SupervisorTestBase {

    Pid tasks(DynamicSupervisorOptions o) {
        return TaskSupervisor.startLink(node, o).pidOrNull();
    }

    @Test
    void b98_isADynamicSupervisorForTheGenericApis() throws Exception {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        CountDownLatch hold = new CountDownLatch(1);
        Pid t = TaskSupervisor.startChild(node, sup, proc -> {
            hold.await();
            return null;
        }).pidOrNull();
        assertThat(DynamicSupervisor.countChildren(node, sup)).isEqualTo(new ChildCounts(1, 1, 0, 1));
        assertThat(DynamicSupervisor.whichChildren(node, sup)).extracting(ChildInfo::pid).containsExactly(t);
        hold.countDown();
    }

    @Test
    void b99_tasksAreTemporaryWith5sShutdownByDefault() throws Exception {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        Pid t = TaskSupervisor.startChild(node, sup, proc -> {
            throw new IllegalStateException("boom");
        }).pidOrNull();
        awaitDead(t);
        for (int i = 0; i < 1000 && DynamicSupervisor.countChildren(node, sup).specs() != 0; i++) {
            Thread.sleep(1);
        }
        assertThat(DynamicSupervisor.countChildren(node, sup).specs()).isZero();
    }

    @Test
    void b100_asyncRunsUnderTheSupervisorLinkedToTheCaller() {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        Object v = node.exec(proc -> {
            Task t = TaskSupervisor.async(proc, sup, p -> 6 * 7);
            return Task.await(proc, t, Duration.ofSeconds(5));
        });
        assertThat(v).isEqualTo(42);
        // linked: a failing task takes its (non-trapping) owner down
        // watched from the start: the owner may die before a later watch() could attach
        var owner = node.spawnWatched(proc -> {
            Task t = TaskSupervisor.async(proc, sup, p -> {
                p.inbox().receive();
                throw new IllegalStateException("task failed");
            });
            proc.send(t.pid(), "go", "now");
            proc.listen("never").receive();
            return null;
        });
        assertThat(owner.exit().join().error()).isEqualTo("linked process failed");
    }

    @Test
    void b101_asyncNolinkDoesNotLink() {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        Object v = node.exec(proc -> {
            Task t = TaskSupervisor.asyncNolink(proc, sup, p -> {
                throw new IllegalStateException("boom");
            });
            try {
                Task.await(proc, t, Duration.ofSeconds(5));
                return "no";
            } catch (TaskExitException e) {
                return "caller alive, task " + e.reason().getClass().getSimpleName();
            }
        });
        assertThat(v).isEqualTo("caller alive, task Failed");
    }

    @Test
    void b102_awaitTimesOutAndAbandonsTheTask() {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        Object v = node.exec(proc -> {
            Task t = TaskSupervisor.asyncNolink(proc, sup, p -> {
                p.sleep(Duration.ofMillis(300));
                return "late";
            });
            try {
                Task.await(proc, t, Duration.ofMillis(20));
                return "no timeout";
            } catch (CallException e) {
                return e.kind() + " " + e.getMessage().contains("20");
            }
        });
        assertThat(v).isEqualTo("TIMEOUT true");
    }

    @Test
    void b103_awaitOnAFailedTaskRaisesItsReason() {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        Task t = TaskSupervisor.async(node, sup, p -> {
            throw new IllegalArgumentException("bad");
        });
        assertThatThrownBy(() -> Task.await(t, Duration.ofSeconds(5)))
                .isInstanceOf(TaskExitException.class).hasCauseInstanceOf(IllegalArgumentException.class);
        Task s = TaskSupervisor.async(node, sup, p -> {
            throw new ShutdownException("x");
        });
        assertThatThrownBy(() -> Task.await(s, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(TaskExitException.class, e -> assertThat(e.reason()).isEqualTo(ExitReason.shutdown("x")));
    }

    @Test
    void b104_startChildPermanentComesBack() throws Exception {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        CountDownLatch runs = new CountDownLatch(3);
        TaskSupervisor.startChild(node, sup, proc -> {
            runs.countDown();
            return null;
        }, Restart.PERMANENT, Shutdown.millis(5000));
        runs.await();
    }

    @Test
    void b105_brutalKillTasksDieKilledOnShutdown() throws Exception {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        Pid t = TaskSupervisor.startChild(node, sup, proc -> {
            while (true) {
                proc.inbox().receive();
            }
        }, Restart.TEMPORARY, Shutdown.brutalKill()).pidOrNull();
        var exit = node.watch(t);
        DynamicSupervisor.stop(node, sup);
        assertThat(SupervisorProcess.reasonOf(exit.get())).isEqualTo(ExitReason.KILLED);
    }

    @Test
    void b106_asyncAtMaxChildrenRaises() {
        Pid sup = tasks(DynamicSupervisorOptions.defaults().maxChildren(0));
        assertThatThrownBy(() -> TaskSupervisor.async(node, sup, p -> 1))
                .hasMessageContaining("reached the maximum number of tasks");
    }

    @Test
    void b107_terminateChildThenNotFound() {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        Pid t = TaskSupervisor.startChild(node, sup, proc -> proc.inbox().receive()).pidOrNull();
        assertThat(DynamicSupervisor.terminateChild(node, sup, t)).isEqualTo(Outcome.OK);
        assertThat(DynamicSupervisor.terminateChild(node, sup, t)).isEqualTo(Outcome.rejected(SupervisorError.NOT_FOUND));
    }

    @Test
    void b108_aTaskSupervisorCanBeSupervisedAndNamed() {
        Pid top = start(SupervisorOptions.oneForOne(),
                TaskSupervisor.childSpec("tasks", DynamicSupervisorOptions.defaults().name("MyApp.Tasks")));
        assertThat(node.registry().whereis("MyApp.Tasks")).isEqualTo(pid(top, "tasks"));
        Task t = TaskSupervisor.async(node, "MyApp.Tasks", p -> "hi");
        assertThat(Task.await(t, Duration.ofSeconds(5))).isEqualTo("hi");
    }

    @Test
    void yieldReturnsEmptyWhileRunningThenTheResult() {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        Object v = node.exec(proc -> {
            Task t = TaskSupervisor.asyncNolink(proc, sup, p -> {
                p.sleep(Duration.ofMillis(100));
                return "done";
            });
            Optional<ExitReason> first = Task.yield(proc, t, Duration.ofMillis(1));
            Optional<ExitReason> second = Task.yield(proc, t, Duration.ofSeconds(5));
            return List.of(first.isPresent(), second.orElseThrow());
        });
        assertThat(v).isEqualTo(List.of(false, new ExitReason.Normal("done")));
    }

    /** Task.async without a supervisor: linked to its owner, the result through await. */
    @Test
    void asyncWithoutASupervisorIsLinkedToItsOwner() {
        Object v = node.exec(proc -> {
            Task t = Task.async(proc, p -> 6 * 7);
            return Task.await(proc, t, Duration.ofSeconds(5));
        });
        assertThat(v).isEqualTo(42);
        var owner = node.spawnWatched(proc -> {
            Task t = Task.async(proc, p -> {
                p.inbox().receive();
                throw new IllegalStateException("task failed");
            });
            proc.send(t.pid(), "go", "now");
            proc.listen("never").receive();
            return null;
        });
        assertThat(owner.exit().join().error()).isEqualTo("linked process failed");
    }

    /** startChild from a process: temporary and unlinked, the caller waits in its mailbox. */
    @Test
    void startChildFromAProcess() {
        Pid sup = tasks(DynamicSupervisorOptions.defaults());
        Object v = node.exec(proc -> {
            StartResult r = TaskSupervisor.startChild(proc, sup, p -> p.inbox().receive(), List.of());
            return DynamicSupervisor.countChildren(proc.node(), sup).active() == 1 && r.pidOrNull() != null;
        });
        assertThat(v).isEqualTo(true);
    }
}
