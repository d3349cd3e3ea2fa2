package dev.trellis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash reports as a user of {@code ./trellis run} sees them: a process that fails with nobody
 * watching is reported on stderr with its pid, entry, error and Lua traceback; {@code --quiet}
 * and {@code --log-level} choose what is shown. Each run is stopped by SIGTERM once the app has
 * printed that it reached the state under test.
 */
class CrashReportCliTest {

    @TempDir
    Path app;

    @BeforeEach
    void writeApp() throws Exception {
        Files.writeString(app.resolve("_index.yaml"), """
                namespace: app
                entries:
                  - {name: processes, kind: process.host, lifecycle: {auto_start: true}}
                  - {name: worker, kind: process.lua, source: file://worker.lua, method: main,
                     lifecycle: {auto_start: true}}
                  - name: flaky
                    kind: process.service
                    process: app:flaky_proc
                    host: app:processes
                    lifecycle:
                      auto_start: true
                      restart: {initial_delay: 1ms, max_attempts: 0}
                  - {name: flaky_proc, kind: process.lua, source: file://flaky.lua, method: main}
                """);
        Files.writeString(app.resolve("worker.lua"), """
                local function handle(job)
                    return job.id
                end
                return { main = function()
                    print("failing")
                    local id = handle(nil)
                    return id
                end }
                """);
        Files.writeString(app.resolve("flaky.lua"), """
                return { main = function() print("flaky starts"); error("flaky broke") end }
                """);
    }

    @Test
    void anUnwatchedCrashIsReportedWithEntryErrorAndTraceback() throws Exception {
        // The service's second start implies its first failure was handled (and noted) by then,
        // and the worker printed "failing" long before: its report is out before the stop.
        TrellisJvm.Run run = TrellisJvm.signalAfter("flaky starts", 2, "TERM", "run", app.toString());
        assertThat(run.exit()).as(run.text()).isZero();
        assertThat(run.text()).containsPattern(
                "crash: \\{app:processes\\|0x[0-9a-f]+\\} app:worker: INTERNAL: \\S*worker.lua:2: attempt to index a nil value \\(local 'job'\\)\n"
                        + "    stack traceback:\n"
                        + "    \t\\S*worker.lua:2: in .*\n");
        assertThat(run.text()).as("supervised processes are not crash-reported")
                .doesNotContain("app:flaky_proc: INTERNAL")
                .contains("service app:flaky: failed: ");
    }

    @Test
    void quietShowsNeitherCrashesNorServiceNotes() throws Exception {
        TrellisJvm.Run run = TrellisJvm.signalAfter("flaky starts", 2, "TERM", "run", app.toString(), "--quiet");
        assertThat(run.exit()).as(run.text()).isZero();
        assertThat(run.text()).contains("failing").doesNotContain("crash:").doesNotContain("service app:flaky");
    }

    @Test
    void logLevelErrorShowsCrashesButNotServiceNotes() throws Exception {
        TrellisJvm.Run run = TrellisJvm.signalAfter("flaky starts", 2, "TERM", "run", app.toString(), "--log-level", "error");
        assertThat(run.exit()).as(run.text()).isZero();
        assertThat(run.text()).contains("crash: {app:processes|").doesNotContain("service app:flaky");
    }
}
