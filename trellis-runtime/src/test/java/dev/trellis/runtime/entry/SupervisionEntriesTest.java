package dev.trellis.runtime.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trellis.core.supervision.AutoShutdown;
import dev.trellis.core.supervision.Restart;
import dev.trellis.core.supervision.Shutdown;
import dev.trellis.core.supervision.Strategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor entry kinds: what they read, their defaults, and every problem check reports. */
class SupervisionEntriesTest {

    @TempDir
    Path tmp;

    private static final String HEADER = """
            namespace: app
            entries:
              - name: processes
                kind: process.host
              - name: worker
                kind: process.lua
                source: file://w.lua
            """;

    private AppDir app(String entries) {
        return new AppDir(tmp).lua("w.lua").file("_index.yaml", HEADER + entries);
    }

    private List<String> problems(String entries) {
        ApplicationException e = catchThrowableOfType(ApplicationException.class, () -> app(entries).load());
        assertThat(e).as("loading should fail").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    private String at(int line) {
        return tmp.resolve("_index.yaml") + ":" + line + ": ";
    }

    @Test
    void aSupervisorReadsItsFlagsAndChildrenWithOtpDefaults() throws Exception {
        Application loaded = app("""
                  - name: queue_sup
                    kind: process.supervisor
                    strategy: rest_for_one
                    max_restarts: 7
                    max_seconds: 30
                    children:
                      - process: worker
                      - id: second
                        process: app:worker
                        args: [[1, 2, 3], "x"]
                        restart: transient
                        shutdown: 250ms
                        name: second_worker
                    lifecycle: {auto_start: true}
                """).load();
        SupervisorEntry sup = loaded.entry(EntryId.parse("app:queue_sup"), SupervisorEntry.class).orElseThrow();
        assertThat(sup.strategy()).isEqualTo(Strategy.REST_FOR_ONE);
        assertThat(sup.maxRestarts()).isEqualTo(7);
        assertThat(sup.period()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sup.autoShutdown()).isEqualTo(AutoShutdown.NEVER);
        assertThat(sup.host()).contains(EntryId.parse("app:processes"));   // the app's only host
        assertThat(sup.name()).contains("queue_sup");                       // registered under its entry name
        SupervisedChild first = sup.children().get(0);
        assertThat(first.id()).isEqualTo("worker");
        assertThat(first.restart()).isEqualTo(Restart.PERMANENT);
        assertThat(first.shutdown()).isEmpty();
        SupervisedChild second = sup.children().get(1);
        assertThat(second.args()).containsExactly(List.of(1L, 2L, 3L), "x");
        assertThat(second.restart()).isEqualTo(Restart.TRANSIENT);
        assertThat(second.shutdown()).contains(new Shutdown.Timeout(Duration.ofMillis(250)));
        assertThat(second.name()).contains("second_worker");
        assertThat(loaded.startOrder()).extracting(LifecycleEntry::id)
                .containsExactly(EntryId.parse("app:processes"), EntryId.parse("app:queue_sup"));
    }

    @Test
    void theDynamicKindsReadTheirLimits() throws Exception {
        Application loaded = app("""
                  - name: rooms
                    kind: process.dynamic_supervisor
                    max_children: 5
                    extra_args: ["lobby"]
                    registered_name: all_rooms
                  - name: jobs
                    kind: process.task_supervisor
                    max_children: infinity
                """).load();
        DynamicSupervisorEntry rooms = loaded.entry(EntryId.parse("app:rooms"), DynamicSupervisorEntry.class).orElseThrow();
        assertThat(rooms.maxChildren()).isEqualTo(5);
        assertThat(rooms.extraArgs()).containsExactly("lobby");
        assertThat(rooms.name()).contains("all_rooms");
        TaskSupervisorEntry jobs = loaded.entry(EntryId.parse("app:jobs"), TaskSupervisorEntry.class).orElseThrow();
        assertThat(jobs.maxChildren()).isEqualTo(Integer.MAX_VALUE);
        assertThat(jobs.name()).isEqualTo(Optional.of("jobs"));
    }

    @Test
    void everyProblemOfASupervisorIsReportedWithItsLine() {
        List<String> problems = problems("""
                  - name: sup
                    kind: process.supervisor
                    strategy: one_for_on
                    max_restarts: -1
                    children:
                      - process: worker
                        shutdown: soon
                      - process: worker
                      - id: third
                        process: app:processes
                      - id: fourth
                        process: worker
                        restart: sometimes
                      - id: fifth
                        process: worker
                        significant: true
                      - id: sixth
                        process: worker
                        restart: transient
                        significant: true
                        colour: blue
                """);
        assertThat(problems).containsExactly(
                at(10) + "entry 'app:sup': field 'strategy' must be one of one_for_all, one_for_one, rest_for_one,"
                        + " got \"one_for_on\" (did you mean 'one_for_one'?)",
                at(11) + "entry 'app:sup': field 'max_restarts' must be an integer >= 0, got integer -1",
                at(14) + "entry 'app:sup': field 'children[0].shutdown' must be brutal_kill, infinity or a duration"
                        + " such as 5s: " + problems.get(2).substring(problems.get(2).indexOf("5s: ") + 4),
                at(15) + "entry 'app:sup': duplicate child id 'worker' (each child of a supervisor needs its own id;"
                        + " set 'id' to tell them apart)",
                at(17) + "entry 'app:sup': field 'children[2].process' names 'app:processes', which is a process.host,"
                        + " not one of process.dynamic_supervisor, process.lua, process.supervisor, process.task_supervisor",
                at(20) + "entry 'app:sup': field 'children[3].restart' must be one of permanent, temporary, transient,"
                        + " got \"sometimes\"",
                at(23) + "entry 'app:sup': field 'children[4].significant': a permanent child cannot be significant"
                        + " (use restart: transient or temporary)",
                at(27) + "entry 'app:sup': field 'children[5].significant': significant children need the supervisor's"
                        + " auto_shutdown to be any_significant or all_significant",
                at(28) + "entry 'app:sup': unknown field 'children[5].colour' in a child of process.supervisor (known"
                        + " fields: process, id, args, restart, shutdown, significant, name, host)");
    }

    @Test
    void nestedSupervisorsMayNotFormACycleNorBeAutoStartedTwice() {
        List<String> problems = problems("""
                  - name: outer
                    kind: process.supervisor
                    strategy: one_for_one
                    children:
                      - process: middle
                      - process: worker
                  - name: middle
                    kind: process.supervisor
                    strategy: one_for_one
                    children:
                      - process: outer
                  - name: lonely
                    kind: process.supervisor
                    strategy: one_for_all
                    children:
                      - process: auto
                  - name: auto
                    kind: process.supervisor
                    strategy: one_for_one
                    children: []
                    lifecycle: {auto_start: true}
                """);
        assertThat(problems).containsExactly(
                at(8) + "entry 'app:outer': supervisors nest in a cycle: app:outer -> app:middle -> app:outer",
                at(23) + "entry 'app:lonely': child 'auto' runs app:auto, which is auto-started too"
                        + " (lifecycle.auto_start: true) and would run twice; remove auto_start from app:auto: its"
                        + " supervisor starts it");
    }

    @Test
    void aSupervisorNeedsAHostWhenTheAppHasSeveralAndChildrenWhenItIsStatic() {
        List<String> problems = problems("""
                  - name: other
                    kind: process.host
                  - name: sup
                    kind: process.supervisor
                    strategy: one_for_one
                  - name: jobs
                    kind: process.task_supervisor
                    host: node:control
                """);
        assertThat(problems).containsExactly(
                at(10) + "entry 'app:sup': missing field 'children' (a process.supervisor needs a list of children;"
                        + " use a process.dynamic_supervisor to add them at run time)",
                at(10) + "entry 'app:sup': process.supervisor needs a host: set 'host' to one of app:other, app:processes",
                at(15) + "entry 'app:jobs': field 'host' may not be node:control (reserved for Trellis's own watchers);"
                        + " name a process.host entry");
    }
}
