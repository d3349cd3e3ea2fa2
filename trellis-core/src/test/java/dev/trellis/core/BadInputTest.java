package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Null, malformed and out-of-range arguments give a clear error naming the argument; never an NPE or a hang. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BadInputTest {
    private final Node node = Node.builder().host("h", 1).shutdownTimeout(Duration.ofMillis(200)).start();

    @AfterEach
    void stop() {
        node.stop();
    }

    @Test
    void nodeLevel() {
        assertThatThrownBy(() -> node.spawn(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
        assertThatThrownBy(() -> node.send((Pid) null, "t")).isInstanceOf(IllegalArgumentException.class).hasMessage("pid must not be null");
        assertThatThrownBy(() -> node.send((String) null, "t")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("destination");
        Pid p = node.spawn(proc -> proc.inbox().receive());
        assertThatThrownBy(() -> node.send(p, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic");
        assertThatThrownBy(() -> node.send("{h|0xzz}", "t")).isInstanceOf(ProcessException.class)
                .hasMessage("could not resolve '{h|0xzz}' as PID or registered name");
        assertThatThrownBy(() -> node.terminate(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("pid must not be null");
        assertThatThrownBy(() -> node.cancel(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("pid must not be null");
        assertThatThrownBy(() -> node.cancel(p, Duration.ofMillis(-1), "r")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> node.watch(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("pid must not be null");
        assertThatThrownBy(() -> node.register(null, p)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> node.register("", p)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> node.register("x", null)).isInstanceOf(IllegalArgumentException.class).hasMessage("pid must not be null");
        assertThatThrownBy(() -> node.lookup(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> node.lookup("unknown")).isInstanceOf(ProcessException.class).hasMessage("name not registered: unknown");
        assertThatThrownBy(() -> node.unregister(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> node.host(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> node.stop(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grace");
        node.terminate(p);
    }

    @Test
    void builder() {
        assertThatThrownBy(() -> Node.builder().host("h", 0)).hasMessageContaining("workers");
        assertThatThrownBy(() -> Node.builder().host(null, 1)).hasMessageContaining("host id");
        assertThatThrownBy(() -> Node.builder().host("h", 1).host("h", 1)).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Node.builder().name(null)).hasMessageContaining("node");
        assertThatThrownBy(() -> Node.builder().name("a@b")).hasMessageContaining("must not contain");
        assertThatThrownBy(() -> Node.builder().shutdownTimeout(Duration.ofSeconds(-1))).hasMessageContaining("shutdownTimeout");
    }

    @Test
    void processLevel() {
        node.exec(proc -> {
            assertThatThrownBy(() -> proc.send((Pid) null, "t")).isInstanceOf(IllegalArgumentException.class).hasMessage("pid must not be null");
            assertThatThrownBy(() -> proc.send("nobody", "t")).hasMessage("could not resolve 'nobody' as PID or registered name");
            assertThatThrownBy(() -> proc.monitor(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("pid must not be null");
            assertThatThrownBy(() -> proc.link(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("pid must not be null");
            assertThatThrownBy(() -> proc.unmonitor(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("pid must not be null");
            assertThatThrownBy(() -> proc.unlink(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("pid must not be null");
            assertThatThrownBy(() -> proc.spawn(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
            assertThatThrownBy(() -> proc.unlisten(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
            assertThatThrownBy(() -> proc.spawner().on((Host) null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
            assertThatThrownBy(() -> proc.spawner().on("nohost")).hasMessage("host not found: nohost");
            assertThatThrownBy(() -> proc.monitor(new Pid("", "h", 999_999))).hasMessage("pid not registered: {h|0xf423f}");
            return null;
        });
    }

    @Test
    void processApiOutsideItsThread() throws Exception {
        var leaked = new java.util.concurrent.CompletableFuture<Proc>();
        Pid p = node.spawn(proc -> {
            leaked.complete(proc);
            return proc.inbox().receive();
        });
        Proc proc = leaked.get();
        assertThatThrownBy(() -> proc.send(p, "x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("outside");
        assertThatThrownBy(proc::inbox).isInstanceOf(IllegalStateException.class);
        node.terminate(p);
    }
}
