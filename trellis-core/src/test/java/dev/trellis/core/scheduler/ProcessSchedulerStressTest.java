package dev.trellis.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Tokens passed at random among many virtual threads, on schedulers tuned to make every race of
 * the run-next slot frequent: a guard that looks every few microseconds (so steals race with the
 * carrier's own take), tiny budgets, one to four carriers. A task run twice shows in a plain
 * task's count (a virtual thread's continuation ignores a second run, so runs are counted with
 * plain tasks); a task lost would leave a token holder parked forever, or the in-flight count
 * above zero. At the end every token is accounted for and every thread has ended.
 */
@Timeout(120)
class ProcessSchedulerStressTest {

    @RepeatedTest(8)
    void tokensPassedAtRandomAreNeverLostAndEveryThreadEnds(org.junit.jupiter.api.RepetitionInfo info)
            throws Exception {
        int rep = info.getCurrentRepetition();
        int parallelism = 1 + rep % 4;
        int budget = 1 + rep % 3;
        try (ProcessScheduler scheduler = new ProcessScheduler(parallelism, Duration.ofNanos(20_000), budget)) {
            ThreadFactory threads = scheduler.threadFactory();

            int holders = 500;
            int tokens = 50;
            long hopsWanted = 1_000_000;
            AtomicLong hops = new AtomicLong();
            @SuppressWarnings("unchecked")
            ConcurrentLinkedQueue<Integer>[] inboxes = new ConcurrentLinkedQueue[holders];
            Thread[] holder = new Thread[holders];
            AtomicInteger busyLoops = new AtomicInteger();
            for (int i = 0; i < holders; i++) {
                inboxes[i] = new ConcurrentLinkedQueue<>();
            }
            for (int t = 0; t < tokens; t++) {
                inboxes[t * (holders / tokens)].add(t);
            }
            for (int i = 0; i < holders; i++) {
                int me = i;
                holder[i] = threads.newThread(() -> {
                    SplittableRandom random = new SplittableRandom(me * 31L + rep);
                    while (hops.get() < hopsWanted) {
                        Integer token = inboxes[me].poll();
                        if (token == null) {
                            LockSupport.park();
                            continue;
                        }
                        if (random.nextInt(64) == 0) {
                            // Keep the carrier a while without parking: the guard must move
                            // whatever this holder woke last.
                            long until = System.nanoTime() + 50_000;
                            while (System.nanoTime() < until) {
                                Thread.onSpinWait();
                            }
                            busyLoops.incrementAndGet();
                        }
                        int to = random.nextInt(holders);
                        inboxes[to].add(token);
                        LockSupport.unpark(holder[to]);
                        if (hops.incrementAndGet() >= hopsWanted) {
                            for (Thread h : holder) {
                                LockSupport.unpark(h);
                            }
                        }
                    }
                });
            }
            for (Thread h : holder) {
                h.start();
            }
            for (Thread h : holder) {
                h.join();
            }
            int left = 0;
            for (ConcurrentLinkedQueue<Integer> inbox : inboxes) {
                left += inbox.size();
            }
            assertThat(left).as("tokens at rest after the run").isEqualTo(tokens);
            assertThat(hops.get()).isGreaterThanOrEqualTo(hopsWanted);
            assertThat(busyLoops.get()).isPositive();
        }
    }

    @RepeatedTest(8)
    void everyExecutedTaskRunsExactlyOnce(org.junit.jupiter.api.RepetitionInfo info) throws Exception {
        int rep = info.getCurrentRepetition();
        try (ProcessScheduler scheduler = new ProcessScheduler(1 + rep % 4, Duration.ofNanos(20_000), 1 + rep % 3)) {
            int kinds = 1_000;
            long executionsWanted = 500_000;
            AtomicIntegerArray executed = new AtomicIntegerArray(kinds);
            AtomicIntegerArray ran = new AtomicIntegerArray(kinds);
            AtomicLong executions = new AtomicLong();
            AtomicLong runs = new AtomicLong();
            AtomicInteger inFlight = new AtomicInteger();
            CountDownLatch quiet = new CountDownLatch(1);
            Runnable[] task = new Runnable[kinds];
            for (int k = 0; k < kinds; k++) {
                int kind = k;
                task[k] = () -> {
                    ran.incrementAndGet(kind);
                    runs.incrementAndGet();
                    SplittableRandom random = new SplittableRandom(runs.get() * 7919 + kind);
                    if (random.nextInt(64) == 0) {
                        long until = System.nanoTime() + 50_000;   // keep the carrier: the guard steals
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                    }
                    int wakes = 1 + (random.nextInt(8) == 0 && inFlight.get() < 64 ? 1 : 0);
                    for (int w = 0; w < wakes && executions.incrementAndGet() <= executionsWanted; w++) {
                        int next = random.nextInt(kinds);
                        executed.incrementAndGet(next);
                        inFlight.incrementAndGet();
                        scheduler.execute(task[next]);
                    }
                    if (inFlight.decrementAndGet() == 0) {
                        quiet.countDown();
                    }
                };
            }
            for (int k = 0; k < 8; k++) {
                executions.incrementAndGet();
                executed.incrementAndGet(k);
                inFlight.incrementAndGet();
                scheduler.execute(task[k]);
            }
            assertThat(quiet.await(60, TimeUnit.SECONDS)).as("all executed tasks ran (none lost)").isTrue();
            for (int k = 0; k < kinds; k++) {
                assertThat(ran.get(k)).as("runs of task %d", k).isEqualTo(executed.get(k));
            }
        }
    }
}
