package dev.trellis.runtime.lua;

import dev.trellis.runtime.lua.modules.BuiltInModules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessBody;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.ApplicationLoader;
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
 * What an idle Lua process ({@code process.inbox():receive()}) keeps: no main coroutine in its
 * state, one task, no thread-local, and a shallow stack in its parked virtual thread (the stack is
 * saved on the heap while it waits, so every frame under the park costs memory per idle process).
 */
class IdleProcessFootprintTest {

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
                  - {name: idle, kind: process.lua, source: file://p.lua, method: idle}
                """);
        Files.writeString(dir.resolve("p.lua"), """
                local M = {}
                function M.idle() process.inbox():receive() end
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
    void anIdleProcessParksDirectlyFromTheSchedulerLoop() throws Exception {
        LuaProgram idle = rt.program("app:idle");
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        Pid pid = node.spawner().on("app:processes").spawn((ProcessBody) proc -> {
            thread.complete(Thread.currentThread());
            return idle.run(proc);
        });
        StackTraceElement[] stack = parkedInMailbox(thread.get(10, TimeUnit.SECONDS));

        // Between the core's mailbox wait and the process body: the program, the process, the
        // scheduler loop, and nothing else (no VM frame, no helper, no scoped-value binding).
        assertThat(runtimeFrames(stack)).containsExactly(
                "CoroutineScheduler.runMain", "LuaProc.run", "LuaProgram.run");
        node.terminate(pid);
    }

    @Test
    void anIdleProcessKeepsNoMainCoroutineAndOneTask() throws Exception {
        LuaProgram idle = rt.program("app:idle");
        CompletableFuture<LuaProc> process = new CompletableFuture<>();
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        Pid pid = node.spawner().on("app:processes").spawn((ProcessBody) proc -> {
            LuaProc p = new LuaProc(idle, proc, Map.of());
            process.complete(p);
            thread.complete(Thread.currentThread());
            return p.run();
        });
        parkedInMailbox(thread.get(10, TimeUnit.SECONDS));
        LuaProc p = process.get();

        assertThat(p.state().hasMainCoroutine()).as("main coroutine kept after the chunk ran").isFalse();
        assertThat(p.scheduler().liveCoroutines()).isEqualTo(1);
        assertThat(LuaProc.of(p.state())).isSameAs(p);
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
