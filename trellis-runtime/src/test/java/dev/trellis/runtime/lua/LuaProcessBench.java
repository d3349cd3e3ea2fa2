package dev.trellis.runtime.lua;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.ApplicationLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A rough measurement of Lua processes (not a unit test; run by hand, moved to the bench module
 * later): spawn rate, bytes per idle process, ping-pong round trip between two Lua processes.
 *
 * <pre>{@code
 * java -cp <runtime test classpath> dev.trellis.runtime.lua.LuaProcessBench
 * }</pre>
 */
public final class LuaProcessBench {

    private LuaProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("lua-bench");
        Files.writeString(dir.resolve("_index.yaml"), """
                namespace: app
                entries:
                  - {name: processes, kind: process.host, host: {workers: 2}}
                  - {name: noop, kind: process.lua, source: file://b.lua, method: noop}
                  - {name: idle, kind: process.lua, source: file://b.lua, method: idle}
                  - {name: pong, kind: process.lua, source: file://b.lua, method: pong}
                  - {name: ping, kind: process.lua, source: file://b.lua, method: ping}
                """);
        Files.writeString(dir.resolve("b.lua"), """
                local M = {}
                function M.noop() end
                function M.idle() process.inbox():receive() end
                function M.pong()
                    local inbox = process.inbox()
                    while true do
                        local m = inbox:receive()
                        process.send(m:from(), "r", 1)
                    end
                end
                function M.ping(peer, n)
                    local r = process.listen("r")
                    for i = 1, n do
                        process.send(peer, "p", i)
                        r:receive()
                    end
                    return n
                end
                return M
                """);
        Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
        try (Node node = Node.builder().host("app:processes", 2).host(Watched.CONTROL_HOST, 64).start()) {
            LuaRuntime rt = new LuaRuntime(app, node, new PrintStream(System.out, true));
            spawnRate(node, rt);
            idleBytes(node, rt);
            pingPong(node, rt);
        }
    }

    private static void spawnRate(Node node, LuaRuntime rt) throws Exception {
        LuaProgram noop = rt.program("app:noop");
        for (int round = 0; round < 3; round++) {
            int n = 100_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                node.spawner().on("app:processes").spawn(noop);
            }
            while (node.processCount() > 0) {
                Thread.onSpinWait();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("spawn+exit: %.0f processes/s%n", n / secs);
        }
    }

    private static void idleBytes(Node node, LuaRuntime rt) throws Exception {
        LuaProgram idle = rt.program("app:idle");
        int n = 50_000;
        long before = usedAfterGc();
        Pid[] pids = new Pid[n];
        for (int i = 0; i < n; i++) {
            pids[i] = node.spawner().on("app:processes").spawn(idle);
        }
        Thread.sleep(2000);   // let every process reach its receive
        long after = usedAfterGc();
        System.out.printf("idle Lua process: %d bytes each (%d processes)%n", (after - before) / n, n);
        for (Pid p : pids) {
            node.terminate(p);
        }
        while (node.processCount() > 0) {
            Thread.sleep(10);
        }
    }

    private static void pingPong(Node node, LuaRuntime rt) throws Exception {
        for (int round = 0; round < 3; round++) {
            Pid pong = node.spawner().on("app:processes").spawn(rt.program("app:pong"));
            long n = 200_000;
            long t0 = System.nanoTime();
            Watched.spawn(node, "app:processes", rt.program("app:ping"), pong.toString(), n).exit().get(120, TimeUnit.SECONDS);
            double ns = (System.nanoTime() - t0) / (double) n;
            System.out.printf("ping-pong round trip: %.0f ns%n", ns);
            node.terminate(pong);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
