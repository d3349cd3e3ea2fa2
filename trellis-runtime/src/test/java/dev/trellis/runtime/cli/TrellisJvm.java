package dev.trellis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a JVM of its own, as a user runs {@code ./trellis}, and stops it with a
 * signal once its output shows a marker line a given number of times (the app has then reached
 * the state the test is about: no timing guess involved).
 *
 * <pre>{@code
 * TrellisJvm.Run run = TrellisJvm.signalAfter(" waiting", 1, "TERM", "run", appDir);
 * assertThat(run.exit()).isZero();
 * }</pre>
 */
final class TrellisJvm {

    private TrellisJvm() {
    }

    /** What the run printed (stdout and stderr, merged in order) and its exit code. */
    record Run(int exit, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }
    }

    /**
     * Starts {@code trellis ARGS…} and sends it {@code SIG<signal>} once {@code times} output lines
     * have ended with {@code marker}; returns when it exits (failing the test after 60 s).
     */
    static Run signalAfter(String marker, int times, String signal, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.base/java.lang=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int seen = 0;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.endsWith(marker) && ++seen == times) {
                    new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
                }
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        return new Run(p.exitValue(), lines);
    }
}
