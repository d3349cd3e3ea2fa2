package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.supervision.ChildSpec;
import dev.trellis.core.supervision.StartResult;
import dev.trellis.core.supervision.Supervisor;
import dev.trellis.core.supervision.SupervisorOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A process failure that nothing handles reaches the node's {@link CrashReporter}; every other
 * exit does not. Each negative case ends with {@link Node#stop()}, which returns only after every
 * process has exited (and so after any report it would have made).
 */
class CrashReportTest {

    private final List<CrashReport> reports = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstReport = new CountDownLatch(1);

    private Node node() {
        return Node.builder().crashReporter(r -> {
            reports.add(r);
            firstReport.countDown();
        }).start();
    }

    /** A body with a name of its own, so the report can name it. */
    record FailingJob(String why) implements ProcessBody {
        @Override
        public Object run(Proc proc) {
            throw new IllegalStateException(why);
        }
    }

    @Test
    void anUnwatchedFailureIsReportedWithPidBodyErrorAndStack() throws Exception {
        Node node = node();
        Pid pid = node.spawn(new FailingJob("disk full"));
        assertThat(firstReport.await(10, TimeUnit.SECONDS)).isTrue();
        node.stop();
        assertThat(reports).hasSize(1);
        CrashReport r = reports.getFirst();
        assertThat(r.pid()).isEqualTo(pid);
        assertThat(r.process()).isEqualTo("FailingJob[why=disk full]");
        assertThat(r.error().kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(r.error().message()).isEqualTo("disk full");
        assertThat(r.stack()).contains("IllegalStateException: disk full", "FailingJob.run");
        assertThat(r.format()).startsWith("crash: " + pid + " FailingJob[why=disk full]: INTERNAL: disk full\n    ");
    }

    @Test
    void aLambdaIsReportedWithoutAName() throws Exception {
        Node node = node();
        node.spawn(proc -> {
            throw new ProcessException(ErrorKind.INVALID, "bad order");
        });
        assertThat(firstReport.await(10, TimeUnit.SECONDS)).isTrue();
        node.stop();
        CrashReport r = reports.getFirst();
        assertThat(r.process()).isNull();
        assertThat(r.format()).startsWith("crash: " + r.pid() + ": INVALID: bad order");
    }

    @Test
    void aTracebackGivenByTheRaiserReplacesTheJavaStack() throws Exception {
        Node node = node();
        node.spawn(proc -> {
            throw new ProcessException(ProcessError.of(ErrorKind.INTERNAL, "x.lua:3: boom"), "stack traceback:\n\tx.lua:3: in main");
        });
        assertThat(firstReport.await(10, TimeUnit.SECONDS)).isTrue();
        node.stop();
        assertThat(reports.getFirst().stack()).isEqualTo("stack traceback:\n\tx.lua:3: in main");
        assertThat(reports.getFirst().format()).endsWith("x.lua:3: boom\n    stack traceback:\n    \tx.lua:3: in main");
    }

    @Test
    void normalExitsAndKillsFromOutsideAreNotReported() {
        Node node = node();
        node.spawn(proc -> "done");
        Pid parked = node.spawn(proc -> proc.inbox().receive());
        node.terminate(parked);
        node.spawn(proc -> proc.inbox().receive()); // ignores CANCEL: terminated by the stop below
        node.stop(Duration.ofMillis(50));
        assertThat(reports).isEmpty();
    }

    @Test
    void aMonitoredFailureIsTheMonitorsToHandle() throws Exception {
        Node node = node();
        Node.Watched w = node.spawnWatched(new FailingJob("watched"));
        assertThat(w.exit().get(10, TimeUnit.SECONDS).isError()).isTrue();
        Object seen = node.exec(proc -> {
            Pid child = proc.spawnMonitored(new FailingJob("monitored"));
            Event e;
            do {
                e = proc.events().receive();
            } while (!e.from().equals(child));
            return e.error();
        });
        assertThat(seen).isEqualTo("monitored");
        node.stop();
        assertThat(reports).isEmpty();
    }

    @Test
    void aLinkedFailureIsTheLinksToHandle() {
        Node node = node();
        Object seen = node.exec(proc -> {
            proc.trapLinks(true);
            Pid child = proc.spawnLinked(new FailingJob("linked"));
            Event e;
            do {
                e = proc.events().receive();
            } while (!e.from().equals(child));
            return e.kind() + " " + e.error();
        });
        assertThat(seen).isEqualTo(Event.Kind.LINK_DOWN + " linked");
        node.stop();
        assertThat(reports).isEmpty();
    }

    @Test
    void aSupervisedChildsFailureIsTheSupervisorsToHandle() throws Exception {
        Node node = node();
        CountDownLatch secondStart = new CountDownLatch(2);
        ChildSpec child = ChildSpec.worker("flaky", ctx -> {
            secondStart.countDown();
            return StartResult.ok(ctx.spawn(new FailingJob("supervised")));
        });
        Supervisor.startLink(node, List.of(child), SupervisorOptions.oneForOne().maxRestarts(100).maxSeconds(1));
        assertThat(secondStart.await(10, TimeUnit.SECONDS)).as("restarted after the first failure").isTrue();
        node.stop(Duration.ofSeconds(5));
        assertThat(reports).noneMatch(r -> r.error().message().equals("supervised"));
    }

    @Test
    void aFailingReporterDoesNotDisturbTheExit() throws Exception {
        Node node = Node.builder().crashReporter(r -> {
            throw new IllegalStateException("reporter broke");
        }).start();
        Pid pid = node.spawn(new FailingJob("x"));
        Await.until(() -> !node.isAlive(pid), Duration.ofSeconds(10), "the failed process to be gone");
        Object after = node.exec(proc -> "still fine");
        assertThat(after).isEqualTo("still fine");
        node.stop();
    }

    @Test
    void aStormOfUnwatchedFailuresIsReportedOncePerProcess() throws Exception {
        int n = 2_000;
        CountDownLatch all = new CountDownLatch(n);
        java.util.concurrent.ConcurrentHashMap<Pid, Integer> perPid = new java.util.concurrent.ConcurrentHashMap<>();
        Node node = Node.builder().crashReporter(r -> {
            perPid.merge(r.pid(), 1, Integer::sum);
            all.countDown();
        }).start();
        for (int i = 0; i < n; i++) {
            node.spawn(new FailingJob("storm " + i));
        }
        assertThat(all.await(30, TimeUnit.SECONDS)).as("every failure reported").isTrue();
        node.stop();
        assertThat(perPid).hasSize(n);
        assertThat(perPid.values()).containsOnly(1);
    }
}
