package dev.trellis.runtime.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessBody;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.ApplicationLoader;
import dev.trellis.runtime.lua.modules.BuiltInModules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code process.upgrade} leaves of the old code, seen from Java: nothing. Its coroutines
 * are gone, its tickers stopped, and the upgraded process parks as shallowly as a fresh one.
 * (What the new code keeps is tested in Lua, in the spec suite's upgrade tests.)
 */
class CodeUpgradeTest {

    @TempDir
    Path dir;
    private Node node;
    private LuaRuntime rt;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("_index.yaml"), """
                namespace: app
                entries:
                  - {name: processes, kind: process.host, host: {workers: 2}}
                  - {name: ticks, kind: process.lua, source: file://p.lua, method: ticks, modules: [time]}
                  - {name: idle, kind: process.lua, source: file://p.lua, method: idle}
                """);
        Files.writeString(dir.resolve("p.lua"), """
                local M = {}
                function M.ticks(parent)
                    local time = require("time")
                    time.ticker("1ms"):channel():receive()        -- left running by the old code
                    time.ticker("1ms"):stop()                     -- stopped: nothing to do at the upgrade
                    coroutine.spawn(function() process.listen("x"):receive() end)
                    process.upgrade("app:idle", parent)
                end
                function M.idle(parent)
                    process.send(parent, "upgraded", true)
                    process.inbox():receive()
                end
                return M
                """);
        Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
        node = Node.builder().host("app:processes", 2).start();
        rt = new LuaRuntime(app, node, new PrintStream(new ByteArrayOutputStream(), true), BuiltInModules.standard());
    }

    @AfterEach
    void stop() {
        node.stop();
    }

    @Test
    void theOldCodesCoroutinesAndTickersAreGoneAndTheProcessParksAsAFreshOne() throws Exception {
        CompletableFuture<Object> told = new CompletableFuture<>();
        Pid parent = node.spawner().on("app:processes").spawn((ProcessBody) proc -> {
            told.complete(proc.inbox().receive().topic());
            return null;
        });
        LuaProgram ticks = rt.program("app:ticks");
        CompletableFuture<LuaProc> process = new CompletableFuture<>();
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        Pid pid = node.spawner().on("app:processes").spawn((ProcessBody) proc -> {
            LuaProc p = new LuaProc(ticks, proc, Map.of());
            process.complete(p);
            thread.complete(Thread.currentThread());
            return p.run();
        }, parent.toString());
        assertThat(told.get(10, TimeUnit.SECONDS)).isEqualTo("upgraded");
        StackTraceElement[] stack = parkedInMailbox(thread.get(10, TimeUnit.SECONDS));
        LuaProc p = process.get();

        assertThat(p.program().id().toString()).isEqualTo("app:idle");
        assertThat(p.proc().pid()).isEqualTo(pid);
        assertThat(p.tickersRunning()).as("tickers the old code left running").isZero();
        assertThat(p.scheduler().liveCoroutines()).as("the old code's coroutine is not carried over").isEqualTo(1);
        assertThat(LuaProc.of(p.state())).isSameAs(p);
        assertThat(runtimeFrames(stack)).containsExactly("CoroutineScheduler.runMain", "LuaProc.run");
        node.terminate(pid);
    }

    /** Waits until {@code t} is parked in its mailbox; {@return its stack there} */
    private static StackTraceElement[] parkedInMailbox(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (t.getState() == Thread.State.WAITING) {
                StackTraceElement[] stack = t.getStackTrace();
                if (Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals("awaitMailbox"))) {
                    return stack;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("process did not park in its mailbox: " + t.getState());
    }

    /** {@return the frames of this package (top first), as Class.method} */
    private static List<String> runtimeFrames(StackTraceElement[] stack) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement f : stack) {
            String cls = f.getClassName();
            if (cls.startsWith("dev.trellis.runtime.lua.") && !cls.contains("Test")) {
                out.add(cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethodName());
            }
        }
        return out;
    }
}
