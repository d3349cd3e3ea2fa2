package dev.trellis.runtime.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken apps: every problem is reported with file, line and entry id, all of them at once. */
class ApplicationProblemsTest {

    @TempDir
    Path tmp;

    private List<String> problems(AppDir dir) {
        return problems(dir, new ApplicationLoader());
    }

    private List<String> problems(AppDir dir, ApplicationLoader loader) {
        ApplicationException e = catchThrowableOfType(ApplicationException.class, () -> loader.load(dir.root));
        assertThat(e).as("loading should fail").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    /** "file:line: " of a file under the app. */
    private String at(String relative, int line) {
        return tmp.resolve(relative) + ":" + line + ": ";
    }

    @Test
    void reportsEveryProblemAtOnceInFileAndLineOrder() {
        AppDir dir = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - name: processes
                            kind: process.host
                            host:
                              workers: "x"
                          - name: pool
                            kind: process.go
                          - name: worker
                            kind: process.lua
                            source: file://missing.lua
                            imports:
                              util: app.lib:util
                          - name: svc
                            kind: process.service
                            process: app:worker
                            host: app:pool
                        """)
                .file("more/_index.yaml", """
                        namespace: app
                        entries:
                          - name: processes
                            kind: process.host
                        """)
                .file("broken/_index.yaml", "namespace: broken\nentries:\n  - name: [unclosed\n");
        List<String> problems = problems(dir);
        assertThat(problems).containsExactly(
                at("_index.yaml", 6) + "entry 'app:processes': field 'host.workers' must be a positive integer, got string \"x\"",
                at("_index.yaml", 8) + "entry 'app:pool': unknown kind 'process.go' (known kinds: process.host, process.lua, "
                        + "process.service, process.supervisor, process.dynamic_supervisor, process.task_supervisor, library.lua, function.lua, security.policy)",
                at("_index.yaml", 11) + "entry 'app:worker': source file not found: " + tmp.resolve("missing.lua"),
                at("_index.yaml", 13) + "entry 'app:worker': field 'imports.util' names 'app.lib:util', which is not an entry of this app",
                problems.get(4),
                at("more/_index.yaml", 3) + "entry 'app:processes': duplicate entry id (first defined at "
                        + tmp.resolve("_index.yaml") + ":3)");
        // The YAML syntax error sorts between the two files by path: broken/ comes before more/.
        assertThat(problems.get(4)).startsWith(at("broken/_index.yaml", 4)).contains("YAML syntax error");
    }

    @Test
    void aReferenceToAnEntryOfTheWrongKindNamesBothKinds() {
        AppDir dir = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - {name: processes, kind: process.host}
                          - {name: worker, kind: process.lua, source: "file://w.lua"}
                          - {name: lib, kind: library.lua, source: "file://w.lua"}
                          - name: svc
                            kind: process.service
                            process: lib
                            host: worker
                          - name: user
                            kind: process.lua
                            source: file://w.lua
                            imports: {w: worker}
                            lifecycle: {requires: [lib]}
                        """)
                .lua("w.lua");
        assertThat(problems(dir)).containsExactly(
                at("_index.yaml", 8) + "entry 'app:svc': field 'process' names 'app:lib', which is a library.lua, not a process.lua",
                at("_index.yaml", 9) + "entry 'app:svc': field 'host' names 'app:worker', which is a process.lua, not a process.host",
                at("_index.yaml", 13) + "entry 'app:user': field 'imports.w' names 'app:worker', which is a process.lua, not a library.lua",
                at("_index.yaml", 14) + "entry 'app:user': field 'lifecycle.requires' names 'app:lib', which is a library.lua, "
                        + "not one of process.dynamic_supervisor, process.host, process.lua, process.service, process.supervisor,"
                        + " process.task_supervisor");
    }

    @Test
    void aMissingReferenceSuggestsTheSameNameInAnotherNamespace() {
        AppDir dir = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app.workers
                        entries:
                          - {name: w, kind: process.lua, source: "file://w.lua"}
                          - {name: svc, kind: process.service, process: w, host: processes}
                          - {name: processes, kind: process.host, meta: {}}
                        """)
                .file("other/_index.yaml", "namespace: app\nentries:\n  - {name: processes, kind: process.host}\n")
                .lua("w.lua");
        // "processes" in app.workers exists here, so rename it to force the miss:
        dir.file("_index.yaml", """
                namespace: app.workers
                entries:
                  - {name: w, kind: process.lua, source: "file://w.lua"}
                  - {name: svc, kind: process.service, process: w, host: processes}
                """);
        assertThat(problems(dir)).containsExactly(at("_index.yaml", 4)
                + "entry 'app.workers:svc': field 'host' names 'app.workers:processes', which is not an entry of this app"
                + " (did you mean 'app:processes'?)");
    }

    @Test
    void badFieldTypesAndValuesAreNamed() {
        AppDir dir = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - name: h
                            kind: process.host
                            host: {workers: 0, queue_size: -1, local_queue_size: 1.5}
                            lifecycle:
                              auto_start: "yes"
                              start_timeout: 5
                              stop_timeout: 10x
                              stable_threshold: -1s
                              startup: sometimes
                              requires: app:x
                              restart: {initial_delay: 2s, max_delay: 1s, backoff_factor: 0.5, jitter: 2, max_attempts: -1}
                          - name: p
                            kind: process.lua
                            source: w.lua
                            method: ""
                            modules: time
                            meta: [x]
                          - name: s
                            kind: process.service
                            process: app:p
                            host: node:control
                            input: "one"
                        """);
        assertThat(problems(dir)).containsExactly(
                at("_index.yaml", 5) + "entry 'app:h': field 'host.workers' must be a positive integer, got integer 0",
                at("_index.yaml", 5) + "entry 'app:h': field 'host.queue_size' must be a positive integer, got integer -1",
                at("_index.yaml", 5) + "entry 'app:h': field 'host.local_queue_size' must be a positive integer, got number 1.5",
                at("_index.yaml", 7) + "entry 'app:h': field 'lifecycle.auto_start' must be true or false, got string \"yes\"",
                at("_index.yaml", 8) + "entry 'app:h': field 'lifecycle.start_timeout' must be a duration such as \"5s\" or \"100ms\", got integer 5",
                at("_index.yaml", 9) + "entry 'app:h': field 'lifecycle.stop_timeout': unknown unit \"x\" in duration \"10x\": "
                        + "use a number with a unit: ns, us, ms, s, m, h (e.g. \"100ms\", \"1m30s\")",
                at("_index.yaml", 10) + "entry 'app:h': field 'lifecycle.stable_threshold' must not be negative, got -1s",
                at("_index.yaml", 11) + "entry 'app:h': field 'lifecycle.startup' must be required or optional, got \"sometimes\"",
                at("_index.yaml", 12) + "entry 'app:h': field 'lifecycle.requires' must be a list of entry ids, got string \"app:x\"",
                at("_index.yaml", 13) + "entry 'app:h': field 'lifecycle.restart.backoff_factor' must be a number >= 1.0, got 0.5",
                at("_index.yaml", 13) + "entry 'app:h': field 'lifecycle.restart.jitter' must be between 0.0 and 1.0, got 2.0",
                at("_index.yaml", 13) + "entry 'app:h': field 'lifecycle.restart.max_attempts' must be an integer >= 0, got integer -1",
                at("_index.yaml", 13) + "entry 'app:h': field 'lifecycle.restart.max_delay' (1s) must not be less than initial_delay (2s)",
                at("_index.yaml", 16) + "entry 'app:p': field 'source' must be a file:// URL such as file://main.lua, got \"w.lua\"",
                at("_index.yaml", 17) + "entry 'app:p': field 'method' must not be empty (default: main)",
                at("_index.yaml", 18) + "entry 'app:p': field 'modules' must be a list of strings, got string \"time\"",
                at("_index.yaml", 19) + "entry 'app:p': field 'meta' must be a mapping, got a list",
                at("_index.yaml", 23) + "entry 'app:s': field 'host' may not be node:control (reserved for supervisors); name a process.host entry",
                at("_index.yaml", 24) + "entry 'app:s': field 'input' must be a list (each element is one argument of main), got string \"one\"");
    }

    @Test
    void unknownFieldsAreReportedWithTheKnownOnes() {
        AppDir dir = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - name: h
                            kind: process.host
                            worker: 4
                            host: {wrkers: 2}
                          - name: p
                            kind: process.lua
                            source: file://p.lua
                            lifecycle: {auto_start: true, restart: {max_attempts: 3}}
                        """)
                .lua("p.lua");
        List<String> problems = problems(dir);
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith(at("_index.yaml", 5) + "entry 'app:h': unknown field 'worker' in process.host (known fields: ");
        assertThat(problems.get(1)).startsWith(at("_index.yaml", 6)
                        + "entry 'app:h': unknown field 'host.wrkers' (did you mean 'workers'?) in process.host")
                .contains("workers", "queue_size");
        assertThat(problems.get(2)).startsWith(at("_index.yaml", 10) + "entry 'app:p': unknown field 'lifecycle.restart' in the lifecycle of a process.lua")
                .contains("use a process.service");
    }

    @Test
    void fileShapeProblems() {
        AppDir dir = new AppDir(tmp)
                .file("a/_index.yaml", "version: \"2.0\"\nnamespace: app\nentries: {}\nextra: 1\n")
                .file("b/_index.yaml", "entries:\n  - {name: x, kind: process.host}\n")
                .file("c/_index.yaml", "namespace: \"bad ns\"\nentries: []\n")
                .file("d/_index.yaml", "namespace: d\n")
                .file("e/_index.yaml", """
                        namespace: e
                        entries:
                          - just a string
                          - {kind: process.host}
                          - {name: "a b", kind: process.host}
                          - {name: h, kind: process.host, kind: process.lua}
                        """);
        assertThat(problems(dir)).containsExactly(
                at("a/_index.yaml", 1) + "unsupported version string \"2.0\" (expected \"1.0\")",
                at("a/_index.yaml", 3) + "field 'entries' must be a list of entries, got a mapping",
                at("a/_index.yaml", 4) + "unknown field 'extra' in an entry file (known fields: namespace, version, entries)",
                at("b/_index.yaml", 1) + "missing field 'namespace'",
                at("c/_index.yaml", 1) + "invalid namespace 'bad ns': use dot-separated words of letters, digits, '_' and '-' (e.g. app.workers)",
                at("d/_index.yaml", 1) + "missing field 'entries'",
                at("e/_index.yaml", 3) + "an entry must be a mapping with name and kind, got string \"just a string\"",
                at("e/_index.yaml", 4) + "missing field 'name'",
                at("e/_index.yaml", 5) + "invalid entry name 'a b': use letters, digits, '_', '-' and '.' (e.g. task_worker)",
                at("e/_index.yaml", 6) + "entry 'e:h': duplicate key 'kind' (first at line 6)");
    }

    @Test
    void aYamlSyntaxErrorNamesFileAndLine() {
        AppDir dir = new AppDir(tmp).file("_index.yaml", """
                namespace: app
                entries:
                  - name: processes
                    kind: process.host
                      host: {workers: 2}
                """);
        List<String> problems = problems(dir);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst()).startsWith(at("_index.yaml", 5) + "YAML syntax error: ");
    }

    @Test
    void aDependencyCycleIsNamed() {
        AppDir dir = new AppDir(tmp).file("_index.yaml", """
                namespace: app
                entries:
                  - {name: a, kind: process.host, lifecycle: {requires: [b]}}
                  - {name: b, kind: process.host, lifecycle: {requires: [c]}}
                  - {name: c, kind: process.host, lifecycle: {requires: [a]}}
                  - {name: d, kind: process.host, lifecycle: {requires: [a], auto_start: true}}
                """);
        assertThat(problems(dir)).containsExactly(at("_index.yaml", 3)
                + "entry 'app:a': dependency cycle: app:a -> app:b -> app:c -> app:a (each needs the next one started first)");
    }

    @Test
    void aSelfReferenceIsReported() {
        AppDir dir = new AppDir(tmp).file("_index.yaml", """
                namespace: app
                entries:
                  - {name: a, kind: process.host, lifecycle: {requires: [a]}}
                """);
        assertThat(problems(dir)).contains(at("_index.yaml", 3) + "entry 'app:a': field 'lifecycle.requires' names the entry itself");
    }

    @Test
    void anAutoStartedProcessNeedsAHost() {
        AppDir none = new AppDir(tmp.resolve("none"))
                .file("_index.yaml", "namespace: app\nentries:\n"
                        + "  - {name: p, kind: process.lua, source: \"file://p.lua\", lifecycle: {auto_start: true}}\n")
                .lua("p.lua");
        assertThat(problems(none)).containsExactly(tmp.resolve("none/_index.yaml") + ":3: entry 'app:p': "
                + "auto-started process.lua needs a host, and the app has no process.host entry");

        AppDir two = new AppDir(tmp.resolve("two"))
                .file("_index.yaml", "namespace: app\nentries:\n"
                        + "  - {name: h1, kind: process.host}\n  - {name: h2, kind: process.host}\n"
                        + "  - {name: p, kind: process.lua, source: \"file://p.lua\", lifecycle: {auto_start: true}}\n")
                .lua("p.lua");
        assertThat(problems(two)).containsExactly(tmp.resolve("two/_index.yaml") + ":5: entry 'app:p': "
                + "auto-started process.lua needs a host: set meta.default_host to one of app:h1, app:h2");
    }

    @Test
    void luaSyntaxErrorsComeFromTheSourceCheckOncePerFile() {
        AppDir dir = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - {name: a, kind: library.lua, source: "file://bad.lua"}
                          - {name: b, kind: function.lua, source: "file://bad.lua"}
                          - {name: c, kind: function.lua, source: "file://good.lua"}
                        """)
                .file("bad.lua", "local x = = 1\n")
                .lua("good.lua");
        List<Path> checked = new ArrayList<>();
        SourceCheck check = (file, text) -> {
            checked.add(file);
            return text.contains("= =")
                    ? List.of(new SourceCheck.SourceError(1, "unexpected symbol near '='"))
                    : List.of();
        };
        assertThat(problems(dir, new ApplicationLoader(check))).containsExactly(
                tmp.resolve("bad.lua") + ":1: entry 'app:a': unexpected symbol near '='",
                tmp.resolve("bad.lua") + ":1: entry 'app:b': unexpected symbol near '='");
        assertThat(checked).containsExactlyInAnyOrder(tmp.resolve("bad.lua"), tmp.resolve("good.lua"));
    }

    @Test
    void modulesTheSourceCheckDoesNotKnowAreProblemsAtTheirLine() {
        AppDir dir = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - name: lib
                            kind: library.lua
                            source: file://lib.lua
                            modules:
                              - time
                              - uuid
                              - uiid
                          - {name: f, kind: function.lua, source: "file://lib.lua", modules: [http]}
                          - {name: p, kind: process.lua, source: "file://lib.lua", modules: [Time]}
                        """)
                .lua("lib.lua");
        SourceCheck check = new SourceCheck() {
            @Override
            public List<SourceCheck.SourceError> check(Path file, String text) {
                return List.of();
            }

            @Override
            public java.util.Optional<java.util.Set<String>> modules() {
                return java.util.Optional.of(new java.util.TreeSet<>(List.of("time", "uuid")));
            }
        };
        assertThat(problems(dir, new ApplicationLoader(check))).containsExactly(
                at("_index.yaml", 9) + "entry 'app:lib': unknown module 'uiid' in field 'modules' (did you mean 'uuid'?) (known modules: time, uuid)",
                at("_index.yaml", 10) + "entry 'app:f': unknown module 'http' in field 'modules' (known modules: time, uuid)",
                at("_index.yaml", 11) + "entry 'app:p': unknown module 'Time' in field 'modules' (did you mean 'time'?) (known modules: time, uuid)");
    }

    @Test
    void withoutKnownModulesAnyNameIsAccepted() throws ApplicationException {
        AppDir dir = new AppDir(tmp)
                .file("_index.yaml", "namespace: app\nentries:\n  - {name: lib, kind: library.lua, source: \"file://lib.lua\", modules: [json]}\n")
                .lua("lib.lua");
        assertThat(new ApplicationLoader().load(dir.root).entries()).hasSize(1);
    }

    @Test
    void directoryProblems() {
        assertThat(problems(new AppDir(tmp.resolve("nope")))).containsExactly(tmp.resolve("nope") + ": no such directory");
        new AppDir(tmp).file("file.yaml", "x: 1\n");
        assertThat(problems(new AppDir(tmp.resolve("file.yaml")))).singleElement().asString()
                .startsWith(tmp.resolve("file.yaml") + ": not a directory");
        new AppDir(tmp).file("empty/readme.txt", "hello\n");
        assertThat(problems(new AppDir(tmp.resolve("empty")))).containsExactly(tmp.resolve("empty")
                + ": no entry files found (expected *.yaml files with 'namespace' and 'entries')");
    }

    @Test
    void theExceptionMessageListsEveryProblem() {
        AppDir dir = new AppDir(tmp).file("_index.yaml",
                "namespace: app\nentries:\n  - {name: a, kind: x}\n  - {name: b, kind: y}\n");
        ApplicationException e = catchThrowableOfType(ApplicationException.class, () -> dir.load());
        assertThat(e.getMessage()).startsWith("2 problems:\n")
                .contains("entry 'app:a': unknown kind 'x'").contains("entry 'app:b': unknown kind 'y'");
    }

    @Test
    void aNearMissOfMetaTypeTestIsAProblemAndOtherTypesAreTheUsersOwn() {
        AppDir dir = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - {name: a, kind: function.lua, source: file://t.lua, meta: {type: tset}}
                          - {name: b, kind: function.lua, source: file://t.lua, meta: {type: Tests}}
                          - {name: c, kind: function.lua, source: file://t.lua, meta: {type: service}}
                          - {name: d, kind: function.lua, source: file://t.lua, meta: {type: test}}
                        """)
                .lua("t.lua");
        assertThat(problems(dir)).containsExactly(
                at("_index.yaml", 3) + "entry 'app:a': field 'meta.type' is 'tset', which marks nothing"
                        + " (did you mean 'test'? only meta.type: test makes a function.lua a test)",
                at("_index.yaml", 4) + "entry 'app:b': field 'meta.type' is 'Tests', which marks nothing"
                        + " (did you mean 'test'? only meta.type: test makes a function.lua a test)");
    }

    @Test
    void anUnknownFieldCloseToAKnownOneSuggestsIt() {
        AppDir dir = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - {name: p, kind: process.lua, source: file://p.lua, lifecycle: {auto_strat: true}}
                          - {name: q, kind: process.lua, source: file://p.lua, mehtod: main}
                        """)
                .lua("p.lua");
        assertThat(problems(dir)).satisfiesExactly(
                p -> assertThat(p).startsWith(at("_index.yaml", 3) + "entry 'app:p': unknown field 'lifecycle.auto_strat'"
                        + " (did you mean 'auto_start'?) in the lifecycle"),
                p -> assertThat(p).startsWith(at("_index.yaml", 4) + "entry 'app:q': unknown field 'mehtod'"
                        + " (did you mean 'method'?) in process.lua"));
    }
}
