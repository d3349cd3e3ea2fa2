package dev.trellis.lua;

import static dev.trellis.lua.LuaTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Core language semantics: numbers, closures, goto, close/const, varargs, tail calls, metatables. */
class LanguageTest {
    @Test
    void integerAndFloatRules() {
        assertThat(value("7 // 2")).isEqualTo(3L);
        assertThat(value("7.0 // 2")).isEqualTo(3.0);
        assertThat(value("-7 // 2")).isEqualTo(-4L);
        assertThat(value("7 % -3")).isEqualTo(-2L);
        assertThat(value("-7.5 % 2")).isEqualTo(0.5);
        assertThat(value("3 / 2")).isEqualTo(1.5);
        assertThat(value("4 / 2")).isEqualTo(2.0);
        assertThat(value("2^2")).isEqualTo(4.0);
        assertThat(value("math.maxinteger + 1 == math.mininteger")).isEqualTo(true);
        assertThat(value("1 == 1.0")).isEqualTo(true);
        assertThat(value("'10' + 1")).isEqualTo(11L);
        assertThat(value("'3.0' + 1")).isEqualTo(4.0);
        assertThat(value("10 .. ''")).isEqualTo("10");
        assertThat(value("tostring(10 / 2)")).isEqualTo("5.0");
        assertThat(value("tostring(1e15)")).isEqualTo("1e+15");
        assertThat(value("tostring(0.1)")).isEqualTo("0.1");
        assertThat(value("tostring(-0.0)")).isEqualTo("-0.0");
        assertThat(value("tostring(1/0) .. tostring(-1/0)")).isEqualTo("inf-inf");
        assertThat(value("math.type(3) .. math.type(3.0)")).isEqualTo("integerfloat");
        assertThat(value("5 // 0.0")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(value("0/0 ~= 0/0")).isEqualTo(true);
        assertThat(value("2^63 == math.mininteger")).isEqualTo(false);
        assertThat(value("-2^63 == math.mininteger")).isEqualTo(true);
        assertThat(value("1 < 1.5 and 2 > 1.5 and 'a' < 'b'")).isEqualTo(true);
        assertThat(value("tostring(print):match('^function: 0x%x+$') ~= nil")).isEqualTo(true);
        assertThat(value("tostring({}):match('^table: 0x%x+$') ~= nil")).isEqualTo(true);
    }

    @Test
    void bitwiseOperators() {
        assertThat(value("3 | 5")).isEqualTo(7L);
        assertThat(value("3 & 5")).isEqualTo(1L);
        assertThat(value("3 ~ 5")).isEqualTo(6L);
        assertThat(value("~0")).isEqualTo(-1L);
        assertThat(value("1 << 63")).isEqualTo(Long.MIN_VALUE);
        assertThat(value("1 << 64")).isEqualTo(0L);
        assertThat(value("-1 >> 1")).isEqualTo(Long.MAX_VALUE);
        assertThat(value("2.0 | 1")).isEqualTo(3L);
        assertThat(error("return 1.5 | 1")).isEqualTo("test:1: number has no integer representation");
    }

    @Test
    void integerForLoops() {
        assertThat(run("for i = 1, 3 do print(i) end")).isEqualTo("1\n2\n3\n");
        assertThat(run("for i = 3, 1, -1 do print(i) end")).isEqualTo("3\n2\n1\n");
        assertThat(run("for i = 1, 2, 0.5 do print(i) end")).isEqualTo("1.0\n1.5\n2.0\n");
        assertThat(run("for i = math.maxinteger - 1, math.maxinteger do print(i) end"))
                .isEqualTo("9223372036854775806\n9223372036854775807\n");
        assertThat(run("for i = 1, 0 do print(i) end")).isEmpty();
        assertThat(error("for i = 1, 10, 0 do end")).isEqualTo("test:1: 'for' step is zero");
    }

    @Test
    void closuresCaptureFreshLoopVariables() {
        String src = """
                local fs = {}
                for i = 1, 3 do fs[i] = function() return i end end
                local ws, j = {}, 1
                while j <= 3 do local k = j * 10; ws[j] = function() k = k + 1; return k end; j = j + 1 end
                local function counter() local c = 0; return function() c = c + 1; return c end end
                local c1, c2 = counter(), counter()
                c1(); c1()
                print(fs[1](), fs[2](), fs[3](), ws[1](), ws[1](), ws[2](), c1(), c2())
                """;
        assertThat(run(src)).isEqualTo("1\t2\t3\t11\t12\t21\t3\t1\n");
    }

    @Test
    void openUpvaluesSurviveStackGrowth() {
        String src = """
                local getters = {}
                local function dive(n)
                  local mine = n * 3
                  getters[n] = function() return mine end
                  if n < 5000 then dive(n + 1) end
                  mine = mine + 1
                end
                dive(1)
                local co = coroutine.wrap(function()
                  local function deep(n) local v = n if n < 3000 then deep(n + 1) end coroutine.yield(function() return v end) end
                  deep(1)
                end)
                local f1 = co()
                return getters[1](), getters[5000](), f1()
                """;
        assertThat(eval(src)).containsExactly(4L, 15001L, 3000L);
    }

    @Test
    void javaMetamethodsMayGrowTheStack() {
        LuaState state = new LuaState();
        state.register("viaJava", JavaFunction.of("viaJava", (L, a) -> {
            Object deep = L.getGlobal("deep");
            return new Object[] {((Long) L.call(deep, 20000L)[0]) > 0};
        }));
        String src = """
                function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
                local mt = {__eq = viaJava, __lt = viaJava, __le = viaJava}
                local a, b = setmetatable({}, mt), setmetatable({}, mt)
                local results = {}
                for i = 1, 3 do
                  local x, y, z = 1, 2, 3
                  results[#results + 1] = tostring(a == b) .. tostring(a < b) .. tostring(a <= b) .. (x + y + z)
                end
                return table.concat(results, ",")
                """;
        assertThat(state.execute(src, "=grow")[0]).isEqualTo("truetruetrue6,truetruetrue6,truetruetrue6");
    }

    @Test
    void sharedUpvalueBetweenClosures() {
        String src = """
                local function pair() local v = 0; return function() v = v + 1 end, function() return v end end
                local inc, get = pair()
                inc(); inc()
                return get()
                """;
        assertThat(eval(src)[0]).isEqualTo(2L);
    }

    @Test
    void gotoContinueAndBackwardJumps() {
        String src = """
                local out = {}
                for i = 1, 6 do
                  if i % 2 == 0 then goto continue end
                  out[#out + 1] = i
                  ::continue::
                end
                local n = 0
                ::again::
                n = n + 1
                if n < 5 then goto again end
                local fs = {}
                do
                  local k = 0
                  ::top::
                  local captured = k
                  fs[#fs + 1] = function() return captured end
                  k = k + 1
                  if k < 3 then goto top end
                end
                print(table.concat(out, ","), n, fs[1](), fs[2](), fs[3]())
                """;
        assertThat(run(src)).isEqualTo("1,3,5\t5\t0\t1\t2\n");
    }

    @Test
    void closeAndConstVariables() {
        String src = """
                local log = {}
                local function res(name)
                  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. ":" .. tostring(err) end})
                end
                do
                  local a <close> = res("a")
                  local b <close> = res("b")
                  local c <const> = 42
                  log[#log + 1] = "body" .. c
                end
                local ok, e = pcall(function()
                  local x <close> = res("x")
                  error("boom", 0)
                end)
                for i = 1, 2 do local y <close> = res("y" .. i) if i == 2 then break end end
                local function f() local z <close> = res("z") return "ret" end
                local r = f()
                log[#log + 1] = r
                print(table.concat(log, " "), ok, e)
                """;
        assertThat(run(src)).isEqualTo("body42 b:nil a:nil x:boom y1:nil y2:nil z:nil ret\tfalse\tboom\n");
        assertThat(error("local x <close> = 42")).isEqualTo("test:1: variable 'x' got a non-closable value");
    }

    @Test
    void varargsAndMultipleResults() {
        String src = """
                local function va(...) return select('#', ...), ... end
                local function three() return 1, 2, 3 end
                local t = {three(), three()}
                local a, b, c, d = three()
                print(va(), va(nil, nil), #t, (three()), d, select(-1, three()))
                print(table.unpack({1, 2, 3}, 2), table.pack(three()).n)
                """;
        assertThat(run(src)).isEqualTo("0\t2\t4\t1\tnil\t3\n2\t3\n");
    }

    @Test
    void properTailCallsDoNotGrowTheStack() {
        String src = """
                local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
                local t = setmetatable({}, {__index = function(t, k) return k end})
                local function viaMeta(n) if n == 0 then return "done" end return viaMeta(n - 1) end
                return loop(1000000, 0), viaMeta(1000000)
                """;
        assertThat(eval(src)).containsExactly(1000000L, "done");
    }

    @Test
    void everyMetamethod() {
        String src = """
                local log = {}
                local V = {}
                V.__index = V
                V.__add = function(a, b) return "add" end
                V.__sub = function(a, b) return "sub" end
                V.__mul = function(a, b) return "mul" end
                V.__div = function(a, b) return "div" end
                V.__mod = function(a, b) return "mod" end
                V.__pow = function(a, b) return "pow" end
                V.__unm = function(a) return "unm" end
                V.__idiv = function(a, b) return "idiv" end
                V.__band = function(a, b) return "band" end
                V.__bor = function(a, b) return "bor" end
                V.__bxor = function(a, b) return "bxor" end
                V.__shl = function(a, b) return "shl" end
                V.__shr = function(a, b) return "shr" end
                V.__bnot = function(a) return "bnot" end
                V.__concat = function(a, b) return "concat" end
                V.__len = function(a) return 99 end
                V.__eq = function(a, b) return true end
                V.__lt = function(a, b) return true end
                V.__le = function(a, b) return false end
                V.__call = function(self, x) return "called " .. x end
                V.__tostring = function() return "V!" end
                V.__newindex = function(t, k, v) rawset(t, k, v * 2) end
                local a, b = setmetatable({}, V), setmetatable({}, V)
                a.n = 21
                print(a + 1, 1 - a, a * a, a / 2, a % 2, a ^ 2, -a, a // 2)
                print(a & 1, a | 1, a ~ 1, a << 1, a >> 1, ~a, a .. "x", "x" .. a, #a)
                print(a == b, a < b, a <= b, a > b, a(5), tostring(a), a.n, rawget(a, "n"))
                local proxy = setmetatable({}, {__index = function(t, k) return k .. "?" end})
                print(proxy.foo, proxy[1])
                """;
        assertThat(run(src)).isEqualTo(
                "add\tsub\tmul\tdiv\tmod\tpow\tunm\tidiv\n"
                + "band\tbor\tbxor\tshl\tshr\tbnot\tconcat\tconcat\t99\n"
                + "true\ttrue\tfalse\ttrue\tcalled 5\tV!\t42\t42\n"
                + "foo?\t1?\n");
    }

    @Test
    void protectedMetatableAndRawAccess() {
        String src = """
                local t = setmetatable({}, {__metatable = "locked"})
                print(getmetatable(t), pcall(setmetatable, t, {}))
                print(rawequal(t, t), rawlen({1, 2}), rawget(setmetatable({}, {__index = function() return 1 end}), "x"))
                """;
        assertThat(run(src)).isEqualTo("locked\tfalse\tcannot change a protected metatable\ntrue\t2\tnil\n");
    }

    @Test
    void tableLengthAndSequenceFunctions() {
        String src = """
                local t = {}
                for i = 1, 10 do t[i] = i end
                t[10] = nil
                table.insert(t, 1, 0)
                table.remove(t, 2)
                local s = {5, 3, 9, 1}
                table.sort(s, function(a, b) return a > b end)
                print(#t, t[1], t[2], table.concat(s, " "), #table.move({1, 2, 3}, 1, 3, 2))
                """;
        assertThat(run(src)).isEqualTo("9\t0\t2\t9 5 3 1\t4\n");
    }

    @Test
    void stringMethodsThroughTheStringMetatable() {
        assertThat(value("('hello'):upper()")).isEqualTo("HELLO");
        assertThat(value("('abc'):rep(2, '-')")).isEqualTo("abc-abc");
        assertThat(value("('hello world'):find('o w')")).isEqualTo(5L);
        assertThat(value("string.format('%5.2f|%d|%s', 3.14159, 42, 'x')")).isEqualTo(" 3.14|42|x");
        assertThat(value("('a,b,c'):gsub(',', ';')")).isEqualTo("a;b;c");
        assertThat(value("#('x'):rep(10)")).isEqualTo(10L);
        assertThat(value("utf8.char(228, 8364)")).isEqualTo("\u00c3\u00a4\u00e2\u0082\u00ac");
    }
}
