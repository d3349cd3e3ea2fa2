package dev.trellis.runtime.lua.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.Event;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.supervision.CallException;
import dev.trellis.core.supervision.Server;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.ApplicationLoader;
import dev.trellis.runtime.lua.LuaRuntime;
import dev.trellis.runtime.lua.LuaSourceCheck;
import dev.trellis.runtime.lua.Payloads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Lua server and a Java server speak one protocol: Java's {@code Server.call} and
 * {@code Server.cast} reach a Lua {@code server.run} process, and Lua's {@code server.call} reaches
 * a Java {@link Server}. Plus a stress run: many Lua clients calling one Lua server at once, every
 * call answered exactly once with the right value, nothing left running.
 */
class LuaServerInteropTest {

    @TempDir
    Path dir;
    private Node node;
    private LuaRuntime runtime;

    /** A Java counter: "get" answers the count, any cast adds its integer. */
    static final class JavaCounter implements Server<Long> {
        @Override
        public Long init(Object arg) {
            return (Long) arg;
        }

        @Override
        public Reply<Long> handleCall(Object request, Pid from, Long n) {
            return "get".equals(request) ? Reply.of(n, n) : Reply.of(List.of("echo", request), n);
        }

        @Override
        public Long handleCast(Object message, Long n) {
            return n + ((Number) message).longValue();
        }
    }

    @BeforeEach
    void boot() throws Exception {
        Files.writeString(dir.resolve("counter.lua"), """
                local server = require("server")
                local function main(start)
                    server.run({
                        init = function(n) return n end,
                        handle_call = function(request, from, n)
                            if request == "get" then return n, n end
                            if type(request) == "table" then return { got = request.value, from = from }, n end
                            return "unknown " .. tostring(request), n
                        end,
                        handle_cast = function(request, n) return n + request end,
                    }, start)
                end
                return { main = main }
                """);
        Files.writeString(dir.resolve("client.lua"), """
                local server = require("server")
                local function main(dest, casts)
                    for i = 1, casts do server.cast(dest, 1) end
                    local n, err = server.call(dest, "get", "5s")
                    if err then error(tostring(err)) end
                    return n
                end
                local function echo(dest)
                    return server.call(dest, { value = 42 })
                end
                -- `calls` calls of `add` to dest, each checked: returns how many were answered.
                local function hammer(dest, calls)
                    local answered = 0
                    for i = 1, calls do
                        local r, err = server.call(dest, { value = i }, "10s")
                        if err then error("call " .. i .. ": " .. tostring(err)) end
                        if r.got ~= i then error("call " .. i .. " got the reply of " .. tostring(r.got)) end
                        answered = answered + 1
                    end
                    return answered
                end
                return { main = main, echo = echo, hammer = hammer }
                """);
        Files.writeString(dir.resolve("_index.yaml"), """
                namespace: app
                entries:
                  - {name: processes, kind: process.host, host: {workers: 4}}
                  - {name: counter, kind: process.lua, source: file://counter.lua, modules: [server]}
                  - {name: client, kind: process.lua, source: file://client.lua, modules: [server]}
                  - {name: echo, kind: process.lua, source: file://client.lua, method: echo, modules: [server]}
                  - {name: hammer, kind: process.lua, source: file://client.lua, method: hammer, modules: [server]}
                """);
        Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
        node = Node.builder().host("app:processes", 4).start();
        runtime = new LuaRuntime(app, node, new PrintStream(new ByteArrayOutputStream(), true),
                BuiltInModules.standard());
    }

    @AfterEach
    void stop() {
        node.stop();
    }

    private Pid luaCounter(String name, long start) {
        Pid pid = node.host("app:processes").spawn(runtime.program("app:counter"), start);
        node.register(name, pid);
        return pid;
    }

    private Object runLua(String entry, Object... args) throws Exception {
        Node.Watched w = node.spawnWatched(runtime.program(entry), args);
        Event exit = w.exit().get(30, TimeUnit.SECONDS);
        assertThat(exit.isError()).as(String.valueOf(exit.error())).isFalse();
        return exit.value();
    }

    @Test
    void javaCallsAndCastsReachALuaServer() {
        Pid lua = luaCounter("lua_counter", 5);
        Server.cast(node, "lua_counter", 3L);
        assertThat(Server.call(node, "lua_counter", "get")).isEqualTo(8L);
        assertThat(Server.call(node, lua, "nope")).isEqualTo("unknown nope");
        // a Java map is a Lua table on the way in; the reply table comes back as Lua values
        Object reply = Payloads.toLua(Server.call(node, lua, Map.of("value", 7L)));
        assertThat(reply).isInstanceOf(dev.trellis.lua.LuaTable.class);
        assertThat(((dev.trellis.lua.LuaTable) reply).rawget("got")).isEqualTo(7L);
        assertThat(((dev.trellis.lua.LuaTable) reply).rawget("from")).as("no caller process: from is nil").isNull();
        var exit = node.watch(lua);
        node.cancel(lua);
        exit.join();
        assertThatThrownBy(() -> Server.call(node, lua, "get"))
                .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(CallException.Kind.NOPROC));
    }

    @Test
    void luaCallsAndCastsReachAJavaServer() throws Exception {
        Server.startLink(node, new JavaCounter(), 100L, "java_counter");
        assertThat(runLua("app:client", "java_counter", 4L)).isEqualTo(104L);
        assertThat(Server.call(node, "java_counter", "get")).isEqualTo(104L);
        Object echoed = runLua("app:echo", "java_counter");
        assertThat(echoed).isInstanceOf(dev.trellis.lua.LuaTable.class);
        dev.trellis.lua.LuaTable t = (dev.trellis.lua.LuaTable) echoed;
        assertThat(t.rawget(1L)).isEqualTo("echo");
    }

    /** 8 Lua clients × 500 calls to one Lua server, with casts from Java mixed in: every call answered once. */
    @RepeatedTest(3)
    void manyLuaClientsCallOneLuaServer() throws Exception {
        int baseline = node.processCount();
        Pid lua = luaCounter("busy", 0);
        List<Node.Watched> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            clients.add(node.spawnWatched(runtime.program("app:hammer"), "busy", 500L));
        }
        for (int i = 0; i < 1000; i++) {
            Server.cast(node, lua, 1L);
        }
        for (Node.Watched w : clients) {
            Event exit = w.exit().get(60, TimeUnit.SECONDS);
            assertThat(exit.isError()).as(String.valueOf(exit.error())).isFalse();
            assertThat(exit.value()).isEqualTo(500L);
        }
        assertThat(Server.call(node, lua, "get", Duration.ofSeconds(5))).isEqualTo(1000L);
        var exit = node.watch(lua);
        node.cancel(lua);
        exit.join();
        assertThat(node.processCount()).isEqualTo(baseline);
    }
}
