package dev.trellis.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.trellis.runtime.boot.ApplicationBoot;
import dev.trellis.runtime.boot.ExitCode;
import dev.trellis.runtime.boot.Output;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.LuaFunction;
import dev.trellis.runtime.entry.SourceCheck;

class MainTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Output output = new Output(new PrintWriter(out, true), new PrintWriter(err, true));

    /** A boot that records what it was asked to do. */
    private final class RecordingBoot implements ApplicationBoot {
        final List<String> calls = new ArrayList<>();

        @Override
        public SourceCheck sourceCheck() {
            return (file, text) -> text.contains("syntax error here")
                    ? List.of(new SourceCheck.SourceError(2, "'=' expected near 'error'")) : List.of();
        }

        @Override
        public int run(Application app, Output o) {
            calls.add("run " + app.root().getFileName());
            return 0;
        }

        @Override
        public int exec(Application app, EntryId entry, List<String> args, java.time.Duration timeout, Output o) {
            calls.add("exec " + entry + " " + args + (timeout == null ? "" : " timeout " + timeout));
            return 0;
        }

        @Override
        public int test(Application app, List<LuaFunction> tests, java.time.Duration timeout, Output o) {
            calls.add("test " + tests.stream().map(t -> t.id().toString()).toList() + " timeout " + timeout);
            return 0;
        }
    }

    private final RecordingBoot recording = new RecordingBoot();
    private Path app;

    @BeforeEach
    void writeApp() throws IOException {
        app = tmp.resolve("app");
        Files.createDirectories(app.resolve("tests"));
        Files.writeString(app.resolve("_index.yaml"), """
                version: "1.0"
                namespace: app
                entries:
                  - name: processes
                    kind: process.host
                    host: {workers: 2}
                    lifecycle: {auto_start: true}
                  - name: main
                    kind: process.lua
                    source: file://main.lua
                    lifecycle: {auto_start: true}
                  - name: lib
                    kind: library.lua
                    source: file://main.lua
                """);
        Files.writeString(app.resolve("main.lua"), "return { main = function() return true end }\n");
        Files.writeString(app.resolve("tests/_index.yaml"), """
                namespace: tests
                entries:
                  - {name: alpha_works, kind: function.lua, source: "file://t.lua", meta: {type: test}}
                  - {name: beta_works, kind: function.lua, source: "file://t.lua", meta: {type: test}}
                  - {name: helper, kind: function.lua, source: "file://t.lua"}
                """);
        Files.writeString(app.resolve("tests/t.lua"), "return { main = function() return true end }\n");
    }

    private int trellis(String... args) {
        return Main.execute(output, ApplicationBoot.forThisBuild(), args);
    }

    private int trellisWith(ApplicationBoot boot, String... args) {
        return Main.execute(output, boot, args);
    }

    private void breakApp() throws IOException {
        Files.writeString(app.resolve("broken.yaml"), "namespace: app\nentries:\n  - {name: bad, kind: process.service, process: main, host: processes, input: x}\n");
    }

    // ---- check ----------------------------------------------------------------------------------

    @Test
    void checkPrintsTheSummary() {
        assertThat(trellis("check", app.toString())).isEqualTo(0);
        assertThat(out.toString()).isEqualTo(String.join("\n",
                app + ": valid, 6 entries",
                "  process.host (1): app:processes",
                "  process.lua (1): app:main",
                "  library.lua (1): app:lib",
                "  function.lua (3, 2 tests): tests:alpha_works, tests:beta_works, tests:helper",
                "auto-start order: app:processes, app:main",
                ""));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void checkPrintsEveryProblemAndExits1() throws IOException {
        breakApp();
        Files.delete(app.resolve("main.lua"));
        assertThat(trellis("check", app.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(String.join("\n",
                "trellis: app " + app + " is invalid (3 problems):",
                app.resolve("_index.yaml") + ":10: entry 'app:main': source file not found: " + app.resolve("main.lua"),
                app.resolve("_index.yaml") + ":14: entry 'app:lib': source file not found: " + app.resolve("main.lua"),
                app.resolve("broken.yaml") + ":3: entry 'app:bad': field 'input' must be a list (each element is one argument of main), got string \"x\"",
                ""));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void clearErrorsForAMissingDirectoryAFileAndBadOptions() throws IOException {
        assertThat(trellis("check", tmp.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("trellis: " + tmp.resolve("nope") + ": no such directory\n");

        err.getBuffer().setLength(0);
        assertThat(trellis("run", app.resolve("main.lua").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("trellis: " + app.resolve("main.lua") + ": not a directory");

        err.getBuffer().setLength(0);
        assertThat(trellis("check", "--frobnicate", app.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("trellis: Unknown option: '--frobnicate'")
                .contains("Run 'trellis check --help' for usage.");

        err.getBuffer().setLength(0);
        assertThat(trellis("chek", app.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("trellis: Unmatched arguments").contains("Did you mean: trellis check");

        err.getBuffer().setLength(0);
        assertThat(trellis()).isEqualTo(2);
        assertThat(err.toString()).startsWith("trellis: missing command").contains("check", "run", "test", "lua");

        err.getBuffer().setLength(0);
        assertThat(trellis("check")).isEqualTo(2);
        assertThat(err.toString()).startsWith("trellis: Missing required parameter: 'DIR'");

        err.getBuffer().setLength(0);
        assertThat(trellis("run", app.toString(), "--log-level", "loud")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown log level 'loud' (expected off, error or warn)");
    }

    /** Wippy's YAML lists the os global under modules: it is accepted, and os works as a global. */
    @Test
    void checkAcceptsOsListedAsWippyDoes() throws IOException {
        Files.writeString(app.resolve("more.yaml"), """
                namespace: app
                entries:
                  - name: clock
                    kind: process.lua
                    source: file://main.lua
                    modules: [os, time]
                """);
        assertThat(trellis("check", app.toString())).as(err.toString()).isEqualTo(0);
    }

    @Test
    void checkRejectsAModuleTrellisDoesNotHave() throws IOException {
        Files.writeString(app.resolve("more.yaml"), """
                namespace: app
                entries:
                  - name: clock
                    kind: process.lua
                    source: file://main.lua
                    modules: [time, tiem, json]
                """);
        assertThat(trellis("check", app.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(String.join("\n",
                "trellis: app " + app + " is invalid (2 problems):",
                app.resolve("more.yaml") + ":6: entry 'app:clock': unknown module 'tiem' in field 'modules' (did you mean 'time'?)"
                        + " (known modules: ctx, os, security, server, supervisor, task, time, uuid)",
                app.resolve("more.yaml") + ":6: entry 'app:clock': unknown module 'json' in field 'modules'"
                        + " (known modules: ctx, os, security, server, supervisor, task, time, uuid)",
                ""));
    }

    @Test
    void luaSyntaxErrorsFromTheBootAreReportedWithTheOthers() throws IOException {
        Files.writeString(app.resolve("tests/t.lua"), "local x\nsyntax error here\n");
        assertThat(trellisWith(recording, "check", app.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(app.resolve("tests/t.lua") + ":2: entry 'tests:alpha_works': '=' expected near 'error'",
                app.resolve("tests/t.lua") + ":2: entry 'tests:helper': '=' expected near 'error'");
    }

    // ---- run --------------------------------------------------------------------------------------

    @Test
    void runValidatesLikeCheckBeforeBooting() throws IOException {
        breakApp();
        assertThat(trellisWith(recording, "run", app.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("trellis: app " + app + " is invalid (1 problem):\n")
                .contains("entry 'app:bad': field 'input' must be a list");
        assertThat(recording.calls).isEmpty();
    }

    @Test
    void runHandsTheAppToTheBoot() {
        assertThat(trellisWith(recording, "run", app.toString())).isEqualTo(0);
        assertThat(trellisWith(recording, "run", app.toString(), "--exec", "app:main", "a", "--b", "c")).isEqualTo(0);
        assertThat(trellisWith(recording, "run", "--exec", "app:main", app.toString(), "x")).isEqualTo(0);
        assertThat(recording.calls).containsExactly("run app", "exec app:main [a, --b, c]", "exec app:main [x]");
    }

    @Test
    void execMustNameAProcessOfTheApp() {
        assertThat(trellisWith(recording, "run", app.toString(), "--exec", "app:nope")).isEqualTo(1);
        assertThat(err.toString()).contains("trellis: --exec names 'app:nope', which is not an entry of " + app);
        err.getBuffer().setLength(0);
        assertThat(trellisWith(recording, "run", app.toString(), "--exec", "app:lib")).isEqualTo(1);
        assertThat(err.toString()).contains("trellis: --exec names 'app:lib', which is a library.lua; --exec runs a process.lua");
        err.getBuffer().setLength(0);
        assertThat(trellisWith(recording, "run", app.toString(), "--exec", "main")).isEqualTo(2);
        assertThat(err.toString()).contains("trellis: --exec 'main': give the full entry id, namespace:name (did you mean 'app:main'?)");
        err.getBuffer().setLength(0);
        assertThat(trellisWith(recording, "run", app.toString(), "--exec", "nothing")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("trellis: --exec 'nothing': give the full entry id, namespace:name\n");
        err.getBuffer().setLength(0);
        assertThat(trellisWith(recording, "run", app.toString(), "stray")).isEqualTo(2);
        assertThat(err.toString()).contains("trellis: unexpected arguments [stray]");
        assertThat(recording.calls).isEmpty();
    }

    // ---- test -------------------------------------------------------------------------------------

    @Test
    void testSelectsTestFunctionsByFilter() {
        assertThat(trellisWith(recording, "test", app.toString())).isEqualTo(0);
        assertThat(trellisWith(recording, "test", app.toString(), "beta")).isEqualTo(0);
        assertThat(recording.calls).containsExactly(
                "test [tests:alpha_works, tests:beta_works] timeout PT30S", "test [tests:beta_works] timeout PT30S");
    }

    @Test
    void timeoutOptionsAreGoDurations() {
        assertThat(trellisWith(recording, "test", app.toString(), "--timeout", "1m30s")).isEqualTo(0);
        assertThat(trellisWith(recording, "run", app.toString(), "--exec", "app:main", "--timeout", "250ms")).isEqualTo(0);
        assertThat(recording.calls).containsExactly("test [tests:alpha_works, tests:beta_works] timeout PT1M30S",
                "exec app:main [] timeout PT0.25S");
        assertThat(trellisWith(recording, "test", app.toString(), "--timeout", "10x")).isEqualTo(2);
        assertThat(err.toString()).contains("trellis: Invalid value for option '--timeout'").contains("10x");
        err.getBuffer().setLength(0);
        assertThat(trellisWith(recording, "test", app.toString(), "--timeout", "0s")).isEqualTo(2);
        assertThat(err.toString()).contains("'0s' must be a positive duration such as 30s");
        err.getBuffer().setLength(0);
        assertThat(trellisWith(recording, "run", app.toString(), "--timeout", "5s")).isEqualTo(2);
        assertThat(err.toString()).contains("trellis: --timeout limits the process of --exec ns:entry");
    }

    @Test
    void aTestThatBlocksFailsByNameAfterItsTimeoutAndTheSummaryIsPrinted() throws IOException {
        Files.writeString(app.resolve("tests/_index.yaml"), """
                namespace: tests
                entries:
                  - {name: a_stuck, kind: function.lua, source: "file://stuck.lua", meta: {type: test, order: 1, timeout: 200ms}}
                  - {name: b_stuck_default, kind: function.lua, source: "file://stuck.lua", meta: {type: test, order: 2}}
                  - {name: c_fine, kind: function.lua, source: "file://t.lua", meta: {type: test, order: 3}}
                """);
        Files.writeString(app.resolve("tests/stuck.lua"), """
                local function next_job()
                    return process.inbox():receive()
                end
                return { main = function()
                    local job = next_job()
                    return job
                end }
                """);
        assertThat(trellis("test", app.toString(), "--timeout", "300ms")).isEqualTo(1);
        String stuck = app.resolve("tests/stuck.lua").toString();
        String waiting = "; it was waiting: stack traceback:\n"
                + "    \t" + stuck + ":2: in upvalue 'next_job'\n"
                + "    \t" + stuck + ":5: in function <" + stuck + ":4>\n";
        assertThat(out.toString()).contains(
                "FAIL tests:a_stuck: timed out after 200ms (set meta.timeout or --timeout to allow more)" + waiting,
                "FAIL tests:b_stuck_default: timed out after 300ms (set meta.timeout or --timeout to allow more)" + waiting,
                "PASS tests:c_fine\n",
                "1 passed, 2 failed\n");
    }

    @Test
    void aTestThatComputesForeverSaysWhereItWasRunning() throws IOException {
        Files.writeString(app.resolve("tests/_index.yaml"), """
                namespace: tests
                entries:
                  - {name: spins, kind: function.lua, source: "file://spin.lua", meta: {type: test, timeout: 200ms}}
                """);
        Files.writeString(app.resolve("tests/spin.lua"), """
                local function spin()
                    local n = 0
                    while true do n = n + 1 end
                end
                return { main = function() spin() end }
                """);
        assertThat(trellis("test", app.toString())).isEqualTo(1);
        String spin = java.util.regex.Pattern.quote(app.resolve("tests/spin.lua").toString());
        assertThat(out.toString()).containsPattern("FAIL tests:spins: timed out after 200ms \\(set meta.timeout or --timeout to allow more\\);"
                + " it was running: stack traceback:\n    \t" + spin + ":[23]: in upvalue 'spin'\n    \t" + spin + ":5: in function <"
                + spin + ":5>\n");
    }

    @Test
    void execStopsAProcessThatOutlivesItsTimeout() throws IOException {
        Files.writeString(app.resolve("main.lua"), "return { main = function() process.inbox():receive() end }\n");
        assertThat(trellis("run", app.toString(), "--exec", "app:main", "--timeout", "200ms")).isEqualTo(1);
        assertThat(err.toString()).contains("trellis: app:main timed out after 200ms (--timeout) and was terminated;"
                + " it was waiting: stack traceback:\n    \t" + app.resolve("main.lua") + ":1: in function <" + app.resolve("main.lua") + ":1>");
    }

    @Test
    void testsShareOneBootUnlessIsolatedAndWhatProcessesPrintIsIndented() throws IOException {
        Files.writeString(app.resolve("_index.yaml"), """
                namespace: app
                entries:
                  - {name: processes, kind: process.host, host: {workers: 2}, lifecycle: {auto_start: true}}
                  - {name: store, kind: process.lua, source: file://store.lua, lifecycle: {auto_start: true}}
                """);
        Files.writeString(app.resolve("store.lua"), """
                return { main = function()
                    process.registry.register("store")
                    print("store up")
                    local n, inbox = 0, process.inbox()
                    while true do
                        local m = inbox:receive()
                        n = n + 1
                        process.send(m:from(), "count", n)
                    end
                end }
                """);
        Files.writeString(app.resolve("tests/_index.yaml"), """
                namespace: tests
                entries:
                  - {name: a_first, kind: function.lua, source: "file://t.lua", meta: {type: test, order: 1}}
                  - {name: b_second, kind: function.lua, source: "file://t.lua", meta: {type: test, order: 2}}
                  - {name: c_alone, kind: function.lua, source: "file://t.lua", meta: {type: test, order: 3, isolated: true}}
                """);
        Files.writeString(app.resolve("tests/t.lua"), """
                return { main = function()
                    local replies = process.listen("count")
                    while not process.registry.lookup("store") do coroutine.yield() end
                    process.send("store", "incr")
                    local n = replies:receive()
                    print("count " .. n)
                    return true
                end }
                """);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = Main.execute(output, new dev.trellis.runtime.boot.LuaBoot(new PrintStream(printed, true)), "test", app.toString());
        assertThat(exit).isEqualTo(0);
        assertThat(printed.toString().lines().filter(l -> l.startsWith("  | {app:processes|") && l.endsWith(" store up")))
                .as(printed.toString()).hasSize(2);   // the shared boot's store, and the isolated test's own
        assertThat(printed.toString().lines().filter(l -> l.startsWith("  | ") && l.contains(" count ")).map(l -> l.substring(l.lastIndexOf(' ') + 1)))
                .containsExactly("1", "2", "1");
        assertThat(out.toString()).contains("PASS tests:a_first\n", "PASS tests:b_second\n", "PASS tests:c_alone\n", "3 passed, 0 failed\n");
    }

    @Test
    void aBadMetaTimeoutIsALoadProblem() throws IOException {
        Files.writeString(app.resolve("tests/_index.yaml"), """
                namespace: tests
                entries:
                  - {name: t1, kind: function.lua, source: "file://t.lua", meta: {type: test, timeout: 5}}
                  - {name: t2, kind: function.lua, source: "file://t.lua", meta: {type: test, timeout: "-1s"}}
                  - {name: t3, kind: function.lua, source: "file://t.lua", meta: {type: test, isolated: "yes"}}
                """);
        assertThat(trellis("check", app.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("entry 'tests:t1': field 'meta.timeout' must be a duration such as \"5s\"",
                "entry 'tests:t2': field 'meta.timeout' must be a positive duration such as 30s, got -1s",
                "entry 'tests:t3': field 'meta.isolated' must be true or false, got string \"yes\"");
    }

    @Test
    void testReportsWhenNothingMatches() {
        assertThat(trellisWith(recording, "test", app.toString(), "gamma")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("trellis: no test of " + app + " matches 'gamma' (2 tests in the app)\n");
        assertThat(out.toString()).doesNotContain("passed");
    }

    @Test
    void thisBuildRunsTheTestsAsLuaProcesses() throws IOException {
        Files.writeString(app.resolve("tests/t.lua"), "return { main = function() return process.pid() ~= nil end }\n");
        assertThat(trellis("test", app.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("PASS tests:alpha_works\n", "PASS tests:beta_works\n", "2 passed, 0 failed\n");
    }

    @Test
    void aFailingTestIsReportedWithItsErrorAndExits1() throws IOException {
        Files.writeString(app.resolve("tests/t.lua"), "return { main = function() error('nope', 0) end }\n");
        assertThat(trellis("test", app.toString(), "alpha")).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL tests:alpha_works: nope\n", "0 passed, 1 failed\n");
    }

    @Test
    void execRunsOneProcessAndPrintsItsResult() throws IOException {
        Files.writeString(app.resolve("main.lua"), "return { main = function(a, b) return a .. '+' .. b end }\n");
        assertThat(trellis("run", app.toString(), "--exec", "app:main", "x", "y")).isEqualTo(0);
        assertThat(out.toString()).isEqualTo("x+y\n");
        Files.writeString(app.resolve("main.lua"), "return { main = function() return nil, 'bad input' end }\n");
        assertThat(trellis("run", app.toString(), "--exec", "app:main")).isEqualTo(1);
        assertThat(err.toString()).contains("app:main failed: bad input");
    }

    // ---- lua --------------------------------------------------------------------------------------

    @Test
    void luaPassesFileAndArgumentsToTheScript() throws IOException {
        Files.writeString(app.resolve("args.lua"), """
                local a, b = ...
                assert(a == 'one' and b == '--two', 'arguments: ' .. tostring(a) .. ' ' .. tostring(b))
                assert(arg[0]:find('args.lua', 1, true) and arg[1] == 'one' and arg[2] == '--two')
                """);
        assertThat(trellis("lua", app.resolve("args.lua").toString(), "one", "--two")).isEqualTo(0);
    }

    @Test
    void aFailingScriptExits1() throws IOException {
        Files.writeString(app.resolve("boom.lua"), "error('script failed: boom')\n");
        assertThat(trellis("lua", app.resolve("boom.lua").toString())).isEqualTo(1);
        Files.writeString(app.resolve("bad.lua"), "this is not lua\n");
        assertThat(trellis("lua", app.resolve("bad.lua").toString())).isEqualTo(1);
    }

    @Test
    void luaRunsAScriptWithTheVmsRunner() throws IOException {
        Files.writeString(app.resolve("hello.lua"), "assert(... == 'x')\nreturn 0\n");
        assertThat(trellis("lua", app.resolve("hello.lua").toString(), "x")).isEqualTo(0);
    }

    @Test
    void luaNeedsAnExistingFile() {
        assertThat(trellis("lua", tmp.resolve("none.lua").toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("trellis: no such file: " + tmp.resolve("none.lua") + "\n");
        err.getBuffer().setLength(0);
        assertThat(trellis("lua", app.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("trellis: " + app + " is a directory");
    }
}
