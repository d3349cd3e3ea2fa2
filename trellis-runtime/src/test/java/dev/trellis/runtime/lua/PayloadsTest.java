package dev.trellis.runtime.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessError;
import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    @Test
    void scalarsAreKeptAsTheyAre() {
        assertThat(Payloads.export("s")).isEqualTo("s");
        assertThat(Payloads.export(1L)).isEqualTo(1L);
        assertThat(Payloads.export(1.5)).isEqualTo(1.5);
        assertThat(Payloads.export(true)).isEqualTo(true);
        assertThat(Payloads.export(null)).isNull();
    }

    @Test
    void tablesAreCopiedWithCyclesSharedReferencesAndMetatables() {
        LuaTable shared = new LuaTable();
        shared.rawset("n", 1L);
        LuaTable t = new LuaTable();
        t.rawset("a", shared);
        t.rawset("b", shared);
        t.rawset("self", t);
        t.rawsetInt(1, "x");
        LuaTable mt = new LuaTable();
        mt.rawset("__name", "thing");
        t.setMetatable(mt);

        LuaTable copy = (LuaTable) Payloads.export(t);
        assertThat(copy).isNotSameAs(t);
        assertThat(copy.rawget("self")).isSameAs(copy);
        assertThat(copy.rawget("a")).isSameAs(copy.rawget("b")).isNotSameAs(shared);
        assertThat(((LuaTable) copy.rawget("a")).rawget("n")).isEqualTo(1L);
        assertThat(copy.rawgetInt(1)).isEqualTo("x");
        assertThat(copy.getMetatable()).isNotSameAs(mt);
        assertThat(copy.getMetatable().rawget("__name")).isEqualTo("thing");
        shared.rawset("n", 2L);
        assertThat(((LuaTable) copy.rawget("a")).rawget("n")).isEqualTo(1L);
    }

    @Test
    void frozenMetatablesAreSharedNotCopied() {
        LuaTable mt = new LuaTable().freeze();
        LuaTable t = new LuaTable();
        t.setMetatable(mt);
        assertThat(((LuaTable) Payloads.export(t)).getMetatable()).isSameAs(mt);
    }

    @Test
    void userdataArriveAsNilButErrorObjectsAndFunctionsAreKept() {
        LuaUserdata err = LuaErrors.object(ProcessError.of(ErrorKind.NOT_FOUND, "gone"));
        JavaFunction fn = JavaFunction.of("f", (s, a) -> JavaFunction.NONE);
        LuaTable t = new LuaTable();
        t.rawset("ch", new LuaUserdata(new Object(), new LuaTable()));
        t.rawset("err", err);
        t.rawset("fn", fn);
        LuaTable copy = (LuaTable) Payloads.export(t);
        assertThat(copy.rawget("ch")).isNull();
        assertThat(copy.rawget("err")).isSameAs(err);
        assertThat(copy.rawget("fn")).isSameAs(fn);
    }

    @Test
    void exportAllSharesOneIdentityMapAcrossArguments() {
        LuaTable shared = new LuaTable();
        Object[] out = Payloads.exportAll(new Object[] {"dest", "topic", shared, shared}, 2);
        assertThat(out).hasSize(2);
        assertThat(out[0]).isSameAs(out[1]).isNotSameAs(shared);
    }

    @Test
    void javaValuesBecomeLuaValues() {
        LuaTable t = (LuaTable) Payloads.fromJava(List.of("é", 2, Map.of("k", true)));
        assertThat(t.rawgetInt(1)).isEqualTo("\u00c3\u00a9");   // UTF-8 bytes, one char each
        assertThat(t.rawgetInt(2)).isEqualTo(2L);
        assertThat(((LuaTable) t.rawgetInt(3)).rawget("k")).isEqualTo(true);
        assertThat(Payloads.toLua(new Pid("", "h", 1))).isEqualTo("{h|0x00001}");
        assertThat(Payloads.toLua(Instant.ofEpochSecond(7))).isEqualTo(7L);
        assertThat(LuaErrors.unwrap(Payloads.toLua(ProcessError.of(ErrorKind.INVALID, "x"))).message()).isEqualTo("x");
        assertThat(Payloads.toLua("\u00c3\u00a9")).isEqualTo("\u00c3\u00a9");   // Lua strings are not encoded twice
    }
}
