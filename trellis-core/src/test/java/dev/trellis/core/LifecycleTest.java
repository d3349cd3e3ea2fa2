package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.channel.Selected;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Monitors, links, cancel, terminate, hosts. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LifecycleTest {
    private final Node node = Node.builder().host("app:processes", 2)
            .shutdownTimeout(Duration.ofMillis(300)).start();

    @AfterEach
    void stop() {
        node.stop();
        assertThat(node.processCount()).isZero();
    }

    @Test
    void secondMonitorIsAnError_unmonitorStopsExit() {
        Object v = node.exec(proc -> {
            Pid child = proc.spawnMonitored(p -> p.listen("stop").receive());
            assertThatThrownBy(() -> proc.monitor(child)).isInstanceOfSatisfying(ProcessException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS)).hasMessage("already monitoring pid");
            proc.unmonitor(child);
            proc.unmonitor(child);
            proc.send(child, "stop");
            Selected s = proc.select(proc.events().receiveCase(), proc.after(Duration.ofMillis(50)).receiveCase());
            return s.index();
        });
        assertThat(v).isEqualTo(1);
    }

    @Test
    void linkingTwiceIsANoOp_unlinkStopsLinkDown() {
        Object v = node.exec(proc -> {
            proc.trapLinks(true);
            Pid child = proc.spawnMonitored(p -> {
                p.listen("fail").receive();
                throw new RuntimeException("x");
            });
            proc.link(child);
            proc.link(child);
            proc.unlink(child);
            proc.unlink(child);
            proc.send(child, "fail");
            Event e = proc.events().receive();
            assertThat(e.kind()).isEqualTo(Event.Kind.EXIT);
            Selected s = proc.select(proc.events().receiveCase(), proc.after(Duration.ofMillis(50)).receiveCase());
            return s.index();
        });
        assertThat(v).isEqualTo(1);
    }

    @Test
    void linkedAndMonitoredUntrappedParentDiesBeforeSeeingTheExit() {
        for (int i = 0; i < 200; i++) {
            Object v = node.exec(proc -> {
                Pid parent = proc.spawnMonitored(p -> {
                    p.spawnLinkedMonitored(c -> {
                        throw new RuntimeException("child failed");
                    });
                    Event e = p.events().receive();
                    return "saw " + e.kind();
                });
                return proc.events().receive().error();
            });
            assertThat(v).isEqualTo("linked process failed");
        }
    }

    @Test
    void trapLinksDefaultsToFalse() {
        assertThat(node.exec(Proc::trapLinks)).isEqualTo(false);
    }

    @Test
    void switchingTrapLinksOffWithAQueuedLinkDownKills() {
        Object v = node.exec(proc -> {
            Pid mid = proc.spawnMonitored(p -> {
                p.trapLinks(true);
                p.spawnLinkedMonitored(c -> {
                    throw new RuntimeException("child");
                });
                p.sleep(Duration.ofMillis(20)); // LINK_DOWN queued, events() never called
                p.trapLinks(false);
                return "survived";
            });
            return proc.events().receive().error();
        });
        assertThat(v).isEqualTo("linked process failed");
    }

    @Test
    void cancelWithTimeoutTerminatesAStubbornProcess() {
        Object v = node.exec(proc -> {
            Pid w = proc.spawnMonitored(p -> p.listen("never").receive());
            proc.cancel(w, Duration.ofMillis(20));
            return proc.events().receive().error();
        });
        assertThat(v).isEqualTo("process terminated");
    }

    @Test
    void cancelHandledGracefullyExitsNormally() {
        Object v = node.exec(proc -> {
            proc.trapLinks(true);
            Pid w = proc.spawnLinkedMonitored(p -> {
                Event e = p.events().receive();
                return e.kind() == Event.Kind.CANCEL ? "cancelled gracefully" : "?";
            });
            proc.cancel(w, Duration.ofSeconds(5), null);
            Event e = proc.events().receive();
            Selected s = proc.select(proc.events().receiveCase(), proc.after(Duration.ofMillis(30)).receiveCase());
            return List.of(e.kind(), e.value(), e.from().equals(w), s.index());
        });
        assertThat(v).isEqualTo(List.of(Event.Kind.EXIT, "cancelled gracefully", true, 1));
    }

    @Test
    void cancelAndTerminateOfDeadPidFail() {
        Pid dead = node.spawn(proc -> null);
        Await.noProcesses(node);
        assertThatThrownBy(() -> node.cancel(dead)).hasMessage("process not found: " + dead);
        assertThatThrownBy(() -> node.terminate(dead)).hasMessage("process not found: " + dead);
        assertThatThrownBy(() -> node.watch(dead)).hasMessage("pid not registered: " + dead);
    }

    @Test
    void terminateIsPromptInSleepSelectAndJdkBlockingCalls() throws Exception {
        CountDownLatch started = new CountDownLatch(3);
        Pid sleeper = node.spawn(proc -> {
            started.countDown();
            proc.sleep(Duration.ofHours(1));
            return null;
        });
        Pid selector = node.spawn(proc -> {
            started.countDown();
            return proc.select(proc.inbox().receiveCase(), proc.after(Duration.ofHours(1)).receiveCase());
        });
        Pid jdk = node.spawn(proc -> {
            started.countDown();
            Thread.sleep(3_600_000);
            return null;
        });
        started.await();
        for (Pid p : List.of(sleeper, selector, jdk)) {
            CompletableFuture<Event> exit = node.watch(p);
            node.terminate(p);
            assertThat(exit.get(2, TimeUnit.SECONDS).error()).isEqualTo("process terminated");
        }
    }

    @Test
    void bodyCatchingTheKillStillExitsTerminated() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Pid p = node.spawn(proc -> {
            started.countDown();
            try {
                proc.inbox().receive();
            } catch (Throwable t) {
                // swallowed
            }
            return "pretend all is fine";
        });
        CompletableFuture<Event> exit = node.watch(p);
        started.await();
        node.terminate(p);
        assertThat(exit.get(2, TimeUnit.SECONDS).error()).isEqualTo("process terminated");
    }

    @Test
    void hostCapsConcurrentlyRunningProcesses() throws Exception {
        Node n = Node.builder().host("one", 1).start();
        try {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            int procs = 8;
            CompletableFuture<?>[] exits = new CompletableFuture<?>[procs];
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < procs; i++) {
                Pid p = n.spawn(proc -> {
                    go.await(); // alive until watched
                    for (int k = 0; k < 5; k++) {
                        int now = running.incrementAndGet();
                        maxRunning.accumulateAndGet(now, Math::max);
                        long spin = System.nanoTime() + 200_000;
                        while (System.nanoTime() < spin) {
                            Thread.onSpinWait();
                        }
                        running.decrementAndGet();
                        proc.sleep(Duration.ofMillis(1)); // parks: releases the permit
                    }
                    return null;
                });
                exits[i] = n.watch(p);
            }
            go.countDown();
            CompletableFuture.allOf(exits).get(10, TimeUnit.SECONDS);
            assertThat(maxRunning.get()).isEqualTo(1);
        } finally {
            n.stop();
        }
    }

    @Test
    void aHostWithAWorkerPerCarrierIsCappedByTheCarriers() throws Exception {
        // Such a host keeps no permits (Host): the hand-off scheduler's carriers cap it.
        int carriers = dev.trellis.core.scheduler.ProcessScheduler.maxRunning();
        org.junit.jupiter.api.Assumptions.assumeTrue(carriers < 64, "hand-off scheduler active");
        Node n = Node.builder().host("wide", carriers).start();
        try {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            int procs = 4 * carriers;
            CompletableFuture<?>[] exits = new CompletableFuture<?>[procs];
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < procs; i++) {
                exits[i] = n.watch(n.spawn(proc -> {
                    go.await();
                    for (int k = 0; k < 5; k++) {
                        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                        long spin = System.nanoTime() + 200_000;
                        while (System.nanoTime() < spin) {
                            Thread.onSpinWait();
                        }
                        running.decrementAndGet();
                        proc.sleep(Duration.ofMillis(1));
                    }
                    return null;
                }));
            }
            go.countDown();
            CompletableFuture.allOf(exits).get(10, TimeUnit.SECONDS);
            assertThat(maxRunning.get()).isBetween(1, carriers);
        } finally {
            n.stop();
        }
    }

    @Test
    void aBusyProcessThatYieldsItsPermitLetsTheOthersOfItsHostRun() throws Exception {
        Node n = Node.builder().host("one", 1).start();
        try {
            CountDownLatch otherRan = new CountDownLatch(1);
            CountDownLatch busyStarted = new CountDownLatch(1);
            CompletableFuture<Object> busy = n.watch(n.spawn(proc -> {
                busyStarted.countDown();
                long yields = 0;
                while (otherRan.getCount() > 0) {   // never blocks: only yieldPermit lets the other in
                    proc.owner().yieldPermit();
                    yields++;
                }
                return yields;
            })).thenApply(Event::value);
            busyStarted.await();
            n.spawn(proc -> {
                otherRan.countDown();
                return null;
            });
            assertThat((Long) busy.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            n.stop();
        }
    }

    @Test
    void yieldPermitRunsTheKillCheck() throws Exception {
        CountDownLatch looping = new CountDownLatch(1);
        Pid p = node.spawn(proc -> {
            looping.countDown();
            for (;;) {
                proc.owner().yieldPermit();
            }
        });
        CompletableFuture<Event> exit = node.watch(p);
        looping.await();
        node.terminate(p);
        assertThat(exit.get(30, TimeUnit.SECONDS).error()).isEqualTo("process terminated");
    }

    @Test
    void parkedProcessesReleaseTheirPermit() {
        Node n = Node.builder().host("one", 1).start();
        try {
            Pid idle = n.spawn(proc -> proc.inbox().receive());
            Object v = n.exec(proc -> "ran while another process is parked");
            assertThat(v).isEqualTo("ran while another process is parked");
            n.terminate(idle);
        } finally {
            n.stop();
        }
    }

    @Test
    void spawnWithArgumentsAndOnNamedHost() {
        Node n = Node.builder().host("a", 1).host("b", 1).start();
        try {
            Object v = n.exec(proc -> {
                Pid child = proc.spawner().on("b").monitored().spawn(p -> p.host().id() + ":" + p.args(), 1, "two");
                assertThat(child.host()).isEqualTo("b");
                return proc.events().receive().value();
            });
            assertThat(v).isEqualTo("b:[1, two]");
            assertThatThrownBy(() -> n.host("c")).hasMessage("host not found: c");
            assertThatThrownBy(() -> n.spawner().monitored().spawn(p -> null))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            n.stop();
        }
    }

    @Test
    void processExceptionKindIsKept_otherExceptionsAreInternal() {
        Object v = node.exec(proc -> {
            proc.spawnMonitored(p -> {
                throw new ProcessException(ErrorKind.NOT_FOUND, "thing not found");
            });
            proc.spawnMonitored(p -> {
                throw new IllegalStateException();
            });
            Event a = proc.events().receive();
            Event b = proc.events().receive();
            return List.of(a.result().error().kind(), b.result().error().kind(), b.error());
        });
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) v;
        assertThat((List<Object>) l.subList(0, 2)).containsExactlyInAnyOrder(ErrorKind.NOT_FOUND, ErrorKind.INTERNAL);
        assertThat(l.get(2).toString()).isIn("thing not found", IllegalStateException.class.getName());
    }

    @Test
    void execRethrowsTheExitError() {
        assertThatThrownBy(() -> node.exec(proc -> {
            throw new ProcessException(ErrorKind.INVALID, "nope");
        })).isInstanceOfSatisfying(ProcessException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID))
                .hasMessage("nope");
    }

    @Test
    void hostStopRefusesSpawnsWhileStopping() throws Exception {
        Node n = Node.builder().host("h", 1).shutdownTimeout(Duration.ofSeconds(5)).start();
        CountDownLatch cancelled = new CountDownLatch(1);
        CompletableFuture<Throwable> spawnDuringStop = new CompletableFuture<>();
        n.spawn(proc -> {
            proc.events().receive();
            cancelled.countDown();
            try {
                proc.spawn(p -> null);
                spawnDuringStop.complete(null);
            } catch (ProcessException e) {
                spawnDuringStop.complete(e);
            }
            return null;
        });
        n.stop();
        assertThat(spawnDuringStop.get(2, TimeUnit.SECONDS)).hasMessage("host is shutting down");
    }

    @Test
    void selfTerminateUnwindsAtNextCall() {
        Object v = node.exec(proc -> {
            proc.spawnMonitored(p -> {
                p.terminate(p.pid());
                p.sleep(Duration.ofMillis(1));
                return "unreachable";
            });
            return proc.events().receive().error();
        });
        assertThat(v).isEqualTo("process terminated");
    }
}
