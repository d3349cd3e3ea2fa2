package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.channel.Selected;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Races between topology operations and exits resolve one way or the other, never neither, never twice. */
class RaceTest {
    private final Node node = Node.builder().host("h").shutdownTimeout(Duration.ofSeconds(1)).start();

    @AfterEach
    void stop() {
        node.stop();
        assertThat(node.processCount()).isZero();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void monitorRacingExitGivesEitherNotRegisteredOrExactlyOneExit() {
        int rounds = 3_000;
        Object v = node.exec(proc -> {
            int errors = 0;
            int exits = 0;
            for (int i = 0; i < rounds; i++) {
                Pid target = proc.spawn(p -> null); // exits at once, racing our monitor
                boolean monitored;
                try {
                    proc.monitor(target);
                    monitored = true;
                } catch (ProcessException e) {
                    assertThat(e.getMessage()).isEqualTo("pid not registered: " + target);
                    monitored = false;
                    errors++;
                }
                if (monitored) {
                    Event e = proc.events().receive();
                    assertThat(e.from()).isEqualTo(target);
                    exits++;
                }
            }
            // No stray or duplicate EXIT left behind.
            Selected s = proc.select(proc.events().receiveCase(), proc.after(Duration.ofMillis(50)).receiveCase());
            assertThat(s.index()).isEqualTo(1);
            return List.of(errors, exits);
        });
        @SuppressWarnings("unchecked")
        List<Integer> counts = (List<Integer>) v;
        assertThat(counts.get(0) + counts.get(1)).isEqualTo(rounds);
        System.out.println("monitor race outcomes (not registered, EXIT): " + counts);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void linkRacingErrorExitGivesEitherNotRegisteredOrExactlyOneLinkDown() {
        int rounds = 3_000;
        Object v = node.exec(proc -> {
            proc.trapLinks(true);
            int errors = 0;
            int downs = 0;
            for (int i = 0; i < rounds; i++) {
                Pid target = proc.spawn(p -> {
                    throw new RuntimeException("x");
                });
                boolean linked;
                try {
                    proc.link(target);
                    linked = true;
                } catch (ProcessException e) {
                    assertThat(e.getMessage()).isEqualTo("pid not registered: " + target);
                    linked = false;
                    errors++;
                }
                if (linked) {
                    Event e = proc.events().receive();
                    assertThat(e.kind()).isEqualTo(Event.Kind.LINK_DOWN);
                    assertThat(e.from()).isEqualTo(target);
                    downs++;
                }
            }
            Selected s = proc.select(proc.events().receiveCase(), proc.after(Duration.ofMillis(50)).receiveCase());
            assertThat(s.index()).isEqualTo(1);
            return List.of(errors, downs);
        });
        @SuppressWarnings("unchecked")
        List<Integer> counts = (List<Integer>) v;
        assertThat(counts.get(0) + counts.get(1)).isEqualTo(rounds);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void registerRacingExitNeverLeavesAStaleName() throws Exception {
        int rounds = 2_000;
        for (int i = 0; i < rounds; i++) {
            Pid p = node.spawn(proc -> null);
            try {
                node.register("racer", p);
            } catch (ProcessException e) {
                assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
            }
            // either the registration failed, or the exit releases it
            Await.until(() -> !node.isAlive(p), Duration.ofSeconds(5), "exit");
            Await.until(() -> node.registry().whereis("racer") == null, Duration.ofSeconds(5), "name release");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentTerminateAndCancelOfOneProcessExitOnce() throws Exception {
        for (int round = 0; round < 300; round++) {
            CountDownLatch ready = new CountDownLatch(1);
            Pid p = node.spawn(proc -> {
                ready.countDown();
                return proc.events().receive();
            });
            var exit = node.watch(p);
            ready.await();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int kind = t;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        if (kind % 2 == 0) {
                            node.terminate(p);
                        } else {
                            node.cancel(p, Duration.ZERO, "race");
                        }
                    } catch (ProcessException e) {
                        assertThat(e.getMessage()).isEqualTo("process not found: " + p);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(exit.get(5, TimeUnit.SECONDS).kind()).isEqualTo(Event.Kind.EXIT);
        }
    }
}
