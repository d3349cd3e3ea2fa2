package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Received;
import dev.trellis.core.channel.Selected;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The examples of docs/java-api.md, run as written. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DocExamplesTest {

    @Test
    void nodeAndHosts() {
        try (Node node = Node.builder().name("n1").host("app:processes", 16).host("app:background", 2)
                .shutdownTimeout(Duration.ofSeconds(10)).start()) {
            Node.Watched w = node.host("app:background").spawnWatched(proc -> "hello");
            assertThat(w.pid() + " -> " + w.exit().join().value()).isEqualTo("{n1@app:background|0x00001} -> hello");
        }
    }

    @Test
    void sendingAndReceiving() {
        try (Node node = Node.start()) {
            Pid echo = node.spawn(proc -> {
                Channel<Object> payloads = proc.listen("ping");
                Channel<Message> full = proc.listenMessages("whoami");
                Channel<Message> inbox = proc.inbox();
                while (true) {
                    Selected s = proc.select(payloads.receiveCase(), full.receiveCase(), inbox.receiveCase());
                    if (s.channel() == payloads) {
                        Object p = s.value();
                        if ("stop".equals(p)) {
                            return "stopped";
                        }
                    } else {
                        Message m = s.value();
                        proc.send(m.from(), "reply", m.topic(), m.payload());
                    }
                }
            });
            node.register("echo", echo);
            Object reply = node.exec(proc -> {
                proc.send("echo", "anything", 42);
                Message m = proc.inbox().receive();
                proc.send(echo, "ping", "stop");
                return m.payloads();
            });
            assertThat(reply).isEqualTo(List.of("anything", 42));
        }
    }

    @Test
    void events() {
        try (Node node = Node.start()) {
            String report = (String) node.exec(proc -> {
                proc.spawnMonitored(p -> {
                    throw new IllegalStateException("boom");
                });
                Event e = proc.events().receive();
                return e.kind() + " from " + e.from() + ": " + (e.isError() ? e.error() : e.value());
            });
            assertThat(report).isEqualTo("EXIT from {main|0x00002}: boom");
        }
    }

    @Test
    void cancelAndTerminate() {
        try (Node node = Node.start()) {
            Object v = node.exec(proc -> {
                Pid polite = proc.spawnMonitored(p -> {
                    Event e = p.events().receive();
                    return "cancelled gracefully: " + e.reason();
                });
                proc.cancel(polite, Duration.ofMillis(100), "shutting down");
                Pid stubborn = proc.spawnMonitored(p -> p.listen("never").receive());
                proc.cancel(stubborn, Duration.ofMillis(20));
                return proc.events().receive().value() + " / " + proc.events().receive().error();
            });
            assertThat(v).isEqualTo("cancelled gracefully: shutting down / process terminated");
        }
    }

    @Test
    void monitorsAndLinks() {
        try (Node node = Node.start()) {
            Object v = node.exec(proc -> {
                Pid worker = proc.spawn(p -> p.inbox().receive());
                proc.monitor(worker);
                proc.unmonitor(worker);
                proc.trapLinks(true);
                proc.link(worker);
                proc.terminate(worker);
                Event down = proc.events().receive();
                proc.unlink(worker);
                return down.kind() + ":" + down.error();
            });
            assertThat(v).isEqualTo("LINK_DOWN:process terminated");
        }
    }

    @Test
    void channels() {
        try (Node node = Node.start()) {
            node.exec(proc -> {
                Channel<Integer> ch = proc.channel(2);
                ch.send(1);
                ch.close();
                Received<Integer> a = ch.receiveOrClosed();
                Received<Integer> b = ch.receiveOrClosed();
                assertThat(a).isEqualTo(new Received<>(1, true));
                assertThat(b.ok()).isFalse();
                Channel<String> x = proc.channel(1);
                Channel<String> y = proc.channel(1);
                y.send("from y");
                Selected s = proc.select(x.receiveCase(), y.receiveCase());
                assertThat(s.channel() == y && s.ok()).isTrue();
                assertThat(proc.trySelect(x.receiveCase()).isDefault()).isTrue();
                Selected w = proc.select(x.sendCase("v"));
                assertThat(w.channel()).isSameAs(x);
                return null;
            });
        }
    }

    @Test
    void shutdown() {
        Node node = Node.builder().shutdownTimeout(Duration.ofSeconds(2)).start();
        Node.Watched w = node.spawnWatched(proc -> {
            Event e = proc.events().receive();
            return "cleaned up after " + e.reason();
        });
        node.stop();
        assertThat(node.processCount()).isZero();
        assertThat(w.exit().join().value()).isEqualTo("cleaned up after scheduler shutdown");
        assertThat(Node.DEFAULT_SHUTDOWN_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
    }
}
