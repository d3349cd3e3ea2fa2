package dev.trellis.runtime.lua;

import dev.trellis.runtime.entry.ProcessHost;
import dev.trellis.runtime.lua.modules.BuiltInModules;
import dev.trellis.runtime.boot.ServiceSupervisor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Event;
import dev.trellis.core.Node;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.ApplicationLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lua processes on a node, driven from Java: the scheduler under load, print, and services. */
class LuaProcessTest {

    @TempDir
    Path dir;
    private Node node;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    private LuaRuntime app(String yamlEntries, String lua) throws Exception {
        Files.writeString(dir.resolve("_index.yaml"), "namespace: app\nentries:\n"
                + "  - {name: processes, kind: process.host, host: {workers: 2}, lifecycle: {auto_start: true}}\n"
                + yamlEntries);
        Files.writeString(dir.resolve("p.lua"), lua);
        Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
        node = Node.builder().host("app:processes", 2).host(ProcessHost.CONTROL_HOST.toString(), 64).start();
        return new LuaRuntime(app, node, new PrintStream(log, true), BuiltInModules.standard());
    }

    private Event exec(LuaRuntime rt, String entry, Object... args) throws Exception {
        return node.host("app:processes").spawnWatched(rt.program(entry), args).exit().get(30, TimeUnit.SECONDS);
    }

    @Test
    void manyCoroutinesHandOffThroughUnbufferedChannels() throws Exception {
        LuaRuntime rt = app("  - {name: p, kind: process.lua, source: file://p.lua}\n", """
                return { main = function(n)
                    local ch, done = channel.new(), channel.new(n)
                    local sum = 0
                    for i = 1, n do
                        coroutine.spawn(function() ch:send(i) end)
                        coroutine.spawn(function() sum = sum + ch:receive(); done:send(true) end)
                    end
                    for i = 1, n do done:receive() end
                    return sum
                end }
                """);
        Event e = exec(rt, "app:p", 2000L);
        assertThat(e.isError()).as(String.valueOf(e.error())).isFalse();
        assertThat(e.value()).isEqualTo(2000L * 2001 / 2);
    }

    @Test
    void stressManyProcessesPingPongInParallel() throws Exception {
        LuaRuntime rt = app("""
                  - {name: ping, kind: process.lua, source: file://p.lua, method: ping}
                  - {name: pong, kind: process.lua, source: file://p.lua, method: pong}
                """, """
                local M = {}
                function M.pong()
                    local inbox = process.inbox()
                    while true do
                        local m = inbox:receive()
                        process.send(m:from(), "pong", m:payload():data())
                    end
                end
                function M.ping(n)
                    local peer = process.spawn_linked("app:pong", "app:processes")
                    local replies = process.listen("pong")
                    for i = 1, n do
                        process.send(peer, "ping", i)
                        assert(replies:receive() == i)
                    end
                    return n
                end
                return M
                """);
        List<Node.Watched> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(node.host("app:processes").spawnWatched(rt.program("app:ping"), 200L));
        }
        for (Node.Watched w : all) {
            Event e = w.exit().get(60, TimeUnit.SECONDS);
            assertThat(e.isError()).as(String.valueOf(e.error())).isFalse();
            assertThat(e.value()).isEqualTo(200L);
        }
    }

    @Test
    void messageObjectsGiveEachSendersPidAndEveryPayloadAsSent() throws Exception {
        LuaRuntime rt = app("""
                  - {name: main, kind: process.lua, source: file://p.lua, method: main}
                  - {name: echo, kind: process.lua, source: file://p.lua, method: echo}
                """, """
                local M = {}
                function M.echo()
                    local inbox = process.inbox()
                    while true do
                        local m = inbox:receive()
                        process.send(m:from(), "me", process.pid())
                    end
                end
                function M.main()
                    local inbox = process.inbox()
                    local me = process.listen("me", {message = true})
                    local a = process.spawn_linked("app:echo", "app:processes")
                    local b = process.spawn_linked("app:echo", "app:processes")
                    local seen = {}
                    -- senders alternate: each message names its own sender
                    for _, peer in ipairs({a, b, a, b, a}) do
                        process.send(peer, "go")
                        local m = me:receive()
                        assert(m:from() == peer and m:payload():data() == peer, "from " .. m:from() .. " for " .. peer)
                    end
                    -- a runtime message (sent from Java) has no sender: from is ""
                    local ext = inbox:receive()
                    seen[#seen + 1] = ext:topic() .. ":" .. ext:from() .. ":" .. tostring(ext:payload():data())
                    process.send(a, "go")
                    assert(me:receive():from() == a)
                    -- payloads: none, nil, false, a string, a table (copied), several
                    local self = process.pid()
                    process.send(self, "none")
                    process.send(self, "nil", nil)
                    process.send(self, "false", false)
                    process.send(self, "str", "s")
                    local t = {k = {1, 2}}
                    process.send(self, "tbl", t)
                    process.send(self, "many", 1, "two")
                    process.send(self, "again")
                    assert(inbox:receive():payload() == nil)
                    local p = inbox:receive():payload()
                    assert(p ~= nil and p:data() == nil)
                    assert(inbox:receive():payload():data() == false)
                    assert(inbox:receive():payload():data() == "s")
                    local got = inbox:receive():payload():data()
                    assert(got ~= t and got.k ~= t.k and got.k[2] == 2)
                    local many = inbox:receive():payload()
                    assert(many[1]:data() == 1 and many[2]:data() == "two")
                    assert(inbox:receive():from() == self)
                    return table.concat(seen, ",")
                end
                return M
                """);
        Node.Watched w = node.host("app:processes").spawnWatched(rt.program("app:main"));
        node.send(w.pid(), "ext", "x");
        Event e = w.exit().get(30, TimeUnit.SECONDS);
        assertThat(e.isError()).as(String.valueOf(e.error())).isFalse();
        assertThat(e.value()).isEqualTo("ext::x");
    }

    @Test
    void printWritesOneLineWithThePid() throws Exception {
        LuaRuntime rt = app("  - {name: p, kind: process.lua, source: file://p.lua}\n",
                "return { main = function() print('hello', 1, nil, true); return process.pid() end }\n");
        Event e = exec(rt, "app:p");
        assertThat(log.toString()).isEqualTo(e.value() + " hello\t1\tnil\ttrue\n");
    }

    @Test
    void aCallThatCannotYieldBlocksTheProcessInPlace() throws Exception {
        LuaRuntime rt = app("  - {name: p, kind: process.lua, source: file://p.lua}\n", """
                local ch = nil
                return { main = function()
                    process.send(process.pid(), "t", "v")
                    -- inside a metamethod the coroutine cannot yield: the receive blocks the process
                    local t = setmetatable({}, {__index = function() return process.listen("t"):receive() end})
                    local co = coroutine.wrap(function() return process.inbox():receive() end)
                    return t.anything
                end }
                """);
        Event e = exec(rt, "app:p");
        assertThat(e.isError()).as(String.valueOf(e.error())).isFalse();
        assertThat(e.value()).isEqualTo("v");
    }

    @Test
    void aServiceIsRestartedUntilMaxAttemptsThenLeftFailed() throws Exception {
        Files.createDirectories(dir);
        LuaRuntime rt = app("""
                  - {name: w, kind: process.lua, source: file://p.lua}
                  - name: s
                    kind: process.service
                    process: w
                    host: app:processes
                    input: ["x"]
                    lifecycle:
                      restart: {initial_delay: 1ms, max_delay: 2ms, jitter: 0.0, max_attempts: 3}
                """, "return { main = function(arg) print('run ' .. arg); error('crash', 0) end }\n");
        Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
        var service = app.entry(dev.trellis.runtime.entry.EntryId.parse("app:s"), dev.trellis.runtime.entry.LuaService.class)
                .orElseThrow();
        Node.Watched sup = node.host(ProcessHost.CONTROL_HOST.toString()).spawnWatched(
                new ServiceSupervisor(service, rt.program("app:w"), new PrintStream(log, true)));
        Event e = sup.exit().get(30, TimeUnit.SECONDS);
        assertThat(e.value()).isEqualTo("failed");
        assertThat(log.toString().lines().filter(l -> l.endsWith(" run x")).count()).isEqualTo(3);
    }

    @Test
    void aServiceGivenLifecycleSecurityActsForItsActorWithinItsPolicies() throws Exception {
        LuaRuntime rt = app("""
                  - {name: w, kind: process.lua, source: file://p.lua, modules: [security]}
                  - name: spawn_w
                    kind: security.policy
                    policy: {actions: [process.spawn, process.host], resources: ["app:w", "app:processes"], effect: allow}
                    groups: [basics]
                  - name: secured
                    kind: process.service
                    process: w
                    host: app:processes
                    input: [secured]
                    lifecycle:
                      security:
                        actor: {id: svc, meta: {role: robot}}
                        groups: [basics]
                  - {name: open, kind: process.service, process: w, host: app:processes, input: [open]}
                """, """
                return { main = function(mode)
                    if mode == "child" then return end
                    local security = require("security")
                    local a, s = security.actor(), security.scope()
                    print(mode .. " actor " .. (a and (a:id() .. " " .. a:meta().role) or "none")
                        .. " policies " .. (s and #s:policies() or 0))
                    print(mode .. " spawn " .. tostring(process.spawn("app:w", "app:processes", "child") ~= nil))
                    local _, err = process.send(process.pid(), "t", 1)
                    print(mode .. " send " .. (err and (err:kind() .. " " .. (tostring(err):gsub("{.-}", "<pid>"))) or "ok"))
                end }
                """);
        Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
        PrintStream ps = new PrintStream(log, true);
        for (String name : List.of("app:secured", "app:open")) {
            var service = app.entry(dev.trellis.runtime.entry.EntryId.parse(name), dev.trellis.runtime.entry.LuaService.class).orElseThrow();
            assertThat(node.host(ProcessHost.CONTROL_HOST.toString()).spawnWatched(new ServiceSupervisor(service, rt.program("app:w"), ps))
                    .exit().get(30, TimeUnit.SECONDS).value()).isEqualTo("exited");
        }
        assertThat(log.toString().lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList()).containsExactly(
                "secured actor svc robot policies 1",
                "secured spawn true",
                "secured send PermissionDenied not allowed to send: <pid>",
                "open actor none policies 0",
                "open spawn true",
                "open send ok");
    }

    @Test
    void aServiceThatReturnsIsNotRestartedAndStopCancelsIt() throws Exception {
        LuaRuntime rt = app("""
                  - {name: w, kind: process.lua, source: file://p.lua}
                  - {name: once, kind: process.service, process: w, host: app:processes, input: [once]}
                  - {name: forever, kind: process.service, process: w, host: app:processes, input: [forever]}
                """, """
                return { main = function(mode)
                    if mode == "once" then return nil, "done with an error" end
                    local e = process.events():receive()
                    print(e.kind .. " " .. e.reason)
                end }
                """);
        Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
        var once = app.entry(dev.trellis.runtime.entry.EntryId.parse("app:once"), dev.trellis.runtime.entry.LuaService.class).orElseThrow();
        var forever = app.entry(dev.trellis.runtime.entry.EntryId.parse("app:forever"), dev.trellis.runtime.entry.LuaService.class).orElseThrow();
        PrintStream ps = new PrintStream(log, true);
        assertThat(node.host(ProcessHost.CONTROL_HOST.toString()).spawnWatched(new ServiceSupervisor(once, rt.program("app:w"), ps))
                .exit().get(30, TimeUnit.SECONDS).value()).isEqualTo("exited");
        Node.Watched sup = node.host(ProcessHost.CONTROL_HOST.toString()).spawnWatched(new ServiceSupervisor(forever, rt.program("app:w"), ps));
        Thread.sleep(50);   // let the child subscribe; CANCEL would wait for it anyway
        node.cancel(sup.pid(), "stop");
        assertThat(sup.exit().get(30, TimeUnit.SECONDS).value()).isEqualTo("stopped");
        assertThat(log.toString()).contains("pid.cancel service stopping");
    }

    @Test
    void hostStopCancelsEveryLuaProcessThenTerminatesTheRest() throws Exception {
        LuaRuntime rt = app("""
                  - {name: polite, kind: process.lua, source: file://p.lua, method: polite}
                  - {name: stubborn, kind: process.lua, source: file://p.lua, method: stubborn}
                """, """
                local M = {}
                function M.polite()
                    local e = process.events():receive()
                    return e.kind .. "|" .. e.reason .. "|" .. e.from
                end
                function M.stubborn()
                    local e = process.events():receive()
                    print("ignoring " .. e.reason)
                    while true do process.inbox():receive() end
                end
                return M
                """);
        List<java.util.concurrent.CompletableFuture<Event>> polite = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<Event>> stubborn = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            polite.add(node.watch(node.spawner().on("app:processes").spawn(rt.program("app:polite"))));
            stubborn.add(node.watch(node.spawner().on("app:processes").spawn(rt.program("app:stubborn"))));
        }
        long t0 = System.nanoTime();
        node.host("app:processes").stop(java.time.Duration.ofMillis(300));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        for (var f : polite) {
            Event e = f.get(5, TimeUnit.SECONDS);
            assertThat(e.isError()).as(String.valueOf(e.error())).isFalse();
            assertThat(e.value()).isEqualTo("pid.cancel|scheduler shutdown|{|}");
        }
        for (var f : stubborn) {
            Event e = f.get(5, TimeUnit.SECONDS);
            assertThat(e.error()).isEqualTo("process terminated");
        }
        assertThat(tookMs).as("the grace period is waited for the stubborn ones").isGreaterThanOrEqualTo(290);
        assertThat(log.toString().lines().filter(l -> l.endsWith("ignoring scheduler shutdown")).count()).isEqualTo(50);
        assertThat(node.processCount()).isZero();
    }

    @Test
    void aServiceWhoseStartKeepsFailingGivesUpAfterStartTimeout() throws Exception {
        LuaRuntime rt = app("""
                  - {name: later, kind: process.host, host: {workers: 1}}
                  - {name: w, kind: process.lua, source: file://p.lua}
                  - name: s
                    kind: process.service
                    process: w
                    host: app:later
                    lifecycle:
                      start_timeout: 100ms
                      restart: {initial_delay: 10ms, max_delay: 20ms, jitter: 0.0}
                """, "return { main = function() return true end }\n");
        Application app = new ApplicationLoader(new LuaSourceCheck()).load(dir);
        var service = app.entry(dev.trellis.runtime.entry.EntryId.parse("app:s"), dev.trellis.runtime.entry.LuaService.class)
                .orElseThrow();
        long t0 = System.nanoTime();
        Node.Watched sup = node.host(ProcessHost.CONTROL_HOST.toString()).spawnWatched(
                new ServiceSupervisor(service, rt.program("app:w"), new PrintStream(log, true)));
        assertThat(sup.exit().get(30, TimeUnit.SECONDS).value()).isEqualTo("failed");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(100);
        assertThat(log.toString()).contains("cannot start: host not found: app:later; restarting in 10ms",
                "service start timed out after 100ms: host not found: app:later");
    }

    @Test
    void syntaxErrorsAreReportedWithTheirLine() throws IOException {
        var errors = new LuaSourceCheck().check(Path.of("x.lua"), "local a = 1\nlocal = 2\n");
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().line()).isEqualTo(2);
        assertThat(new LuaSourceCheck().check(Path.of("x.lua"), "return 1\n")).isEmpty();
    }

    @Test
    void aBareHostNameResolvesInTheCallersNamespaceAsInYamlAndErrorsNameTheirSubject() throws Exception {
        LuaRuntime rt = app("""
                  - {name: w, kind: process.lua, source: file://p.lua, method: child}
                  - {name: main, kind: process.lua, source: file://p.lua}
                """, """
                local M = {}
                function M.child() return "ran" end
                function M.main()
                    local pid, err = process.spawn_monitored("app:w", "processes")
                    assert(pid, tostring(err))
                    local e = process.events():receive()
                    local _, herr = process.spawn("app:w", "nohost")
                    local _, ferr = process.spawn("app.workers:nope", "processes")
                    local ok, terr = pcall(process.send, 123, "t")
                    return table.concat({e.result.value, tostring(herr), tostring(ferr), tostring(terr)}, "|")
                end
                return M
                """);
        Event e = exec(rt, "app:main");
        assertThat(e.isError()).as(String.valueOf(e.error())).isFalse();
        assertThat(e.value()).isEqualTo("ran|host not found: nohost|factory not found: app.workers:nope"
                + "|bad argument #1 to 'send' (pid or name string expected, got number)");
    }
}
