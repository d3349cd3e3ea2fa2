package dev.trellis.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API: compile, load, call, register, require, convert, print bytes. */
class EmbeddingTest {
    @Test
    void callLuaFunctionsWithArguments() {
        LuaState state = new LuaState();
        state.execute("function greet(name, n) return 'hi ' .. name, n * 2 end", "=lib");
        Object[] r = state.call(state.getGlobal("greet"), "bob", 21L);
        assertThat(r).containsExactly("hi bob", 42L);
        assertThat(state.call(state.load(LuaState.compile("return ...", "=v")), 1L, "two", null))
                .containsExactly(1L, "two", null);
    }

    @Test
    void requireUsesTheHostLoader() {
        LuaState state = new LuaState();
        state.setModuleLoader((s, name) -> switch (name) {
            case "time" -> LuaConvert.toLua(Map.of("unit", "ms"));
            case "lazy" -> JavaFunction.of("lazy", (L, a) -> new Object[] {"loaded " + a[0]});
            default -> null;
        });
        state.preload("fixed", 42L);
        assertThat(state.execute("return require('time').unit, require('lazy'), require('fixed'), require('time') == require('time')", "=r"))
                .containsExactly("ms", "loaded lazy", 42L, true);
        assertThatThrownBy(() -> state.execute("require('io')", "=r")).isInstanceOf(LuaError.class)
                .hasMessage("r:1: module 'io' not found");
    }

    @Test
    void valuesConvertBothWays() {
        Object t = LuaConvert.toLua(Map.of("name", "Grüße", "list", List.of(1, 2.5, true)));
        LuaState state = new LuaState();
        Object[] r = state.call(state.load(LuaState.compile("local t = ... return #t.name, t.list[1], math.type(t.list[1]), t.list[2], t.list[3]", "=c")), t);
        assertThat(r).containsExactly(7L, 1L, "integer", 2.5, true);
        assertThat(LuaConvert.toJava(state.execute("return {a = 'ü', b = {1, 2}}", "=c")[0]))
                .isEqualTo(Map.of("a", "ü", "b", List.of(1L, 2L)));
        assertThat(LuaStrings.toJava(LuaStrings.fromJava("€ and ü"))).isEqualTo("€ and ü");
        assertThat(LuaStrings.fromJava("€")).hasSize(3);
    }

    @Test
    void deepCopyForMessagesBetweenStates() {
        LuaState a = new LuaState();
        Object msg = a.execute("local t = {n = 1, list = {1, 2}, f = print} t.self = t return t", "=a")[0];
        LuaTable copy = (LuaTable) LuaConvert.deepCopy(msg);
        assertThat(copy).isNotSameAs(msg);
        assertThat(copy.rawget("self")).isSameAs(copy);
        assertThat(copy.rawget("f")).isNull();
        LuaState b = new LuaState();
        assertThat(b.call(b.load(LuaState.compile("local t = ... t.list[1] = 9 return t.n, #t.list", "=b")), copy))
                .containsExactly(1L, 2L);
        assertThat(((LuaTable) ((LuaTable) msg).rawget("list")).rawgetInt(1)).isEqualTo(1L);
    }

    @Test
    void printWritesBytesSoUtf8RoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("utf8.lua");
        Files.writeString(file, "print('héllo €', #'€')\n", StandardCharsets.UTF_8);
        LuaState state = new LuaState();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.setOutput(out);
        state.call(state.load(LuaState.compileFile(file)));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("héllo €\t3\n");
    }

    @Test
    void userdataWithMethods() {
        LuaTable methods = new LuaTable();
        methods.rawset("size", JavaFunction.of("size", (L, a) ->
                new Object[] {(long) ((StringBuilder) ((LuaUserdata) a[0]).value()).length()}));
        LuaTable mt = new LuaTable();
        mt.rawset("__index", methods);
        mt.rawset("__name", "Buffer");
        LuaState state = new LuaState();
        state.setGlobal("buf", new LuaUserdata(new StringBuilder("abc"), mt));
        assertThat(state.execute("return buf:size(), type(buf), tostring(buf):sub(1, 7)", "=u"))
                .containsExactly(3L, "userdata", "Buffer:");
    }

    @Test
    void standaloneRunnerPassesArguments(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("args.lua");
        Files.writeString(file, "local a, b = ... assert(arg[1] == a and arg[2] == b) assert(arg[0]:find('args.lua')) return 0");
        assertThat(LuaMain.run(new String[] {file.toString(), "x", "y"})).isZero();
        Path bad = dir.resolve("bad.lua");
        Files.writeString(bad, "error('nope')");
        assertThat(LuaMain.run(new String[] {bad.toString()})).isEqualTo(1);
    }
}
