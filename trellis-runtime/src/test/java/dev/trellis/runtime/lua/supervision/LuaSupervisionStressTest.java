package dev.trellis.runtime.lua.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessException;
import dev.trellis.core.supervision.ChildInfo;
import dev.trellis.core.supervision.ChildType;
import dev.trellis.core.supervision.StartResult;
import dev.trellis.core.supervision.Supervisor;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.ApplicationLoader;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.ProcessHost;
import dev.trellis.runtime.lua.LuaRuntime;
import dev.trellis.runtime.lua.LuaSourceCheck;
import dev.trellis.runtime.lua.modules.BuiltInModules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-level tree of Lua processes declared in YAML, under a storm of kills at random places
 * (workers and inner supervisors alike): once the storm ends, every level is back to its spec, every
 * registered name points at a live child, and stopping the root leaves no process and no name.
 */
class LuaSupervisionStressTest {

    private static final List<String> NAMES = List.of("a1", "a2", "a3", "leaf1", "leaf2", "b1");

    @TempDir
    Path dir;
    private Node node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @RepeatedTest(5)
    void aKillStormConvergesBackToTheSpecWithNothingLeaked() throws Exception {
        Files.writeString(dir.resolve("w.lua"), """
                return { main = function()
                    local events = process.events()
                    while true do
                        if events:receive().kind == process.event.CANCEL then return end
                    end
                end }
                """);
        Files.writeString(dir.resolve("_index.yaml"), """
                namespace: app
                entries:
                  - {name: processes, kind: process.host, host: {workers: 2}}
                  - {name: w, kind: process.lua, source: file://w.lua}
                  - name: root
                    kind: process.supervisor
                    strategy: one_for_one
                    max_restarts: 1000000
                    children:
                      - {process: mid_a}
                      - {process: mid_b}
                  - name: mid_a
                    kind: process.supervisor
                    strategy: one_for_all
                    max_restarts: 1000000
                    children:
                      - {id: a1, process: w, name: a1}
                      - {id: a2, process: w, name: a2, shutdown: brutal_kill}
                      - {id: a3, process: w, name: a3}
                  - name: mid_b
                    kind: process.supervisor
                    strategy: rest_for_one
                    max_restarts: 1000000
                    children:
                      - {process: leaf}
                      - {id: b1, process: w, name: b1}
                  - name: leaf
                    kind: process.supervisor
                    strategy: one_for_one
                    max_restarts: 1000000
                    children:
                      - {id: leaf1, process: w, name: leaf1}
                      - {id: leaf2, process: w, name: leaf2, restart: transient}
                """);
        Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
        node = Node.builder().host("app:processes", 2).host(ProcessHost.CONTROL_HOST.toString(), 64).start();
        LuaRuntime runtime = new LuaRuntime(app, node, new PrintStream(new ByteArrayOutputStream(), true),
                BuiltInModules.standard());
        int baseline = node.processCount();

        StartResult started = new LuaSupervision(runtime).start(null, runtime.supervision(EntryId.parse("app:root")));
        Pid root = started.pidOrNull();
        assertThat(root).as(String.valueOf(started)).isNotNull();
        awaitSpec(root);
        assertThat(node.processCount()).isEqualTo(baseline + 10);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            List<Pid> tree = new ArrayList<>();
            collect(root, tree);
            if (tree.isEmpty()) {
                continue;   // everything below the root is restarting
            }
            try {
                node.terminate(tree.get(random.nextInt(tree.size())));
            } catch (ProcessException alreadyGone) {
                // it ended meanwhile (a group restart): fine
            }
            if (random.nextInt(4) == 0) {
                Thread.yield();
            }
        }
        awaitSpec(root);
        assertThat(node.processCount()).as("seed " + seed).isEqualTo(baseline + 10);
        for (String name : NAMES) {
            assertThat(live(name)).as(name + ", seed " + seed).isTrue();
        }

        Supervisor.stop(node, root);
        assertThat(node.processCount()).as("seed " + seed).isEqualTo(baseline);
        for (String name : NAMES) {
            assertThat(node.registry().whereis(name)).as(name + " released, seed " + seed).isNull();
        }
    }

    private boolean live(String name) {
        Pid pid = node.registry().whereis(name);
        return pid != null && node.isAlive(pid);
    }

    /** Every running pid below {@code sup}, supervisors included. */
    private void collect(Pid sup, List<Pid> into) {
        List<ChildInfo> children;
        try {
            children = Supervisor.whichChildren(node, sup);
        } catch (RuntimeException restarting) {
            return;   // the supervisor was killed between listing and asking
        }
        for (ChildInfo c : children) {
            if (c.pid() != null) {
                into.add(c.pid());
                if (c.type() == ChildType.SUPERVISOR) {
                    collect(c.pid(), into);
                }
            }
        }
    }

    /** Waits (up to 20 s) until all 10 processes of the tree run and every name is registered. */
    private void awaitSpec(Pid root) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<Pid> tree = new ArrayList<>();
            collect(root, tree);
            boolean named = NAMES.stream().allMatch(this::live);
            if (tree.size() == 9 && named) {
                return;
            }
            assertThat(System.nanoTime()).as("the tree converges; running: " + tree.size()).isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }
}
