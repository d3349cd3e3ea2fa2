package dev.trellis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        TrellisJvm.Run run = trellis(signal, "run", app.toString());
        List<String> lines = run.lines();
        assertThat(run.exit()).as(String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(l -> l.equals("trellis: stopping (SIG" + signal + "; Ctrl-C again to exit at once)"));
        assertThat(lines).anyMatch(l -> l.endsWith(" got pid.cancel scheduler shutdown"));
        assertThat(lines.getLast()).isEqualTo("trellis: stopped");
    }

    @org.junit.jupiter.api.Test
    void ctrlCDuringTestsFailsTheRunningOneAndStillPrintsTheSummary() throws Exception {
        Files.writeString(app.resolve("_index.yaml"), """
                namespace: app
                entries:
                  - {name: processes, kind: process.host, lifecycle: {auto_start: true}}
                  - {name: a_stuck, kind: function.lua, source: file://stuck.lua, meta: {type: test, order: 1}}
                  - {name: b_next, kind: function.lua, source: file://stuck.lua, meta: {type: test, order: 2}}
                """);
        Files.writeString(app.resolve("stuck.lua"), """
                return { main = function() print("waiting"); process.inbox():receive() end }
                """);
        TrellisJvm.Run run = trellis("INT", "test", app.toString());
        assertThat(run.lines()).containsSubsequence("FAIL app:a_stuck: interrupted by SIGINT; it was waiting: stack traceback:",
                "interrupted by SIGINT: 1 test not run", "0 passed, 1 failed");
        assertThat(run.exit()).isEqualTo(1);
    }

    /** Signals once a Lua process printed "waiting": the stop then reaches Lua code that waits. */
    private static TrellisJvm.Run trellis(String signal, String... args) throws Exception {
        return TrellisJvm.signalAfter(" waiting", 1, signal, args);
    }
}
