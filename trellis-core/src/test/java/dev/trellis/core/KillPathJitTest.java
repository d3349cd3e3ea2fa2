package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Killing many parked processes must not deoptimize the runtime's frames once per process: the
 * kill path through {@code ProcessCell.run}, {@code Channel.receive} and {@code Router.awaitMailbox}
 * is shaped so that the JIT never compiles it as a trap (see {@code ProcessCell#run}). Without that,
 * JFR counted one {@code jdk.Deoptimization} per killed process, every cascade.
 */
@Tag("jit")   // JIT-timing dependent: not in the default run; see trellis-core/pom.xml
class KillPathJitTest {

    private static final ProcessBody MEMBER = new ProcessBody() {
        @Override
        public Object run(Proc proc) {
            int remaining = proc.arg(0);
            Pid driver = proc.arg(1);
            if (remaining == 0) {
                proc.send(driver, "tail", proc.pid());
                proc.inbox().receive();
                throw new IllegalStateException("boom");
            }
            proc.spawnLinked(this, remaining - 1, driver);
            return proc.inbox().receive();
        }
    };

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void cascadesDoNotDeoptimizePerProcess() throws Exception {
        int size = 50_000;
        Map<String, AtomicInteger> deopts = new ConcurrentHashMap<>();
        try (RecordingStream rs = new RecordingStream()) {
            rs.enable("jdk.Deoptimization");
            rs.onEvent("jdk.Deoptimization", e -> {
                RecordedMethod m = e.getValue("method");
                if (m != null && m.getType().getName().startsWith("dev.trellis.core.")) {
                    String key = m.getType().getName() + "." + m.getName() + " " + e.getString("reason");
                    deopts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                }
            });
            rs.startAsync();
            try (Node node = Node.builder().shutdownTimeout(Duration.ofSeconds(2)).start()) {
                for (int round = 0; round < 3; round++) {
                    Object exit = node.exec(driver -> {
                        driver.spawnMonitored(MEMBER, size - 1, driver.pid());
                        Pid tail = (Pid) driver.inbox().receive().payload();
                        driver.send(tail, "fail");
                        return driver.events().receive();
                    });
                    assertThat(((Event) exit).isError()).isTrue();
                    Await.noProcesses(node);
                }
            }
            rs.stop();
        }
        int total = deopts.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(total).as("deoptimizations in dev.trellis.core during 3 cascades of %d processes: %s", size, deopts)
                .isLessThan(size / 4);
    }
}
