package dev.trellis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code trellis run} in a JVM of its own, stopped by a signal as a user stops it: the app stops
 * gracefully (its process sees CANCEL) and the command exits 0, as docs/cli.md promises.
 */
class StopExitCodeTest {

    @TempDir
    Path app;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsTheAppGracefullyAndExitsZero(String signal) throws Exception {
        Files.writeString(app.resolve("_index.yaml"), """
                namespace: app
                entries:
                  - {name: processes, kind: process.host, lifecycle: {auto_start: true}}
                  - {name: waiter, kind: process.lua, source: file://waiter.lua, lifecycle: {auto_start: true}}
                """);
        Files.writeString(app.resolve("waiter.lua"), """
                return { main = function()
                    print("waiting")
                    local e = process.events():receive()
                    print("got " .. e.kind .. " " .. e.reason)
                end }
                """);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.base/java.lang=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("run");
        command.add(app.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                // Signal once the process is parked on its events: the CANCEL then reaches Lua code.
                if (!signalled && line.endsWith(" waiting")) {
                    signalled = true;
                    new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
                }
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(l -> l.equals("trellis: stopping (SIG" + signal + "; Ctrl-C again to exit at once)"));
        assertThat(lines).anyMatch(l -> l.endsWith(" got pid.cancel scheduler shutdown"));
        assertThat(lines.getLast()).isEqualTo("trellis: stopped");
    }
}
