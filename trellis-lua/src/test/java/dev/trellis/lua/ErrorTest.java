package dev.trellis.lua;

import static dev.trellis.lua.LuaTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error messages in PUC Lua's shape, error levels, pcall/xpcall and tracebacks. */
class ErrorTest {
    @Test
    void runtimeErrorsDescribeTheVariable() {
        assertThat(error("return x.y")).isEqualTo("test:1: attempt to index a nil value (global 'x')");
        assertThat(error("local t = {} return t.a.b")).isEqualTo("test:1: attempt to index a nil value (field 'a')");
        assertThat(error("foo()")).isEqualTo("test:1: attempt to call a nil value (global 'foo')");
        assertThat(error("local t = {} t.foo()")).isEqualTo("test:1: attempt to call a nil value (field 'foo')");
        assertThat(error("local t = {} t:bar()")).isEqualTo("test:1: attempt to call a nil value (method 'bar')");
        assertThat(error("local a; return a + 1")).isEqualTo("test:1: attempt to perform arithmetic on a nil value (local 'a')");
        assertThat(error("local u; return (function() return u.x end)()"))
                .isEqualTo("test:1: attempt to index a nil value (upvalue 'u')");
        assertThat(error("return {} .. 'x'")).isEqualTo("test:1: attempt to concatenate a table value");
        assertThat(error("return 1 < 'x'")).isEqualTo("test:1: attempt to compare number with string");
        assertThat(error("return {} < {}")).isEqualTo("test:1: attempt to compare two table values");
        assertThat(error("return #5")).isEqualTo("test:1: attempt to get length of a number value");
        assertThat(error("return 1 // 0")).isEqualTo("test:1: attempt to divide by zero");
        assertThat(error("return 'abc' + 1")).isEqualTo("test:1: attempt to add a 'string' with a 'number'");
        assertThat(error("\n\nlocal s = string.rep()")).isEqualTo("test:3: bad argument #1 to 'rep' (string expected, got no value)");
        assertThat(error("return ('x'):rep({})")).isEqualTo("test:1: bad argument #1 to 'rep' (number expected, got table)");
    }

    @Test
    void errorLevelsAndValues() {
        String src = """
                local function lvl1() error("one") end
                local function lvl2() error("two", 2) end
                local function caller() lvl2() end
                print(pcall(lvl1))
                print(pcall(caller))
                print(pcall(error, "raw", 0))
                print(select(2, pcall(error, {code = 7})).code)
                print(pcall(error))
                """;
        assertThat(run(src)).isEqualTo("false\ttest:1: one\nfalse\ttest:3: two\nfalse\traw\n7\nfalse\tnil\n");
    }

    @Test
    void xpcallHandlerSeesTheErrorAndItsResultIsReturned() {
        String src = """
                print(xpcall(function() error("E") end, function(m) return "handled: " .. m end))
                print(xpcall(function(a, b) return a + b end, print, 2, 3))
                print(xpcall(function() error("a") end, function(m) error("b") end))
                """;
        assertThat(run(src)).isEqualTo("false\thandled: test:1: E\ntrue\t5\nfalse\terror in error handling\n");
    }

    @Test
    void errorsEscapingToJavaCarryATraceback() {
        LuaState state = new LuaState();
        String src = """
                local function inner() error("deep") end
                local function middle() inner() end
                function outer() middle() end
                outer()
                """;
        try {
            state.execute(src, "=trace.lua");
            throw new AssertionError("no error");
        } catch (LuaError e) {
            assertThat(e.value()).isEqualTo("trace.lua:1: deep");
            assertThat(e.getMessage()).isEqualTo("trace.lua:1: deep");
            assertThat(e.luaTraceback()).isEqualTo("""
                    stack traceback:
                    \t[C]: in function 'error'
                    \ttrace.lua:1: in upvalue 'inner'
                    \ttrace.lua:2: in upvalue 'middle'
                    \ttrace.lua:3: in function 'outer'
                    \ttrace.lua:4: in main chunk
                    \t[C]: in ?""");
        }
    }

    @Test
    void tracebacksNameMetamethodsAndJavaFunctions() {
        LuaState state = new LuaState();
        try {
            state.execute("""
                    local t = setmetatable({}, {__index = function(t, k) return string.rep() end})
                    local co = coroutine.wrap(function() return t.x end)
                    co()
                    """, "=tb.lua");
            throw new AssertionError("no error");
        } catch (LuaError e) {
            assertThat(e.value()).isEqualTo("tb.lua:3: tb.lua:1: bad argument #1 to 'rep' (string expected, got no value)");
            assertThat(e.luaTraceback()).isEqualTo("""
                    stack traceback:
                    \t[C]: in local 'co'
                    \ttb.lua:3: in main chunk
                    \t[C]: in ?""");
        }
        try {
            state.execute("local t = setmetatable({}, {__index = function(t, k) return string.rep() end}) return t.x", "=mm.lua");
        } catch (LuaError e) {
            assertThat(e.luaTraceback()).isEqualTo("""
                    stack traceback:
                    \t[C]: in function 'string.rep'
                    \tmm.lua:1: in metamethod 'index'
                    \tmm.lua:1: in main chunk
                    \t[C]: in ?""");
        }
    }

    @Test
    void optInDebugTracebackForXpcall() {
        StandardLibrary lib = StandardLibrary.create(g -> g.rawset("debug", StandardLibrary.debugTraceback()));
        LuaState state = new LuaState(lib);
        Object[] r = state.execute(
                "local function fail() error('oops') end local function mid() fail() end return xpcall(mid, debug.traceback)",
                "=dbg.lua");
        assertThat(r[0]).isEqualTo(false);
        assertThat(r[1]).isEqualTo("""
                dbg.lua:1: oops
                stack traceback:
                \t[C]: in function 'error'
                \tdbg.lua:1: in upvalue 'fail'
                \tdbg.lua:1: in function <dbg.lua:1>
                \t[C]: in function 'xpcall'
                \tdbg.lua:1: in main chunk
                \t[C]: in ?""");
        assertThat(new LuaState().execute("return debug", "=none")).containsExactly((Object) null);
    }

    @Test
    void errorsInMetamethodsAndStateRemainsUsable() {
        LuaState state = new LuaState();
        String src = """
                local t = setmetatable({}, {__index = function(t, k) error("no field " .. k) end})
                return pcall(function() return t.zz end)
                """;
        Object[] r = state.execute(src, "=m");
        assertThat(r).containsExactly(false, "m:1: no field zz");
        assertThat(state.execute("return 1 + 1", "=after")).containsExactly(2L);
    }

    @Test
    void javaFunctionErrorsBecomeLuaErrors() {
        LuaState state = new LuaState();
        state.register("fail", JavaFunction.of("fail", (L, a) -> {
            throw new LuaError("host says no");
        }));
        state.register("check", JavaFunction.of("check", (L, a) -> new Object[] {LuaArgs.checkInteger(a, 0, "check")}));
        assertThat(state.execute("return pcall(fail)", "=j")).containsExactly(false, "host says no");
        state.register("failHere", JavaFunction.of("failHere", (L, a) -> {
            throw LuaError.error("positioned");
        }));
        assertThat(state.execute("return pcall(function()\n failHere() end)", "=j")).containsExactly(false, "j:2: positioned");
        assertThat(state.execute("return pcall(function() return check('x') end)", "=j"))
                .containsExactly(false, "j:1: bad argument #1 to 'check' (number expected, got string)");
    }
}
