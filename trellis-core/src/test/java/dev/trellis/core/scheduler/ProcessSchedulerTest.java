package dev.trellis.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hand-off scheduler's rules, each with plain tasks on a scheduler of the test's own. */
@Timeout(60)
class ProcessSchedulerTest {
    /** A guard that never looks within a test: hand-offs stay where they were put. */
    private static final Duration NO_GUARD = Duration.ofHours(1);

    @Test
    void theTestJvmRunsProcessesOnTheHandOffScheduler() {
        // The build passes --add-opens; without it every process would silently lose the hand-off.
        assumeTrue(System.getProperty("trellis.scheduler") == null, "scheduler chosen for this run");
        assertThat(ProcessScheduler.handOffActive()).as(ProcessScheduler.describe()).isTrue();
        assertThat(ProcessScheduler.describe()).startsWith("hand-off");
    }

    @Test
    void aTaskWokenOnACarrierRunsNextOnThatCarrierOnceTheWakerReturns() throws Exception {
        try (ProcessScheduler scheduler = new ProcessScheduler(2, NO_GUARD, 64)) {
            AtomicReference<Thread> wakerThread = new AtomicReference<>();
            AtomicBoolean wakerDone = new AtomicBoolean();
            CompletableFuture<Thread> wokenThread = new CompletableFuture<>();
            AtomicBoolean wakerDoneWhenWokenRan = new AtomicBoolean();
            Runnable woken = () -> {
                wakerDoneWhenWokenRan.set(wakerDone.get());
                wokenThread.complete(Thread.currentThread());
            };
            scheduler.execute(() -> {
                wakerThread.set(Thread.currentThread());
                scheduler.execute(woken);
                wakerDone.set(true);
            });
            assertThat(wokenThread.get(10, TimeUnit.SECONDS)).isSameAs(wakerThread.get());
            assertThat(wakerDoneWhenWokenRan).isTrue();
        }
    }

    @Test
    void aSecondWakeUpQueuesTheFirstForAnotherCarrier() throws Exception {
        try (ProcessScheduler scheduler = new ProcessScheduler(2, NO_GUARD, 64)) {
            // The waker keeps its carrier: only a queued first task can run meanwhile.
            assertThat(wakerSeesRun(scheduler, 2)).isTrue();
        }
    }

    @Test
    void theGuardQueuesATaskWhoseWakerKeepsItsCarrier() throws Exception {
        try (ProcessScheduler scheduler = new ProcessScheduler(2, Duration.ofMillis(1), 64)) {
            assertThat(wakerSeesRun(scheduler, 1)).isTrue();
        }
    }

    /**
     * From a task on a carrier, wakes a task that counts a latch down, then {@code wakeUps - 1}
     * empty ones, and keeps the carrier until the latch is down. {@return whether it was, within 10 s}
     */
    private static boolean wakerSeesRun(ProcessScheduler scheduler, int wakeUps) throws Exception {
        CountDownLatch wokenRan = new CountDownLatch(1);
        CompletableFuture<Boolean> sawIt = new CompletableFuture<>();
        scheduler.execute(() -> {
            scheduler.execute(wokenRan::countDown);
            for (int i = 1; i < wakeUps; i++) {
                scheduler.execute(() -> { });
            }
            try {
                sawIt.complete(wokenRan.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                sawIt.completeExceptionally(e);
            }
        });
        return sawIt.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aTaskThatSchedulesItselfIsQueuedAndKeepsTheSlotForTheTaskItWoke() throws Exception {
        try (ProcessScheduler scheduler = new ProcessScheduler(1, NO_GUARD, 64)) {
            List<String> order = new ArrayList<>();   // one carrier: no two tasks at once
            CountDownLatch done = new CountDownLatch(2);
            Runnable[] self = new Runnable[1];
            AtomicInteger selfRuns = new AtomicInteger();
            self[0] = () -> {
                if (selfRuns.incrementAndGet() == 1) {
                    scheduler.execute(() -> {
                        order.add("woken");
                        done.countDown();
                    });
                    scheduler.execute(self[0]);   // what a virtual thread's yield does
                    order.add("self, first run");
                } else {
                    order.add("self, second run");
                    done.countDown();
                }
            };
            scheduler.execute(self[0]);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly("self, first run", "woken", "self, second run");
        }
    }

    @Test
    void aTaskThatKeepsYieldingDoesNotStarveWorkSubmittedFromOutside() throws Exception {
        try (ProcessScheduler scheduler = new ProcessScheduler(1, NO_GUARD, 64)) {
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch spinning = new CountDownLatch(1);
            Runnable[] spinner = new Runnable[1];
            spinner[0] = () -> {
                spinning.countDown();
                if (!stop.get()) {
                    scheduler.execute(spinner[0]);   // what a virtual thread's yield does
                }
            };
            scheduler.execute(spinner[0]);
            assertThat(spinning.await(10, TimeUnit.SECONDS)).isTrue();
            CountDownLatch outsiderRan = new CountDownLatch(1);
            scheduler.execute(() -> {
                stop.set(true);
                outsiderRan.countDown();
            });
            assertThat(outsiderRan.await(10, TimeUnit.SECONDS)).as("the outside task ran").isTrue();
        }
    }

    @Test
    void aChainOfHandOffsLetsQueuedWorkRunAfterTheBudget() throws Exception {
        // One carrier, two tasks that wake each other forever: a queued task still runs.
        try (ProcessScheduler scheduler = new ProcessScheduler(1, NO_GUARD, 8)) {
            AtomicBoolean stop = new AtomicBoolean();
            Runnable[] pair = new Runnable[2];
            pair[0] = () -> {
                if (!stop.get()) {
                    scheduler.execute(pair[1]);
                }
            };
            pair[1] = () -> {
                if (!stop.get()) {
                    scheduler.execute(pair[0]);
                }
            };
            CountDownLatch queuedRan = new CountDownLatch(1);
            scheduler.execute(() -> {
                scheduler.execute(pair[0]);
                scheduler.submit(() -> {
                    stop.set(true);
                    queuedRan.countDown();
                });
            });
            assertThat(queuedRan.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void virtualThreadsParkAndUnparkEachOtherOnOneCarrier() throws Exception {
        try (ProcessScheduler scheduler = new ProcessScheduler(2, NO_GUARD, 64)) {
            ThreadFactory threads = scheduler.threadFactory();
            int roundTrips = 20_000;
            AtomicInteger ball = new AtomicInteger();   // even: ping's turn; odd: pong's turn
            Thread[] pair = new Thread[2];
            AtomicInteger sameCarrier = new AtomicInteger();
            AtomicReference<Thread> lastCarrier = new AtomicReference<>();
            for (int side = 0; side < 2; side++) {
                int me = side;
                pair[side] = threads.newThread(() -> {
                    for (int i = 0; i < roundTrips; i++) {
                        while ((ball.get() & 1) != me) {
                            LockSupport.park();
                        }
                        Thread carrier = ProcessScheduler.currentCarrier();
                        if (lastCarrier.getAndSet(carrier) == carrier) {
                            sameCarrier.incrementAndGet();
                        }
                        ball.incrementAndGet();
                        LockSupport.unpark(pair[1 - me]);
                    }
                });
            }
            pair[0].start();
            pair[1].start();
            pair[0].join();
            pair[1].join();
            assertThat(ball.get()).isEqualTo(2 * roundTrips);
            // With no guard and the waker parking at once, every turn but the first runs on the
            // carrier of the turn before it.
            assertThat(sameCarrier.get()).isGreaterThan(roundTrips);
        }
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> new ProcessScheduler(0, NO_GUARD, 1)).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> new ProcessScheduler(1, Duration.ZERO, 1)).hasMessageContaining("guardPeriod");
        assertThatThrownBy(() -> new ProcessScheduler(1, NO_GUARD, 0)).hasMessageContaining("budget");
        try (ProcessScheduler scheduler = new ProcessScheduler(1, NO_GUARD, 1)) {
            assertThatThrownBy(() -> scheduler.execute(null)).hasMessageContaining("task");
        }
    }
}
