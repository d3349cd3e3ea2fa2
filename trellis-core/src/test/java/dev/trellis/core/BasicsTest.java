package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BasicsTest {
    private final Node node = Node.builder().host("app:processes", 2).shutdownTimeout(Duration.ofSeconds(1)).start();

    @AfterEach
    void stop() {
        node.stop();
    }

    @Test
    void spawnSendReceiveReply() {
        Pid echo = node.spawn(proc -> {
            Message m = proc.inbox().receive();
            proc.send(m.from(), "echo", m.payload());
            return "done";
        });
        Object reply = node.exec(proc -> {
            proc.send(echo, "ping", "hi");
            Message m = proc.inbox().receive();
            assertThat(m.topic()).isEqualTo("echo");
            assertThat(m.from()).isEqualTo(echo);
            return m.payload();
        });
        assertThat(reply).isEqualTo("hi");
    }

    @Test
    void monitorGetsExitWithValue() {
        Object v = node.exec(proc -> {
            Pid child = proc.spawnMonitored(p -> 42);
            Event e = proc.events().receive();
            assertThat(e.kind()).isEqualTo(Event.Kind.EXIT);
            assertThat(e.from()).isEqualTo(child);
            return e.value();
        });
        assertThat(v).isEqualTo(42);
    }

    @Test
    void errorExitCarriesError() {
        Object v = node.exec(proc -> {
            proc.spawnMonitored(p -> {
                throw new IllegalStateException("boom");
            });
            Event e = proc.events().receive();
            return e.error();
        });
        assertThat(v).isEqualTo("boom");
    }

    @Test
    void terminateBlockedProcess() throws Exception {
        Pid p = node.spawn(proc -> proc.inbox().receive());
        CompletableFuture<Event> exit = node.watch(p);
        node.terminate(p);
        Event e = exit.get(5, TimeUnit.SECONDS);
        assertThat(e.error()).isEqualTo("process terminated");
        assertThat(node.isAlive(p)).isFalse();
        assertThatThrownBy(() -> node.send(p, "x")).isInstanceOf(ProcessException.class)
                .hasMessage("process not found: " + p);
    }

    @Test
    void linkDownKillsUntrapped() {
        Object v = node.exec(proc -> {
            Pid mid = proc.spawnMonitored(p -> {
                p.spawnLinked(c -> {
                    throw new RuntimeException("child failed");
                });
                p.inbox().receive();
                return "never";
            });
            Event e = proc.events().receive();
            assertThat(e.from()).isEqualTo(mid);
            return e.error();
        });
        assertThat(v).isEqualTo("linked process failed");
    }

    @Test
    void trapLinksDeliversLinkDown() {
        Object v = node.exec(proc -> {
            proc.trapLinks(true);
            Pid c = proc.spawnLinked(p -> {
                throw new RuntimeException("x");
            });
            Event e = proc.events().receive();
            assertThat(e.from()).isEqualTo(c);
            return e.kind();
        });
        assertThat(v).isEqualTo(Event.Kind.LINK_DOWN);
    }

    @Test
    void sleepAndAfter() {
        Object v = node.exec(proc -> {
            proc.sleep(Duration.ofMillis(5));
            var ch = proc.after(Duration.ofMillis(5));
            var first = ch.receiveOrClosed();
            var second = ch.receiveOrClosed();
            return first.ok() && !second.ok();
        });
        assertThat(v).isEqualTo(true);
    }

    @Test
    void processCountReturnsToZero() throws Exception {
        for (int i = 0; i < 100; i++) {
            node.spawn(proc -> null);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (node.processCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(node.processCount()).isZero();
    }
}
