package dev.trellis.lua;

import static dev.trellis.lua.LuaTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hostile programs end with clear Lua errors: no hang, no JVM StackOverflowError. */
class BadInputTest {
    @Test
    void runawayLuaRecursionIsAStackOverflowError() {
        LuaState state = new LuaState();
        Object[] r = state.execute("local function f(n) return 1 + f(n + 1) end return pcall(f, 1)", "=rec");
        assertThat(r[0]).isEqualTo(false);
        assertThat((String) r[1]).contains("stack overflow");
        assertThat(state.execute("return 'alive'", "=after")).containsExactly("alive");
    }

    @Test
    void recursionThroughMetamethodsAndJava() {
        assertThat(error("local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x"))
                .contains("stack overflow");
        assertThat(error("local function f() return ('x'):gsub('x', f) end f()")).contains("stack overflow");
        assertThat(error("local function nest() return coroutine.wrap(nest)() end nest()")).contains("stack overflow");
        assertThat(error("local t = setmetatable({}, {__index = function(t, k) return tostring(t) end, __tostring = function(t) return t.x end}) return t.y"))
                .contains("stack overflow");
    }

    @Test
    void configurableDepthLimit() {
        LuaState state = new LuaState();
        state.setMaxCallDepth(100);
        Object[] r = state.execute("local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return pcall(f, 200)", "=d");
        assertThat(r[0]).isEqualTo(false);
        assertThat(state.execute("local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(50)", "=d"))
                .containsExactly(50L);
    }

    @Test
    void hugeStringsAreRefused() {
        assertThat(error("return string.rep('x', 1 << 40)")).isEqualTo("test:1: resulting string too large");
        assertThat(error("return ('ab'):rep(math.maxinteger)")).isEqualTo("test:1: resulting string too large");
        LuaState small = new LuaState();
        small.setMaxStringSize(1000);
        assertThat(small.execute("return pcall(string.rep, 'x', 2000)", "=s")[0]).isEqualTo(false);
    }

    @Test
    void syntaxErrorsFromLoadAreValues() {
        assertThat(run("print(load('x = = 1'))")).isEqualTo("nil\t[string \"x = = 1\"]:1: unexpected symbol near '='\n");
        assertThat(run("print(load(string.rep('(', 1000) .. '1' .. string.rep(')', 1000)))"))
                .contains("chunk has too many syntax levels");
        assertThat(run("print(pcall(load, nil))")).startsWith("false\tbad argument #1 to 'load'");
    }

    @Test
    void deepLeftAssociativeExpressionCompiles() {
        String expr = "1" + " + 1".repeat(5000);
        Object r;
        try {
            r = eval("return " + expr)[0];
        } catch (LuaError e) {
            r = e.getMessage();
        }
        assertThat(r).isIn(5001L, "test: chunk has too many syntax levels");
    }

    @Test
    void nonCallableAndBadArguments() {
        assertThat(error("local t = setmetatable({}, {__call = 5}) t()")).contains("attempt to call a");
        assertThat(error("return ipairs()")).isEqualTo("test:1: bad argument #1 to 'ipairs' (table expected, got no value)".replace("table expected, got no value", "value expected"));
        assertThat(error("return setmetatable({}, 5)")).isEqualTo("test:1: bad argument #2 to 'setmetatable' (nil or table expected, got number)");
        assertThat(error("return table.concat({{}})")).isEqualTo("test:1: invalid value (table) at index 1 in table for 'concat'");
        assertThat(error("local t = {} t[nil] = 1")).isEqualTo("test:1: table index is nil");
        assertThat(error("return next({}, 'nope')")).isEqualTo("invalid key to 'next'");
    }
}
