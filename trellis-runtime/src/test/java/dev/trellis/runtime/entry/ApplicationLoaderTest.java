package dev.trellis.runtime.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading valid apps: the model each kind becomes, defaults, files and namespaces. */
class ApplicationLoaderTest {

    @TempDir
    Path tmp;

    /** The worker pool of the Portuguese seed document, as written there. */
    private AppDir seedPool() {
        return new AppDir(tmp)
                .file("src/_index.yaml", """
                        version: "1.0"
                        namespace: app
                        entries:
                          - name: processes
                            kind: process.host
                            host:
                              workers: 16
                            lifecycle:
                              auto_start: true
                        """)
                .file("src/supervisor/_index.yaml", """
                        version: "1.0"
                        namespace: app.supervisor
                        entries:
                          - name: pool
                            kind: process.lua
                            source: file://pool.lua
                            method: main
                            modules:
                              - time
                            lifecycle:
                              auto_start: true
                        """)
                .lua("src/supervisor/pool.lua")
                .file("src/workers/_index.yaml", """
                        version: "1.0"
                        namespace: app.workers
                        entries:
                          - name: task_worker
                            kind: process.lua
                            source: file://task_worker.lua
                            method: main
                            modules:
                              - time
                        """)
                .lua("src/workers/task_worker.lua");
    }

    @Test
    void loadsTheSeedWorkerPool() throws Exception {
        AppDir dir = seedPool();
        Application app = dir.load();

        assertThat(app.entries()).extracting(e -> e.id().toString())
                .containsExactly("app.supervisor:pool", "app.workers:task_worker", "app:processes");
        ProcessHost host = app.entry(EntryId.parse("app:processes"), ProcessHost.class).orElseThrow();
        assertThat(host.workers()).isEqualTo(16);
        assertThat(host.lifecycle().autoStart()).isTrue();
        assertThat(host.location()).isEqualTo(new Location(dir.path("src/_index.yaml"), 4));

        LuaProcess pool = app.entry(EntryId.parse("app.supervisor:pool"), LuaProcess.class).orElseThrow();
        assertThat(pool.source()).isEqualTo(dir.path("src/supervisor/pool.lua"));
        assertThat(pool.method()).isEqualTo("main");
        assertThat(pool.modules()).containsExactly("time");
        assertThat(pool.lifecycle().autoStart()).isTrue();
        assertThat(pool.host()).contains(EntryId.parse("app:processes"));

        assertThat(app.startOrder()).extracting(e -> e.id().toString())
                .containsExactly("app:processes", "app.supervisor:pool");
        assertThat(app.stopOrder()).extracting(e -> e.id().toString())
                .containsExactly("app.supervisor:pool", "app:processes");
        assertThat(app.root()).isEqualTo(tmp);
    }

    @Test
    void appliesDefaults() throws Exception {
        Application app = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - name: processes
                            kind: process.host
                          - name: worker
                            kind: process.lua
                            source: file://w.lua
                          - name: svc
                            kind: process.service
                            process: worker
                            host: processes
                        """)
                .lua("w.lua")
                .load();
        ProcessHost host = app.entry(EntryId.parse("app:processes"), ProcessHost.class).orElseThrow();
        assertThat(host.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(host.lifecycle()).isEqualTo(Lifecycle.DEFAULT);

        LuaProcess worker = app.entry(EntryId.parse("app:worker"), LuaProcess.class).orElseThrow();
        assertThat(worker.method()).isEqualTo("main");
        assertThat(worker.modules()).isEmpty();
        assertThat(worker.imports()).isEmpty();
        assertThat(worker.meta()).isEqualTo(Meta.EMPTY);
        assertThat(worker.host()).isEmpty();

        LuaService svc = app.entry(EntryId.parse("app:svc"), LuaService.class).orElseThrow();
        assertThat(svc.process()).isEqualTo(EntryId.parse("app:worker"));   // bare names: own namespace
        assertThat(svc.host()).isEqualTo(EntryId.parse("app:processes"));
        assertThat(svc.input()).isEmpty();
        Lifecycle lc = svc.lifecycle();
        assertThat(lc.autoStart()).isFalse();
        assertThat(lc.startTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(lc.stopTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(lc.stableThreshold()).isEqualTo(Duration.ofSeconds(5));
        assertThat(lc.startup()).isEqualTo(Lifecycle.Startup.REQUIRED);
        assertThat(lc.restart()).isEqualTo(new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(90), 2.0, 0.1, 0));
        assertThat(lc.restart().unlimited()).isTrue();
        assertThat(app.startOrder()).isEmpty();
    }

    @Test
    void readsAFullServiceLifecycle() throws Exception {
        Application app = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - name: processes
                            kind: process.host
                            host: {workers: 4, queue_size: 64, local_queue_size: 8, max_processes: 10000}
                            lifecycle: {auto_start: true}
                          - name: db
                            kind: process.service
                            process: app.workers:db_process
                            host: app:processes
                          - name: worker
                            kind: process.service
                            process: app.workers:worker_process
                            host: app:processes
                            input: ["arg1", 2, true, 1.5, null, {k: v}, [x]]
                            lifecycle:
                              auto_start: true
                              start_timeout: 2s
                              stop_timeout: 1m30s
                              stable_threshold: 0s
                              startup: optional
                              requires: [db]
                              depends_on: [app:db]
                              restart:
                                initial_delay: 100ms
                                max_delay: 5s
                                backoff_factor: 3
                                jitter: 0
                                max_attempts: 5
                              security: {actor: {id: "service:x"}}
                        """)
                .file("workers/_index.yaml", """
                        namespace: app.workers
                        entries:
                          - {name: db_process, kind: process.lua, source: "file://db.lua"}
                          - {name: worker_process, kind: process.lua, source: "file://../w.lua"}
                        """)
                .lua("workers/db.lua")
                .lua("w.lua")
                .load();
        ProcessHost host = app.entry(EntryId.parse("app:processes"), ProcessHost.class).orElseThrow();
        assertThat(host.workers()).isEqualTo(4);   // queue_size and local_queue_size: validated, not kept

        LuaService worker = app.entry(EntryId.parse("app:worker"), LuaService.class).orElseThrow();
        assertThat(worker.input()).containsExactly("arg1", 2L, true, 1.5, null, Map.of("k", "v"), List.of("x"));
        Lifecycle lc = worker.lifecycle();
        assertThat(lc.startTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(lc.stopTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(lc.stableThreshold()).isEqualTo(Duration.ZERO);
        assertThat(lc.startup()).isEqualTo(Lifecycle.Startup.OPTIONAL);
        assertThat(lc.requires()).containsExactly(EntryId.parse("app:db"));   // requires ∪ depends_on, once
        assertThat(lc.restart()).isEqualTo(new RestartPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), 3.0, 0.0, 5));
        assertThat(worker.dependencies()).containsExactly(EntryId.parse("app:processes"), EntryId.parse("app:db"));
        assertThat(app.entry(EntryId.parse("app.workers:worker_process"), LuaProcess.class).orElseThrow().source())
                .isEqualTo(tmp.resolve("w.lua"));

        // db is not auto-started itself, but the worker needs it: it starts first.
        assertThat(app.startOrder()).extracting(e -> e.id().toString())
                .containsExactly("app:processes", "app:db", "app:worker");
    }

    @Test
    void readsLibrariesFunctionsImportsAndMeta() throws Exception {
        Application app = new AppDir(tmp)
                .file("lib/_index.yaml", """
                        namespace: app.lib
                        entries:
                          - name: assert
                            kind: library.lua
                            source: file://assert.lua
                            modules: [json]
                        """)
                .lua("lib/assert.lua")
                .file("tests/_index.yaml", """
                        namespace: tests
                        entries:
                          - name: b_second
                            kind: function.lua
                            source: file://t.lua
                            method: second
                            modules: [time]
                            imports: {assert2: app.lib:assert}
                            pool: {size: 4}
                            meta: {type: test, suite: s1, order: 2, description: "the second", tags: [a, b]}
                          - name: a_first
                            kind: function.lua
                            source: file://t.lua
                            meta: {type: test, suite: s1, order: 1}
                          - name: c_unordered
                            kind: function.lua
                            source: file://t.lua
                            meta: {type: test, suite: s1}
                          - name: a_other_suite
                            kind: function.lua
                            source: file://t.lua
                            meta: {type: test, suite: s0}
                          - name: helper
                            kind: function.lua
                            source: file://t.lua
                        """)
                .lua("tests/t.lua")
                .load();
        LuaLibrary lib = app.entry(EntryId.parse("app.lib:assert"), LuaLibrary.class).orElseThrow();
        assertThat(lib.modules()).containsExactly("json");

        LuaFunction second = app.entry(EntryId.parse("tests:b_second"), LuaFunction.class).orElseThrow();
        assertThat(second.method()).isEqualTo("second");
        assertThat(second.imports()).isEqualTo(Map.of("assert2", EntryId.parse("app.lib:assert")));
        assertThat(second.isTest()).isTrue();
        assertThat(second.meta().suite()).contains("s1");
        assertThat(second.meta().order()).hasValue(2);
        assertThat(second.meta().description()).contains("the second");
        assertThat(second.meta().get("tags")).contains(List.of("a", "b"));

        assertThat(app.tests()).extracting(f -> f.id().toString())
                .containsExactly("tests:a_other_suite", "tests:a_first", "tests:b_second", "tests:c_unordered");
        assertThat(app.entriesOf(LuaEntry.class)).hasSize(6);
        assertThat(app.entriesOf(EntryKind.LIBRARY_LUA)).containsExactly(lib);
    }

    @Test
    void anAutoStartedProcessUsesMetaDefaultHostWhenThereAreSeveralHosts() throws Exception {
        Application app = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - {name: a_host, kind: process.host, lifecycle: {auto_start: true}}
                          - {name: b_host, kind: process.host}
                          - name: main
                            kind: process.lua
                            source: file://m.lua
                            meta: {default_host: b_host}
                            lifecycle: {auto_start: true}
                        """)
                .lua("m.lua")
                .load();
        LuaProcess main = app.entry(EntryId.parse("app:main"), LuaProcess.class).orElseThrow();
        assertThat(main.host()).contains(EntryId.parse("app:b_host"));
        assertThat(app.startOrder()).extracting(e -> e.id().toString())
                .containsExactly("app:a_host", "app:b_host", "app:main");
    }

    @Test
    void requiresOrdersHostsAndTiesBreakById() throws Exception {
        Application app = new AppDir(tmp)
                .file("_index.yaml", """
                        namespace: app
                        entries:
                          - {name: z_first, kind: process.host, lifecycle: {auto_start: true}}
                          - {name: a_needs_m, kind: process.host, lifecycle: {auto_start: true, requires: [m_mid]}}
                          - {name: m_mid, kind: process.host, lifecycle: {auto_start: true, requires: [z_first]}}
                          - {name: b_alone, kind: process.host, lifecycle: {auto_start: true}}
                          - {name: c_manual, kind: process.host}
                        """)
                .load();
        assertThat(app.startOrder()).extracting(e -> e.id().name())
                .containsExactly("b_alone", "z_first", "m_mid", "a_needs_m");
    }

    @Test
    void skipsOtherYamlAndHiddenDirectories() throws Exception {
        Application app = new AppDir(tmp)
                .file("_index.yaml", "namespace: app\nentries:\n  - {name: processes, kind: process.host}\n")
                .file("config.yaml", "database: {url: x}\n")
                .file("list.yaml", "- a\n- b\n")
                .file("empty.yaml", "")
                .file(".wippy/vendor/_index.yaml", "namespace: vendor\nentries:\n  - {name: x, kind: nonsense}\n")
                .file("more.yml", "namespace: more\nentries:\n  - {name: h, kind: process.host}\n")
                .load();
        assertThat(app.entries()).extracting(e -> e.id().toString()).containsExactly("app:processes", "more:h");
    }

    @Test
    void anEmptyEntriesListIsAllowed() throws Exception {
        Application app = new AppDir(tmp)
                .file("_index.yaml", "namespace: app\nentries: []\n")
                .file("b/_index.yaml", "namespace: b\nentries:\n")
                .load();
        assertThat(app.entries()).isEmpty();
    }

    @Test
    void anAbsoluteSourcePathIsKept() throws Exception {
        AppDir dir = new AppDir(tmp).lua("elsewhere/x.lua");
        Path absolute = dir.path("elsewhere/x.lua").toAbsolutePath();
        Application app = dir.file("app/_index.yaml", "namespace: app\nentries:\n"
                + "  - {name: x, kind: library.lua, source: \"file://" + absolute + "\"}\n").load();
        assertThat(app.entry(EntryId.parse("app:x"), LuaLibrary.class).map(LuaLibrary::source)).isEqualTo(Optional.of(absolute));
    }
}
