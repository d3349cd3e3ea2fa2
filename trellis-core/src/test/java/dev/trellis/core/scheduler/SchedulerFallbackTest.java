package dev.trellis.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Processes still run, on the JDK's scheduler, in a JVM that does not open java.lang or that
 * turns the hand-off off; and a bad setting is named. Each case runs {@link #main} in a fresh JVM.
 */
@Timeout(120)
class SchedulerFallbackTest {

    /** Starts a node, exchanges messages between two processes, prints the scheduler in use. */
    public static void main(String[] args) {
        try (Node node = Node.start()) {
            Pid echo = node.spawn(proc -> {
                for (;;) {
                    Message m = proc.inbox().receive();
                    proc.send(m.from(), "echo", m.payload());
                }
            });
            Object last = node.exec(proc -> {
                Object reply = null;
                for (int i = 0; i < 1000; i++) {
                    proc.send(echo, "ping", i);
                    reply = proc.inbox().receive().payload();
                }
                return reply;
            });
            System.out.println("scheduler: " + ProcessScheduler.describe() + "; last reply " + last);
        }
    }

    @Test
    void withoutTheFlagProcessesRunOnTheJdkScheduler() throws Exception {
        String out = runMain(List.of());
        assertThat(out).contains("scheduler: jdk (hand-off unavailable: the JVM lacks --add-opens")
                .contains("last reply 999");
    }

    @Test
    void theHandOffCanBeTurnedOff() throws Exception {
        String out = runMain(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dtrellis.scheduler=jdk"));
        assertThat(out).contains("scheduler: jdk (-Dtrellis.scheduler=jdk)").contains("last reply 999");
    }

    @Test
    void withTheFlagProcessesRunOnTheHandOffScheduler() throws Exception {
        String out = runMain(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Dtrellis.scheduler.parallelism=3"));
        assertThat(out).contains("scheduler: hand-off (3 carriers)").contains("last reply 999");
    }

    @Test
    void aBadSettingIsNamed() throws Exception {
        String out = runMain(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dtrellis.scheduler=fast"));
        assertThat(out).contains("trellis.scheduler must be 'handoff' or 'jdk', got 'fast'");
    }

    private static String runMain(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SchedulerFallbackTest.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }
}
