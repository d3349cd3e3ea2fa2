package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.ChannelClosedException;
import dev.trellis.core.channel.Received;
import dev.trellis.core.channel.Selected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The numbered invariants of the process model (docs/process-model.md, Invariants), one test each,
 * named after the invariant's number. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class InvariantsTest {
    private final Node node = Node.builder().host("app:processes", 2)
            .shutdownTimeout(Duration.ofMillis(500)).start();

    @AfterEach
    void stop() {
        node.stop();
        assertThat(node.processCount()).isZero();
    }

    @Test
    void i1_pidIsConstantForTheLifeOfAProcess() {
        CompletableFuture<Pid> seen = new CompletableFuture<>();
        Pid pid = node.spawn(proc -> {
            Pid a = proc.pid();
            proc.sleep(Duration.ofMillis(1));
            assertThat(proc.pid()).isSameAs(a);
            seen.complete(a);
            return null;
        });
        assertThat(seen.join()).isEqualTo(pid);
    }

    @Test
    void i2_spawnReturnsWithMonitorInPlace_andEarlyMessagesAreDelivered() {
        Object v = node.exec(proc -> {
            Pid child = proc.spawnMonitored(p -> {
                p.sleep(Duration.ofMillis(20)); // subscribe late
                Message m = p.inbox().receive();
                return m.payload();
            });
            proc.send(child, "early", "hello"); // sent right after spawn, before inbox()
            return proc.events().receive().value();
        });
        assertThat(v).isEqualTo("hello");
        // An instantly exiting child still produces its EXIT.
        Object instant = node.exec(proc -> {
            proc.spawnMonitored(p -> "bye");
            return proc.events().receive().value();
        });
        assertThat(instant).isEqualTo("bye");
    }

    @Test
    void i3_perSenderFifo_andUndeliverableMessagesStayQueued() {
        int n = 2_000;
        Object v = node.exec(proc -> {
            Pid receiver = proc.spawnMonitored(p -> {
                // Nothing subscribes until every message was sent: all of them stay queued.
                Message go = p.listenMessages("go").receive();
                List<Object> got = new ArrayList<>();
                Channel<Message> inbox = p.inbox();
                for (int i = 0; i < 3 * n; i++) {
                    got.add(inbox.receive().payload());
                }
                return got;
            });
            for (int s = 0; s < 3; s++) {
                int sender = s;
                proc.spawn(p -> {
                    for (int i = 0; i < n; i++) {
                        p.send(receiver, "seq", sender * 1_000_000 + i);
                    }
                    p.send(p.<Pid>arg(0), "sent");
                    return null;
                }, proc.pid());
            }
            for (int s = 0; s < 3; s++) {
                proc.listen("sent").receive();
            }
            proc.send(receiver, "go");
            return proc.events().receive().value();
        });
        @SuppressWarnings("unchecked")
        List<Integer> got = (List<Integer>) v;
        assertThat(got).hasSize(3 * n);
        int[] last = {-1, -1, -1};
        for (int x : got) {
            int sender = x / 1_000_000;
            int seq = x % 1_000_000;
            assertThat(seq).isEqualTo(last[sender] + 1);
            last[sender] = seq;
        }
    }

    @Test
    void i3_queuedMessagesAreDroppedWhenTheProcessEnds() {
        Pid p = node.spawn(proc -> proc.listen("never").receive());
        for (int i = 0; i < 100; i++) {
            node.send(p, "other", i);
        }
        node.terminate(p);
        Await.noProcesses(node);
        assertThatThrownBy(() -> node.send(p, "other", 1)).hasMessage("process not found: " + p);
    }

    @Test
    void i4_exactTopicListenerWins_othersFallBackToInbox() {
        Object v = node.exec(proc -> {
            Channel<Object> specific = proc.listen("specific");
            Channel<Message> inbox = proc.inbox();
            proc.send(proc.pid(), "specific", 1);
            proc.send(proc.pid(), "random_topic", 2);
            Object a = specific.receive();
            Message b = inbox.receive();
            assertThat(b.topic()).isEqualTo("random_topic");
            assertThatThrownBy(() -> proc.send(proc.pid(), "@pid/inbox", 3))
                    .isInstanceOf(ProcessException.class).hasMessage("cannot send to @ topics");
            return List.of(a, b.payload());
        });
        assertThat(v).isEqualTo(List.of(1, 2));
    }

    @Test
    void i5_inboxEventsAndListenReturnTheIdenticalChannel() {
        node.exec(proc -> {
            assertThat(proc.inbox()).isSameAs(proc.inbox());
            assertThat(proc.events()).isSameAs(proc.events());
            assertThat(proc.listen("t")).isSameAs(proc.listen("t"));
            assertThat((Object) proc.listenMessages("t")).isSameAs(proc.listen("t"));
            assertThat(proc.listen("t")).isNotSameAs(proc.listen("u"));
            return null;
        });
    }

    @Test
    void i6_everyExitSendsExactlyOneExitToEachMonitor() {
        Object v = node.exec(proc -> {
            Pid normal = proc.spawnMonitored(p -> "value");
            Pid error = proc.spawnMonitored(p -> {
                throw new ProcessException(ErrorKind.INVALID, "bad");
            });
            Pid killed = proc.spawnMonitored(p -> p.inbox().receive());
            proc.terminate(killed);
            List<Event> exits = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                exits.add(proc.events().receive());
            }
            // No second EXIT for anyone.
            Selected s = proc.select(proc.events().receiveCase(),
                    proc.after(Duration.ofMillis(50)).receiveCase());
            assertThat(s.index()).isEqualTo(1);
            for (Event e : exits) {
                assertThat(e.kind()).isEqualTo(Event.Kind.EXIT);
                if (e.from().equals(normal)) {
                    assertThat(e.value()).isEqualTo("value");
                    assertThat(e.isError()).isFalse();
                } else if (e.from().equals(error)) {
                    assertThat(e.result().error().kind()).isEqualTo(ErrorKind.INVALID);
                    assertThat(e.error()).isEqualTo("bad");
                } else {
                    assertThat(e.from()).isEqualTo(killed);
                    assertThat(e.error()).isEqualTo("process terminated");
                }
            }
            return exits.stream().map(Event::from).distinct().count();
        });
        assertThat(v).isEqualTo(3L);
    }

    @Test
    void i7_linkDownIffTheExitCarriesAnError() {
        Object v = node.exec(proc -> {
            proc.trapLinks(true);
            Pid ok = proc.spawnLinkedMonitored(p -> "fine");
            Event exit = proc.events().receive();
            assertThat(exit.kind()).isEqualTo(Event.Kind.EXIT);
            assertThat(exit.from()).isEqualTo(ok);
            Pid bad = proc.spawnLinked(p -> {
                throw new RuntimeException("crash");
            });
            Event down = proc.events().receive();
            assertThat(down.kind()).isEqualTo(Event.Kind.LINK_DOWN);
            assertThat(down.from()).isEqualTo(bad);
            assertThat(down.error()).isEqualTo("crash");
            return "ok";
        });
        assertThat(v).isEqualTo("ok");
    }

    @Test
    void i8_untrappedLinkDownKills_andCascades_trappedIsAnEvent() {
        Object v = node.exec(proc -> {
            // A -> B -> C chain, none trapping; C fails; A's monitor sees "linked process failed".
            Pid a = proc.spawnMonitored(pa -> {
                pa.spawnLinked(pb -> {
                    pb.spawnLinked(pc -> {
                        pc.sleep(Duration.ofMillis(5));
                        throw new RuntimeException("leaf failed");
                    });
                    return pb.inbox().receive();
                });
                return pa.inbox().receive();
            });
            Event e = proc.events().receive();
            assertThat(e.from()).isEqualTo(a);
            return e.error();
        });
        assertThat(v).isEqualTo("linked process failed");
    }

    @Test
    void i9_cancelNeverKills_onlyDeliversCancel() {
        Object v = node.exec(proc -> {
            Pid worker = proc.spawnMonitored(p -> {
                Event e = p.events().receive();
                return List.of(e.kind(), e.reason(), e.from(), e.at() != null);
            });
            proc.cancel(worker, "stop please");
            return List.of(proc.events().receive().value(), proc.pid());
        });
        List<?> pair = (List<?>) v;
        assertThat(pair.get(0)).isEqualTo(List.of(Event.Kind.CANCEL, "stop please", pair.get(1), true));
        // A process that ignores CANCEL keeps running.
        Pid stubborn = node.spawn(proc -> proc.listen("never").receive());
        node.cancel(stubborn);
        Object alive = node.exec(proc -> {
            proc.sleep(Duration.ofMillis(30));
            return proc.node().isAlive(stubborn);
        });
        assertThat(alive).isEqualTo(true);
        node.terminate(stubborn);
    }

    @Test
    void i10_terminateKills_monitorsGetExit_linksGetLinkDown_namesFreed() {
        Object v = node.exec(proc -> {
            proc.trapLinks(true);
            Pid victim = proc.spawnLinkedMonitored(p -> {
                p.register("victim");
                p.send(p.<Pid>arg(0), "ready");
                return p.inbox().receive();
            }, proc.pid());
            proc.listen("ready").receive();
            assertThat(proc.lookup("victim")).isEqualTo(victim);
            proc.terminate(victim);
            Event first = proc.events().receive();
            Event second = proc.events().receive();
            assertThat(List.of(first.kind(), second.kind()))
                    .containsExactlyInAnyOrder(Event.Kind.EXIT, Event.Kind.LINK_DOWN);
            assertThat(first.error()).isEqualTo("process terminated");
            assertThat(second.error()).isEqualTo("process terminated");
            assertThatThrownBy(() -> proc.lookup("victim")).hasMessage("name not registered: victim");
            return "ok";
        });
        assertThat(v).isEqualTo("ok");
    }

    @Test
    void i11_afterExitSendFails_andNamesAreReleasedBeforeTheExit() {
        Object v = node.exec(proc -> {
            Pid child = proc.spawnMonitored(p -> {
                p.register("short-lived");
                return null;
            });
            proc.events().receive();
            assertThatThrownBy(() -> proc.send(child, "x"))
                    .isInstanceOfSatisfying(ProcessException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                    .hasMessage("process not found: " + child);
            assertThatThrownBy(() -> proc.send("short-lived", "x"))
                    .hasMessage("could not resolve 'short-lived' as PID or registered name");
            return "ok";
        });
        assertThat(v).isEqualTo("ok");
    }

    @Test
    void i12_monitorOrLinkOfDeadPidFails_unmonitorAndUnlinkAlwaysSucceed() {
        node.exec(proc -> {
            Pid dead = proc.spawnMonitored(p -> null);
            proc.events().receive();
            assertThatThrownBy(() -> proc.monitor(dead)).hasMessage("pid not registered: " + dead);
            assertThatThrownBy(() -> proc.link(dead)).hasMessage("pid not registered: " + dead);
            proc.unmonitor(dead);
            proc.unlink(dead);
            return null;
        });
    }

    @Test
    void i13_registerRules() {
        Pid other = node.spawn(proc -> proc.inbox().receive());
        node.exec(proc -> {
            proc.register("svc");
            proc.register("svc"); // same pid twice: fine
            proc.register("svc2"); // several names
            assertThat(proc.node().registry().namesOf(proc.pid())).containsExactlyInAnyOrder("svc", "svc2");
            assertThatThrownBy(() -> proc.node().register("svc", other))
                    .isInstanceOfSatisfying(ProcessException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS))
                    .hasMessage("name already registered");
            assertThat(proc.unregister("svc")).isTrue();
            assertThat(proc.unregister("svc")).isFalse();
            return null;
        });
        node.terminate(other);
        Await.noProcesses(node);
        assertThatThrownBy(() -> node.register("late", other))
                .isInstanceOfSatisfying(ProcessException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("process not found: " + other);
    }

    @Test
    void i16_selectPicksFirstReadyInOrder_default_identity_closed() {
        node.exec(proc -> {
            Channel<Integer> a = proc.channel(1);
            Channel<Integer> b = proc.channel(1);
            a.send(1);
            b.send(2);
            Selected s = proc.select(b.receiveCase(), a.receiveCase());
            assertThat(s.channel()).isSameAs(b);
            assertThat((Integer) s.value()).isEqualTo(2);
            Selected d = proc.trySelect(b.receiveCase());
            assertThat(d.isDefault()).isTrue();
            assertThat(d.ok()).isTrue();
            b.close();
            Selected c = proc.select(b.receiveCase());
            assertThat(c.ok()).isFalse();
            assertThat((Object) c.value()).isNull();
            return null;
        });
    }

    @Test
    void i17_sendOnClosedRaises_closeTwiceIsSilent_bufferedValuesSurvive() {
        node.exec(proc -> {
            Channel<String> ch = proc.channel(2);
            ch.send("x");
            ch.close();
            ch.close();
            assertThatThrownBy(() -> ch.send("y")).isInstanceOf(ChannelClosedException.class)
                    .hasMessage("send on closed channel");
            assertThat(ch.receiveOrClosed()).isEqualTo(new Received<>("x", true));
            assertThat(ch.receiveOrClosed().ok()).isFalse();
            assertThat(ch.receiveOrClosed().ok()).isFalse();
            return null;
        });
    }

    @Test
    void i18_afterYieldsExactlyOneValueThenCloses() {
        node.exec(proc -> {
            Instant before = Instant.now();
            Channel<Instant> ch = proc.after(Duration.ofMillis(10));
            Received<Instant> r = ch.receiveOrClosed();
            assertThat(r.ok()).isTrue();
            assertThat(Duration.between(before, r.value())).isGreaterThanOrEqualTo(Duration.ofMillis(9));
            assertThat(ch.receiveOrClosed().ok()).isFalse();
            return null;
        });
    }

    @Test
    void i19_javaPayloadsArePassedByReference() {
        record Point(int x, int y) {
        }
        Point sent = new Point(1, 2);
        Object got = node.exec(proc -> {
            proc.send(proc.pid(), "p", sent);
            return proc.inbox().receive().payload();
        });
        assertThat(got).isSameAs(sent);
    }

    @Test
    void i20_aProcessParkedOnASubscribedChannelLivesUntilAMessage() throws Exception {
        CountDownLatch parked = new CountDownLatch(1);
        Pid p = node.spawn(proc -> {
            Channel<Event> events = proc.events();
            parked.countDown();
            return events.receive().reason();
        });
        CompletableFuture<Event> exit = node.watch(p);
        parked.await();
        assertThat(exit).isNotDone();
        node.cancel(p, null, "wake");
        assertThat(exit.get(5, TimeUnit.SECONDS).value()).isEqualTo("wake");
    }

    @Test
    void i21_hostShutdownCancelsThenTerminatesTheRest() throws Exception {
        Node n = Node.builder().host("h", 2).shutdownTimeout(Duration.ofMillis(200)).start();
        CompletableFuture<Event> cancelSeen = new CompletableFuture<>();
        Pid polite = n.spawn(proc -> {
            Event e = proc.events().receive();
            cancelSeen.complete(e);
            return "bye";
        });
        Pid stubborn = n.spawn(proc -> proc.listen("never").receive());
        CompletableFuture<Event> politeExit = n.watch(polite);
        CompletableFuture<Event> stubbornExit = n.watch(stubborn);
        long t0 = System.nanoTime();
        n.stop();
        long took = System.nanoTime() - t0;
        Event cancel = cancelSeen.get(1, TimeUnit.SECONDS);
        assertThat(cancel.kind()).isEqualTo(Event.Kind.CANCEL);
        assertThat(cancel.reason()).isEqualTo("scheduler shutdown");
        assertThat(cancel.from()).isEqualTo(Pid.ZERO);
        assertThat(cancel.from().toString()).isEqualTo("{|}");
        assertThat(politeExit.get(1, TimeUnit.SECONDS).value()).isEqualTo("bye");
        assertThat(stubbornExit.get(1, TimeUnit.SECONDS).error()).isEqualTo("process terminated");
        assertThat(took).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(190));
        assertThat(n.processCount()).isZero();
        assertThatThrownBy(() -> n.spawn(proc -> null)).isInstanceOfSatisfying(ProcessException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE)).hasMessage("host is not running");
    }
}
