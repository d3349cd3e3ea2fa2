package dev.trellis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A top-level YAML supervisor that gives up (its restart intensity exceeded) stops the
 * application: {@code trellis run} exits non-zero by itself, naming the supervisor, the child and
 * the child's last error.
 */
class SupervisorExitCliTest {

    @TempDir
    Path app;

    @Test
    void aTopLevelSupervisorThatGivesUpStopsTheRunWithItsReason() throws Exception {
        Files.writeString(app.resolve("_index.yaml"), """
                namespace: app
                entries:
                  - {name: processes, kind: process.host, lifecycle: {auto_start: true}}
                  - {name: broken, kind: process.lua, source: file://broken.lua, method: main}
                  - name: root
                    kind: process.supervisor
                    strategy: one_for_one
                    max_restarts: 2
                    max_seconds: 60
                    children:
                      - {id: db, process: app:broken}
                    lifecycle: {auto_start: true}
                """);
        Files.writeString(app.resolve("broken.lua"), """
                return { main = function() print("db starts"); error("no database", 0) end }
                """);
        // No signal is ever sent (the marker is never printed a 1000th time): the run ends by itself.
        TrellisJvm.Run run = TrellisJvm.signalAfter("db starts", 1000, "TERM", "run", app.toString());
        assertThat(run.exit()).as(run.text()).isEqualTo(1);
        assertThat(run.text()).as(run.text())
                .contains("trellis: supervisor app:root (")
                .contains("reached_max_restart_intensity: child db, last failure: ")
                .contains("no database")
                .contains("trellis: stopping (a top-level supervisor exited)")
                .contains("trellis: stopped");
        assertThat(run.lines().stream().filter(l -> l.endsWith("db starts"))).as("started once, restarted twice").hasSize(3);
    }
}
