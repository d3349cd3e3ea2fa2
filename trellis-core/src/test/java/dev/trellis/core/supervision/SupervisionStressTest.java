package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stress: restart storms, big trees, stopping mid-restart; no leaked processes. */
@Timeout(120)
class SupervisionStressTest {
    final Node node = Node.start();

    @AfterEach
    void stop() {
        node.stop(Duration.ofSeconds(5));
    }

    void awaitProcessCount(int expected) throws InterruptedException {
        for (int i = 0; i < 5000 && node.processCount() != expected; i++) {
            Thread.sleep(1);
        }
        assertThat(node.processCount()).isEqualTo(expected);
    }

    @Test
    void b78_hundredThousandRestartsOfACrashingChild() throws Exception {
        int restarts = 100_000;
        int baseline = node.processCount();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger starts = new AtomicInteger();
        // each incarnation crashes at once, until the 100 001st, which stays up
        ChildStart crasher = ctx -> {
            int n = starts.incrementAndGet();
            return StartResult.ok(ctx.spawn(proc -> {
                if (n <= restarts) {
                    throw new IllegalStateException("crash " + n);
                }
                done.countDown();
                proc.events().receive();
                return null;
            }));
        };
        Pid sup = Supervisor.startLink(node, List.of(ChildSpec.worker("c", crasher)),
                SupervisorOptions.oneForOne().maxRestarts(Integer.MAX_VALUE).period(Duration.ofSeconds(3600))).pidOrNull();
        long t0 = System.nanoTime();
        done.await();
        long perRestartNs = (System.nanoTime() - t0) / restarts;
        System.out.printf("100k restarts: %.2f us per restart%n", perRestartNs / 1000.0);
        assertThat(starts.get()).isEqualTo(restarts + 1);
        Supervisor.stop(node, sup);
        awaitProcessCount(baseline);
    }

    @Test
    void aTreeOfAThousandSupervisors() throws Exception {
        int baseline = node.processCount();
        // 10 middle supervisors x 99 leaf supervisors each, + 10 + 1 = 1 001 supervisors, one worker per leaf
        List<ChildSpec> middles = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            List<ChildSpec> leaves = new ArrayList<>();
            for (int l = 0; l < 99; l++) {
                ChildSpec worker = ChildSpec.worker("w", ctx -> StartResult.ok(ctx.spawn(proc -> {
                    proc.events().receive();
                    throw new ShutdownException();
                })));
                leaves.add(Supervisor.childSpec("leaf" + l, List.of(worker), SupervisorOptions.oneForOne()));
            }
            middles.add(Supervisor.childSpec("mid" + m, leaves, SupervisorOptions.oneForAll()));
        }
        Pid root = Supervisor.startLink(node, middles, SupervisorOptions.oneForOne()).pidOrNull();
        assertThat(node.processCount() - baseline).isEqualTo(1 + 10 + 990 + 990);
        // kill one middle supervisor: its subtree comes back
        Pid mid = Supervisor.whichChild(node, root, "mid3").pid();
        node.terminate(mid);
        Fixtures.awaitNewPid(node, root, "mid3", mid);
        awaitProcessCount(baseline + 1 + 10 + 990 + 990);
        Supervisor.stop(node, root);
        awaitProcessCount(baseline);
    }

    @Test
    void supervisorStoppedWhileChildrenAreMidRestart() throws Exception {
        int baseline = node.processCount();
        for (int round = 0; round < 20; round++) {
            AtomicInteger n = new AtomicInteger();
            List<ChildSpec> specs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                specs.add(ChildSpec.worker("c" + i, ctx -> {
                    if (n.incrementAndGet() % 3 == 0) {
                        return StartResult.error("flaky");
                    }
                    return StartResult.ok(ctx.spawn(proc -> {
                        if (n.get() % 2 == 0) {
                            throw new IllegalStateException("crash");
                        }
                        proc.events().receive();
                        throw new ShutdownException();
                    }));
                }));
            }
            StartResult r = Supervisor.startLink(node, specs,
                    SupervisorOptions.restForOne().maxRestarts(Integer.MAX_VALUE));
            if (r instanceof StartResult.Started s) {
                while (n.get() < 40) {
                    Thread.onSpinWait();
                }
                Supervisor.stop(node, s.pid());
            }
            awaitProcessCount(baseline);
        }
    }

    @Test
    void manyConcurrentCallersDuringRestarts() throws Exception {
        Fixtures f = new Fixtures();
        Pid sup = Supervisor.startLink(node, List.of(ChildSpec.worker("a", f.worker("a"))),
                SupervisorOptions.oneForOne().maxRestarts(Integer.MAX_VALUE)).pidOrNull();
        int callers = 50;
        CountDownLatch done = new CountDownLatch(callers);
        AtomicInteger answered = new AtomicInteger();
        for (int c = 0; c < callers; c++) {
            node.spawn(proc -> {
                for (int i = 0; i < 100; i++) {
                    if (Supervisor.countChildren(proc, sup).specs() == 1) {
                        answered.incrementAndGet();
                    }
                }
                done.countDown();
                return null;
            });
        }
        for (int k = 0; k < 200; k++) {
            ChildInfo a = Supervisor.whichChild(node, sup, "a");
            if (a.pid() != null) {
                try {
                    node.send(a.pid(), "cmd", "crash");
                } catch (dev.trellis.core.ProcessException gone) {
                    // already restarting
                }
            }
        }
        done.await();
        assertThat(answered.get()).isEqualTo(callers * 100);
    }
}
