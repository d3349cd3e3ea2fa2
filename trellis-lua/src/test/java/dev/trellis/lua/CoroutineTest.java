package dev.trellis.lua;

import static dev.trellis.lua.LuaTesting.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Coroutines: the Lua library, yields across pcall and metamethods, and the host API. */
class CoroutineTest {
    @Test
    void resumeYieldAndStatus() {
        String src = """
                local co = coroutine.create(function(a, b)
                  local c = coroutine.yield(a + b)
                  local d, e = coroutine.yield(c * 2)
                  return d + e, coroutine.status(coroutine.running())
                end)
                print(coroutine.status(co), coroutine.resume(co, 1, 2))
                print(coroutine.resume(co, 10))
                print(coroutine.resume(co, 3, 4))
                print(coroutine.status(co), coroutine.resume(co))
                print(coroutine.isyieldable(), coroutine.running())
                """;
        String out = run(src);
        assertThat(out).startsWith("suspended\ttrue\t3\ntrue\t20\ntrue\t7\trunning\ndead\tfalse\tcannot resume dead coroutine\nfalse\tthread: ");
        assertThat(out).endsWith("\ttrue\n");
    }

    @Test
    void yieldAcrossPcallAndMetamethods() {
        String src = """
                local co = coroutine.wrap(function()
                  local ok, v = pcall(function() return coroutine.yield("in pcall") + 1 end)
                  local ok2, v2 = pcall(coroutine.yield, "direct")
                  local t = setmetatable({}, {__index = function(t, k) return coroutine.yield("index " .. k) end,
                                             __add = function(a, b) return coroutine.yield("add") end,
                                             __lt = function(a, b) return coroutine.yield("lt") end,
                                             __concat = function(a, b) return coroutine.yield("concat") end})
                  local x = t.foo
                  local y = t + 1
                  local z = t < t
                  local w = t .. "s"
                  local ok3, e3 = pcall(function() coroutine.yield("before error") error("late", 0) end)
                  return table.concat({tostring(ok), v, tostring(ok2), v2, x, y, tostring(z), w, tostring(ok3), e3}, ",")
                end)
                print(co()) print(co(41)) print(co("d")) print(co("X")) print(co("Y")) print(co(true)) print(co("W")) print(co())
                """;
        assertThat(run(src)).isEqualTo("in pcall\ndirect\nindex foo\nadd\nlt\nconcat\nbefore error\n"
                + "true,42,true,d,X,Y,true,W,false,late\n");
    }

    @Test
    void yieldAcrossJavaCallbackIsRefused() {
        String src = """
                local co = coroutine.create(function()
                  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
                end)
                return coroutine.resume(co)
                """;
        Object[] r = eval(src);
        assertThat(r[0]).isEqualTo(false);
        assertThat((String) r[1]).contains("attempt to yield across a C-call boundary");
        assertThat(error("coroutine.yield(1)")).contains("attempt to yield from outside a coroutine");
    }

    @Test
    void errorsInsideCoroutinesAreReturnedByResume() {
        String src = """
                local co = coroutine.create(function() local x = nil; return x.field end)
                print(coroutine.resume(co))
                print(coroutine.status(co))
                local w = coroutine.wrap(function() error("wrapped") end)
                print(pcall(w))
                """;
        assertThat(run(src)).isEqualTo("false\ttest:1: attempt to index a nil value (local 'x')\ndead\n"
                + "false\ttest:4: wrapped\n");
    }

    @Test
    void closeRunsPendingCloseVariables() {
        String src = """
                local co = coroutine.create(function()
                  local r <close> = setmetatable({}, {__close = function() print("closed") end})
                  coroutine.yield(1)
                end)
                coroutine.resume(co)
                print(coroutine.close(co), coroutine.status(co))
                """;
        assertThat(run(src)).isEqualTo("closed\ntrue\tdead\n");
    }

    @Test
    void hostFunctionSuspendsTheCoroutineAndTheHostResumesIt() {
        LuaState state = new LuaState();
        state.register("receive", JavaFunction.of("receive", (L, a) -> L.yield("receive", a[0])));
        Prototype p = LuaState.compile("""
                local a = receive("inbox")
                local ok, b = pcall(receive, "events")
                local c = (function() return receive("timer") end)()
                return a .. b .. c
                """, "=process");
        Coroutine co = state.newCoroutine(state.load(p));
        assertThat(co.resume()).containsExactly("receive", "inbox");
        assertThat(co.status()).isEqualTo(Coroutine.Status.SUSPENDED);
        assertThat(co.resume("A")).containsExactly("receive", "events");
        assertThat(co.resume("B")).containsExactly("receive", "timer");
        assertThat(co.resume("C")).containsExactly("ABC");
        assertThat(co.status()).isEqualTo(Coroutine.Status.DEAD);
        assertThatThrownBy(co::resume).isInstanceOf(LuaError.class).hasMessage("cannot resume dead coroutine");
    }

    @Test
    void hostYieldsPassThroughLuaCoroutines() {
        LuaState state = new LuaState();
        state.register("receive", JavaFunction.of("receive", (L, a) -> L.yieldToHost("receive", a[0])));
        Prototype p = LuaState.compile("""
                local gen = coroutine.wrap(function() for i = 1, 2 do coroutine.yield(receive("ch" .. i)) end end)
                local a = gen()
                local b = gen()
                local ok, c = coroutine.resume(coroutine.create(function() return receive("x") end))
                local plain = coroutine.wrap(function() coroutine.yield("lua-level") end)()
                return a .. b .. tostring(ok) .. c .. plain
                """, "=process");
        Coroutine co = state.newCoroutine(state.load(p));
        assertThat(co.resume()).containsExactly("receive", "ch1");
        assertThat(co.isHostYield()).isTrue();
        assertThat(co.resume("A")).containsExactly("receive", "ch2");
        assertThat(co.resume("B")).containsExactly("receive", "x");
        assertThat(co.resume("C")).containsExactly("ABtrueClua-level");
        assertThat(co.isDead()).isTrue();
    }

    @Test
    void hostFunctionMayCallBackIntoLua() {
        LuaState state = new LuaState();
        state.register("twice", JavaFunction.of("twice", (L, a) -> {
            Object[] r1 = L.call(a[0], 1L);
            Object[] r2 = L.call(a[0], r1[0]);
            return r2;
        }));
        assertThat(state.execute("return twice(function(x) return x * 10 end)", "=t")).containsExactly(100L);
    }

    @Test
    void manyCoroutinesEachKeepTheirOwnStack() {
        String src = """
                local cos = {}
                for i = 1, 1000 do
                  cos[i] = coroutine.wrap(function() local n = i; while true do n = n + coroutine.yield(n) end end)
                  cos[i]()
                end
                local sum = 0
                for round = 1, 10 do for i = 1, 1000 do sum = sum + cos[i](1) end end
                return sum
                """;
        // each coroutine i yields i+1 .. i+10 over the rounds
        long expected = 0;
        for (int i = 1; i <= 1000; i++) for (int r = 1; r <= 10; r++) expected += i + r;
        assertThat(eval(src)[0]).isEqualTo(expected);
    }
}
