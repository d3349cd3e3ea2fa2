package dev.trellis.lua;

import static dev.trellis.lua.LuaTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lexer and parser: syntax errors with PUC's wording and line numbers, long strings, escapes. */
class CompilerTest {
    @Test
    void syntaxErrorsNameTheLineAndToken() {
        assertCompileError("x = = 1", "test:1: unexpected symbol near '='");
        assertCompileError("local a = 1\nlocal b = (2\nprint(a)", "test:3: ')' expected (to close '(' at line 2) near 'print'");
        assertCompileError("function f()\n  return 1\n", "test:3: 'end' expected (to close 'function' at line 1) near <eof>");
        assertCompileError("x = 'abc", "test:1: unfinished string near <eof>");
        assertCompileError("x = 3 +", "test:1: unexpected symbol near <eof>");
        assertCompileError("for i = 1 do end", "test:1: ',' expected near 'do'");
        assertCompileError("x = 0x", "test:1: malformed number near '0x'");
        assertCompileError("break", "test:1: break outside a loop at line 1");
        assertCompileError("goto nowhere", "test:1: no visible label 'nowhere' for <goto> at line 1");
        assertCompileError("local x <const> = 1; x = 2", "test:1: attempt to assign to const variable 'x'");
        assertCompileError("local x <foo> = 1", "test:1: unknown attribute 'foo'");
        assertCompileError("::a:: ::a::", "test:1: label 'a' already defined on line 1");
        assertCompileError("goto f; local x; ::f:: print(x)", "test:1: <goto f> at line 1 jumps into the scope of local 'x'");
    }

    @Test
    void stringsAndComments() {
        assertThat(value("[[\nline1\nline2]]")).isEqualTo("line1\nline2");
        assertThat(value("[==[a]]b]==]")).isEqualTo("a]]b");
        assertThat(value("'\\65\\x42\\u{43}\\z\n   D'")).isEqualTo("ABCD");
        assertThat(value("'\\u{20AC}'")).isEqualTo("\u00e2\u0082\u00ac");
        assertThat(value("--[[ comment ]] 1 --[==[ more ]==]")).isEqualTo(1L);
        assertThat(value("#'\\0\\0'")).isEqualTo(2L);
    }

    @Test
    void numerals() {
        assertThat(value("0xff")).isEqualTo(255L);
        assertThat(value("0x7fffffffffffffff + 1")).isEqualTo(Long.MIN_VALUE);
        assertThat(value("0xffffffffffffffff")).isEqualTo(-1L);
        assertThat(value("1e2")).isEqualTo(100.0);
        assertThat(value("0x1p4")).isEqualTo(16.0);
        assertThat(value("9223372036854775808")).isEqualTo(9.223372036854775808E18);
        assertThat(value(".5")).isEqualTo(0.5);
    }

    @Test
    void operatorPrecedence() {
        assertThat(value("2 + 3 * 4 ^ 2 / 8")).isEqualTo(8.0);
        assertThat(value("-2 ^ 2")).isEqualTo(-4.0);
        assertThat(value("2 ^ 3 ^ 2")).isEqualTo(512.0);
        assertThat(value("'a' .. 'b' .. 1 + 2")).isEqualTo("ab3");
        assertThat(value("1 < 2 == true")).isEqualTo(true);
        assertThat(value("not nil and 1 or 2")).isEqualTo(1L);
        assertThat(value("1 | 2 ~ 3 & 4 << 1")).isEqualTo(3L);
    }

    @Test
    void wippyAnnotationsAreParsedAndIgnored() {
        String src = """
                type Point = {x: number, y: number}
                export type Handler = fun(msg: string, n: integer?): (boolean, string?)
                local function add(a: number, b: number): number
                    return a + b
                end
                local function first<T>(list: {T}): T? return list[1] end
                local function many(...: any): (number, string) return select('#', ...), "ok" end
                local x: number = add(1, 2)
                local name: string | nil = nil
                local m: {[string]: Point} = {}
                local s = (x :: any) :: number
                local y = x as number
                local f: (number) -> number = function(n: number): number return n * 2 end
                for i: integer = 1, 2 do x = x + i end
                for k: string, v: integer in pairs({a = 1}) do x = x + v end
                local opt = function(a?: string) return a end
                do goto done end
                ::done::
                return x, first({7}), many(1, 2), y, f(4), s
                """;
        Object[] r = eval(src);
        assertThat(r).containsExactly(7L, 7L, 2L, 3L, 8L, 3L);
    }

    @Test
    void wippyTypeSystemSyntaxFromItsDocs() {
        String src = """
                type Status = "pending" | "active" | "done"
                type Config = {
                    host: string,
                    port: number,
                    timeout?: number,
                    debug?: boolean
                }
                type Result<T, E> =
                    {ok: true, value: T}
                    | {ok: false, error: E}
                type HasName = {name: string}
                type Person = HasName & {age: number @min(0) @max(150)}
                local function greet<T: HasName>(obj: T): string return "Hello, " .. obj.name end
                local function div_mod(a: number, b: number): (number, number) return a // b, a % b end
                local function fetch(url: string): (string?, error?) return url, nil end
                local function sum(...: number): number
                    local total: number = 0
                    for _, v in ipairs({...}) do total = total + v end
                    return total
                end
                local function fail(msg: string): never error(msg) end
                local x: number @min(0) @max(100) = 50
                local email: string @pattern("^.+@.+$") = "a@b.com"
                local scores: {number @min(0) @max(100)} = {85, 90}
                local id: number @min(1) | string @min_len(1) = 1
                local double: (number) -> number = function(v: number): number return v * 2 end
                local user: Config? = {host = "h", port = 1}
                local host = (user!).host
                local data: any = {name = "Alice"}
                local cast = data :: HasName
                local cast2 = data as HasName
                local q, r = div_mod(7, 2)
                return greet(cast), q, r, sum(1, 2, 3), x, #scores, id, double(4), host, cast2.name, fetch("u")
                """;
        assertThat(eval(src)).containsExactly("Hello, Alice", 3L, 1L, 6L, 50L, 2L, 1L, 8L, "h", "Alice", "u", null);
    }

    @Test
    void callablePrimitiveTypesAreCheckedCasts() {
        assertThat(eval("return string(7), integer('42'), integer(3.0), number('2.5'), boolean(false)"))
                .containsExactly("7", 42L, 3L, 2.5, false);
        assertThat(eval("return integer:is(1.5)")).containsExactly(null, "cannot cast number to integer");
        assertThat(eval("return number:is(4), number:kind()")).containsExactly(4L, "number");
        assertThat(LuaTesting.error("return integer({})")).isEqualTo("test:1: cannot cast table to integer");
        assertThat(LuaTesting.error("return string(nil)")).isEqualTo("test:1: cannot cast nil to string");
    }

    @Test
    void castIsNotConfusedWithLabels() {
        String src = """
                local n = 0
                for i = 1, 3 do
                  if i == 2 then goto continue end
                  n = n + i
                  ::continue::
                end
                print(n)
                """;
        assertThat(run(src)).isEqualTo("4\n");
    }

    @Test
    void chunkNames() {
        assertThat(error("error('x')")).isEqualTo("test:1: x");
        LuaState s = new LuaState();
        try {
            s.execute("local a = nil; a()", "local a = nil; a()");
        } catch (LuaError e) {
            assertThat(e.value()).isEqualTo("[string \"local a = nil; a()\"]:1: attempt to call a nil value (local 'a')");
        }
    }

    @Test
    void seedsCompileUnchanged() throws Exception {
        // Every Lua function of the seed documents loads (they are fragments, so compile each block).
        String src = """
                local function main(worker_count)
                  local time = require("time")
                  worker_count = worker_count or 4
                  process.set_options({ trap_links = true })
                  local events_ch = process.events()
                  local workers = {}
                  local function start_worker(id)
                    local pid, err = process.spawn_linked("app.workers:task_worker", "app:processes", id)
                    if err then
                      print("Failed to start worker " .. id .. ": " .. tostring(err))
                      return nil
                    end
                    workers[pid] = {id = id, started_at = os.time()}
                    return pid
                  end
                  while true do
                    local timeout = time.after("60s")
                    local result = channel.select { events_ch:case_receive(), timeout:case_receive(), }
                    if result.channel == timeout then
                      local count = 0
                      for _ in pairs(workers) do count = count + 1 end
                    elseif result.channel == events_ch then
                      local event = result.value
                    end
                  end
                end
                return main
                """;
        assertThat(LuaState.compile(src, "=pool.lua")).isNotNull();
    }
}
