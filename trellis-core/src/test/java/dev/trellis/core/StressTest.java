package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many processes, many repetitions: nothing lost, no EXIT missing or duplicated, nothing left behind. */
class StressTest {
    private final Node node = Node.builder().host("app:processes").shutdownTimeout(Duration.ofSeconds(2)).start();

    @AfterEach
    void stop() {
        node.stop();
        assertThat(node.processCount()).isZero();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hundredThousandLiveProcesses() throws Exception {
        int n = 100_000;
        System.gc();
        long before = usedHeap();
        CountDownLatch parked = new CountDownLatch(n);
        List<Pid> pids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pids.add(node.spawn(proc -> {
                var inbox = proc.inbox();
                parked.countDown();
                return inbox.receive().payload();
            }));
        }
        assertThat(parked.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.processCount()).isEqualTo(n);
        System.gc();
        long after = usedHeap();
        System.out.printf("idle process footprint: %.0f bytes/process (heap, after GC)%n",
                (after - before) / (double) n);
        for (Pid p : pids) {
            node.send(p, "go", 1);
        }
        Await.noProcesses(node);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void linkCascadeOfTenThousand() throws Exception {
        int depth = 10_000;
        CountDownLatch built = new CountDownLatch(depth);
        Set<Pid> chain = ConcurrentHashMap.newKeySet();
        ProcessBody[] nodeBody = new ProcessBody[1];
        nodeBody[0] = proc -> {
            chain.add(proc.pid());
            int left = proc.arg(0);
            if (left > 1) {
                proc.spawnLinked(nodeBody[0], left - 1);
            }
            built.countDown();
            return proc.inbox().receive();
        };
        Pid root = node.spawn(proc -> {
            proc.spawnLinked(nodeBody[0], depth);
            proc.listen("fail").receive();
            throw new RuntimeException("CHAIN_ROOT_FAILURE");
        });
        assertThat(built.await(30, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Event>> exits = new ArrayList<>();
        for (Pid p : chain) {
            exits.add(node.watch(p));
        }
        long t0 = System.nanoTime();
        node.send(root, "fail");
        CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        long took = System.nanoTime() - t0;
        System.out.printf("link cascade: %.2f us/link%n", took / 1e3 / depth);
        for (CompletableFuture<Event> f : exits) {
            assertThat(f.join().error()).isEqualTo("linked process failed");
        }
        Await.noProcesses(node);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tenThousandMonitorsOfOneProcess() throws Exception {
        int n = 10_000;
        Pid target = node.spawn(proc -> proc.listen("stop").receive());
        AtomicInteger exitsSeen = new AtomicInteger();
        CountDownLatch monitoring = new CountDownLatch(n);
        Pid collector = node.spawn(proc -> {
            Set<Pid> seen = new HashSet<>();
            var inbox = proc.inbox();
            while (seen.size() < n) {
                Message m = inbox.receive();
                assertThat(seen.add(m.from())).as("duplicate EXIT report").isTrue();
            }
            return seen.size();
        });
        CompletableFuture<Event> collected = node.watch(collector);
        for (int i = 0; i < n; i++) {
            node.spawn(proc -> {
                proc.monitor(target);
                monitoring.countDown();
                Event e = proc.events().receive();
                assertThat(e.from()).isEqualTo(target);
                exitsSeen.incrementAndGet();
                proc.send(collector, "exit", e.value());
                // exactly once: nothing else arrives
                var s = proc.select(proc.events().receiveCase(), proc.after(Duration.ofMillis(20)).receiveCase());
                if (s.index() == 0) {
                    throw new AssertionError("second EXIT");
                }
                return null;
            });
        }
        assertThat(monitoring.await(30, TimeUnit.SECONDS)).isTrue();
        node.send(target, "stop", "done");
        assertThat(collected.get(30, TimeUnit.SECONDS).value()).isEqualTo(n);
        Await.noProcesses(node);
        assertThat(exitsSeen.get()).isEqualTo(n);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void racingRegisterAndUnregister() throws Exception {
        int procs = 200;
        int rounds = 200;
        ConcurrentHashMap<String, AtomicInteger> holders = new ConcurrentHashMap<>();
        List<CompletableFuture<Event>> exits = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < procs; i++) {
            Pid p = node.spawn(proc -> {
                go.await(); // alive until watched
                SplittableRandom rnd = new SplittableRandom(proc.pid().id());
                for (int r = 0; r < rounds; r++) {
                    String name = "n" + rnd.nextInt(8);
                    try {
                        proc.register(name);
                        assertThat(proc.lookup(name)).isEqualTo(proc.pid());
                        if (rnd.nextBoolean()) {
                            proc.unregister(name);
                        }
                    } catch (ProcessException e) {
                        assertThat(e.kind()).isIn(ErrorKind.ALREADY_EXISTS, ErrorKind.NOT_FOUND);
                    }
                    if (rnd.nextInt(10) == 0) {
                        proc.sleep(Duration.ZERO);
                    }
                }
                holders.computeIfAbsent("done", k -> new AtomicInteger()).incrementAndGet();
                return null;
            });
            exits.add(node.watch(p));
        }
        go.countDown();
        CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Event> f : exits) {
            assertThat(f.join().isError()).as(String.valueOf(f.join())).isFalse();
        }
        Await.noProcesses(node);
        assertThat(node.registry().size()).as("names of dead processes must be released").isZero();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void terminateStormWhileMessagesFly() throws Exception {
        int n = 2_000;
        List<Pid> pids = new ArrayList<>(n);
        List<CompletableFuture<Event>> exits = new ArrayList<>(n);
        Pid[] all = new Pid[n];
        CountDownLatch ready = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            Pid p = node.spawn(proc -> {
                SplittableRandom rnd = new SplittableRandom(proc.pid().id());
                var inbox = proc.inbox();
                ready.await();
                for (int k = 0; k < 200; k++) {
                    Pid to = all[rnd.nextInt(all.length)];
                    try {
                        proc.send(to, "hop", k);
                    } catch (ProcessException e) {
                        assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    }
                    var s = proc.trySelect(inbox.receiveCase());
                    if (!s.isDefault() && rnd.nextInt(50) == 0) {
                        proc.sleep(Duration.ZERO);
                    }
                }
                return inbox.receive();
            });
            all[i] = p;
            pids.add(p);
            exits.add(node.watch(p));
            ready.countDown();
        }
        SplittableRandom rnd = new SplittableRandom(42);
        List<Pid> shuffled = new ArrayList<>(pids);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, rnd.nextInt(i + 1));
        }
        for (Pid p : shuffled) {
            try {
                node.terminate(p);
            } catch (ProcessException e) {
                assertThat(e.getMessage()).isEqualTo("process not found: " + p);
            }
        }
        CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<Event> f : exits) {
            Event e = f.join();
            assertThat(e.kind()).isEqualTo(Event.Kind.EXIT);
        }
        Await.noProcesses(node);
    }

    private static long usedHeap() {
        var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return mem.getUsed();
    }
}
