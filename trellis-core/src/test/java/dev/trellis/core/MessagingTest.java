package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Selected;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** send / listen / inbox / events / unlisten and the routing rules (docs/process-model.md, Routing). */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MessagingTest {
    private final Node node = Node.builder().host("app:processes", 2)
            .shutdownTimeout(Duration.ofMillis(300)).start();

    @AfterEach
    void stop() {
        node.stop();
    }

    @Test
    void listenPayloadModeUnwrapsPayloads() {
        Object v = node.exec(proc -> {
            Channel<Object> ch = proc.listen("t");
            proc.send(proc.pid(), "t");
            proc.send(proc.pid(), "t", "one");
            proc.send(proc.pid(), "t", 1, 2, 3);
            return Arrays.asList(ch.receive(), ch.receive(), ch.receive());
        });
        assertThat((List<Object>) v).containsExactly(null, "one", List.of(1, 2, 3));
    }

    @Test
    void listenMessageModeCarriesFromTopicPayload() {
        Object v = node.exec(proc -> {
            Channel<Message> ch = proc.listenMessages("echo");
            proc.send(proc.pid(), "echo", "x");
            Message m = ch.receive();
            return List.of(m.from(), m.topic(), m.payload(), m.payloadCount());
        });
        List<?> l = (List<?>) v;
        assertThat(l.get(1)).isEqualTo("echo");
        assertThat(l.get(2)).isEqualTo("x");
        assertThat(l.get(3)).isEqualTo(1);
    }

    @Test
    void sendToNameAndToPidString() {
        Pid p = node.spawn(proc -> proc.inbox().receive().payload());
        node.register("worker", p);
        var exit = node.watch(p);
        node.send("worker", "hello", "by-name");
        assertThat(exit.join().value()).isEqualTo("by-name");
        Pid q = node.spawn(proc -> proc.inbox().receive().payload());
        var exit2 = node.watch(q);
        node.send(q.toString(), "hello", "by-pid-string");
        assertThat(exit2.join().value()).isEqualTo("by-pid-string");
    }

    @Test
    void sendErrors() {
        assertThatThrownBy(() -> node.send("nobody", "t")).isInstanceOfSatisfying(ProcessException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("could not resolve 'nobody' as PID or registered name");
        Pid dead = node.spawn(proc -> null);
        Await.noProcesses(node);
        assertThatThrownBy(() -> node.send(dead, "t")).isInstanceOfSatisfying(ProcessException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND)).hasMessage("process not found: " + dead);
        assertThatThrownBy(() -> node.send(dead, "@events")).isInstanceOfSatisfying(ProcessException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID)).hasMessage("cannot send to @ topics");
        assertThatThrownBy(() -> node.send(new Pid("", "nohost", 5), "t")).hasMessage("host not found: nohost (of {nohost|0x00005})");
    }

    @Test
    void messagesBeforeSubscribeAreKept_eventsBeforeEventsToo() {
        Object v = node.exec(proc -> {
            Pid child = proc.spawnMonitored(p -> "x");
            proc.send(proc.pid(), "a", 1);
            proc.send(proc.pid(), "b", 2);
            proc.sleep(Duration.ofMillis(20)); // the EXIT arrives and waits, unrouted
            Event e = proc.events().receive();
            Message m1 = proc.inbox().receive();
            Message m2 = proc.inbox().receive();
            return List.of(e.from().equals(child), m1.topic(), m2.topic());
        });
        assertThat(v).isEqualTo(List.of(true, "a", "b"));
    }

    @Test
    void unlistenClosesTheChannel_laterMessagesFallBackToInbox() {
        Object v = node.exec(proc -> {
            Channel<Object> ch = proc.listen("t");
            Channel<Message> inbox = proc.inbox();
            assertThat(proc.unlisten(ch)).isTrue();
            assertThat(proc.unlisten(ch)).isFalse();
            assertThat(ch.isClosed()).isTrue();
            assertThat(ch.receiveOrClosed().ok()).isFalse();
            proc.send(proc.pid(), "t", "now-inbox");
            return inbox.receive().payload();
        });
        assertThat(v).isEqualTo("now-inbox");
    }

    @Test
    void listenSwitchesToMessageModeAndKeepsIt() {
        Object v = node.exec(proc -> {
            proc.listenMessages("t");
            Channel<Object> ch = proc.listen("t"); // keeps message mode
            proc.send(proc.pid(), "t", 1);
            return ch.receive() instanceof Message;
        });
        assertThat(v).isEqualTo(true);
    }

    @Test
    void listenRejectsBadTopics() {
        node.exec(proc -> {
            assertThatThrownBy(() -> proc.listen("")).isInstanceOfSatisfying(ProcessException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID)).hasMessage("topic cannot be empty");
            assertThatThrownBy(() -> proc.listen("@x")).hasMessage("cannot listen to @ topics");
            assertThatThrownBy(() -> proc.listen(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("topic");
            return null;
        });
    }

    @Test
    void inboxChannelsTakePartInSelectWithListeners() {
        Object v = node.exec(proc -> {
            Channel<Object> specific = proc.listen("specific");
            Channel<Message> inbox = proc.inbox();
            proc.send(proc.pid(), "other", 1);
            proc.send(proc.pid(), "specific", 2);
            Selected a = proc.select(specific.receiveCase(), inbox.receiveCase());
            Selected b = proc.select(specific.receiveCase(), inbox.receiveCase());
            return List.of(a.index(), b.index());
        });
        // "other" arrived first and routes to the inbox; "specific" goes to its buffered listener.
        assertThat((List<Object>) v).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void closedSubscribedChannelDropsNextMessageAndUnsubscribes() {
        Object v = node.exec(proc -> {
            Channel<Object> ch = proc.listen("t");
            Channel<Message> inbox = proc.inbox();
            ch.close();
            proc.send(proc.pid(), "t", "dropped");
            proc.send(proc.pid(), "t", "to-inbox");
            return inbox.receive().payload();
        });
        assertThat(v).isEqualTo("to-inbox");
    }

    @Test
    void channelsAreProcessLocal() throws Exception {
        var leaked = new java.util.concurrent.CompletableFuture<Channel<Message>>();
        Pid p = node.spawn(proc -> {
            leaked.complete(proc.inbox());
            return proc.listen("never").receive();
        });
        Channel<Message> inbox = leaked.get();
        assertThatThrownBy(inbox::receive).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside");
        node.terminate(p);
    }

    @Test
    void sendingAgainToAProcessThatDiedFailsAsTheFirstTimeWould() {
        Object v = node.exec(proc -> {
            Pid echo = proc.spawnMonitored(p -> {
                Message m = p.inbox().receive();
                p.send(m.from(), "echo", m.payload());
                return null;
            });
            proc.send(echo, "ping", 1);                // the sender now remembers this peer
            Object echoed = proc.inbox().receive().payload();
            Event exit = proc.events().receive();      // the peer is gone
            try {
                proc.send(echo, "ping", 2);
                return "sent to a dead process";
            } catch (ProcessException e) {
                return List.of(echoed, exit.kind(), e.error().kind(), e.getMessage().replace(echo.toString(), "{echo}"));
            }
        });
        assertThat((List<Object>) v).containsExactly(1, Event.Kind.EXIT, ErrorKind.NOT_FOUND, "process not found: {echo}");
    }

    @Test
    void sendsAlternatingBetweenPeersReachEach() {
        Object v = node.exec(proc -> {
            Pid a = proc.spawn(echoes(3));
            Pid b = proc.spawn(echoes(3));
            int sum = 0;
            for (int i = 0; i < 3; i++) {
                proc.send(a, "x", 1);
                proc.send(b, "x", 10);
                sum += (Integer) proc.inbox().receive().payload() + (Integer) proc.inbox().receive().payload();
            }
            return sum;
        });
        assertThat(v).isEqualTo(33);
    }

    @Test
    void sendingAgainByPidTextToAProcessThatDiedFailsAsTheFirstTimeWould() {
        Object v = node.exec(proc -> {
            Pid echo = proc.spawnMonitored(p -> {
                Message m = p.inbox().receive();
                p.send(m.from(), "echo", m.payload());
                return null;
            });
            String text = echo.toString();
            proc.send(text, "ping", 1);                // the sender now remembers this text
            Object echoed = proc.inbox().receive().payload();
            proc.events().receive();                   // the peer is gone
            try {
                proc.send(new String(text), "ping", 2);
                return "sent to a dead process";
            } catch (ProcessException e) {
                return List.of(echoed, e.error().kind(), e.getMessage().replace(text, "{echo}"));
            }
        });
        assertThat((List<Object>) v).containsExactly(1, ErrorKind.NOT_FOUND, "process not found: {echo}");
    }

    @Test
    void aNameIsResolvedAtEverySendEvenAfterItMoved() {
        Object v = node.exec(proc -> {
            ProcessBody echo = p -> {
                Message m = p.inbox().receive();
                p.send(m.from(), "echo", p.pid());
                return null;
            };
            Pid a = proc.spawn(echo);
            Pid b = proc.spawn(echo);
            node.register("svc", a);
            proc.send("svc", "x");
            Object first = proc.inbox().receive().payload();
            node.unregister("svc");
            node.register("svc", b);
            proc.send("svc", "x");
            Object second = proc.inbox().receive().payload();
            return List.of(first.equals(a), second.equals(b));
        });
        assertThat((List<Object>) v).containsExactly(true, true);
    }

    @Test
    void sendsByPidTextAndByPidObjectInterleavedReachTheirOwnTargets() {
        Object v = node.exec(proc -> {
            Pid a = proc.spawn(echoes(6));   // each gets 4 of 1 or 10, and 2 of 100
            Pid b = proc.spawn(echoes(6));
            int sum = 0;
            for (int i = 0; i < 4; i++) {
                proc.send(a.toString(), "x", 1);
                proc.send(b, "x", 10);
                proc.send(i % 2 == 0 ? a.toString() : b.toString(), "x", 100);
                sum += (Integer) proc.inbox().receive().payload() + (Integer) proc.inbox().receive().payload()
                        + (Integer) proc.inbox().receive().payload();
            }
            return sum;
        });
        assertThat(v).isEqualTo(444);
    }

    /** {@return a body that sends {@code n} messages' payloads back to their senders, then ends} */
    private static ProcessBody echoes(int n) {
        return p -> {
            var inbox = p.inbox();
            for (int i = 0; i < n; i++) {
                Message m = inbox.receive();
                p.send(m.from(), "echo", m.payload());
            }
            return null;
        };
    }
}
