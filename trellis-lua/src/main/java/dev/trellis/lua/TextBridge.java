package dev.trellis.lua;

import static dev.trellis.lua.LuaArgs.*;
import static dev.trellis.lua.StandardLibrary.fn;

import dev.trellis.lua.lib.text.LuaPattern;
import dev.trellis.lua.lib.text.LuaTextError;
import dev.trellis.lua.lib.text.OsDate;
import dev.trellis.lua.lib.text.StringFormat;
import dev.trellis.lua.lib.text.StringPack;
import dev.trellis.lua.lib.text.ValueOps;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wires the pure text algorithms of {@code dev.trellis.lua.lib.text} (patterns, format, pack,
 * utf8, os.date/os.time) into the Lua libraries: converts arguments, turns their
 * {@link LuaTextError}s into Lua errors with PUC's wording, and gives them the VM's
 * {@code tostring} (with {@code __tostring}) through {@link ValueOps}.
 */
final class TextBridge {
    private TextBridge() {}

    /** ValueOps over a state: tostring honours __tostring/__name. */
    static ValueOps ops(LuaState L) {
        return new ValueOps() {
            @Override
            public String tostring(Object v) {
                return BaseLib.tostring(L, v);
            }

            @Override
            public String typeName(Object v) {
                LuaTable mt = Metamethods.metatable(L, v);
                if (mt != null && mt.rawgetStr("__name") instanceof String n) return n;
                return LuaValues.typeName(v);
            }
        };
    }

    /** Runs a text algorithm, converting its errors for function {@code fname}. */
    static <T> T guard(String fname, Supplier<T> body) {
        try {
            return body.get();
        } catch (LuaTextError e) {
            if (e.argument() == 0) throw LuaError.runtime(e.message());
            throw LuaError.runtime("bad argument #" + e.argument() + " to '" + fname + "' (" + e.message() + ")");
        }
    }

    private static Object[] orNil(Object[] r) {
        return r == null ? new Object[] {null} : r;
    }

    static void installString(LuaTable t) {
        fn(t, "find", (L, a) -> {
            String s = checkString(a, 0, "find"), p = checkString(a, 1, "find");
            long init = optInteger(a, 2, "find", 1);
            boolean plain = LuaValues.isTruthy(arg(a, 3));
            return guard("find", () -> orNil(LuaPattern.find(s, p, init, plain)));
        });
        fn(t, "match", (L, a) -> {
            String s = checkString(a, 0, "match"), p = checkString(a, 1, "match");
            long init = optInteger(a, 2, "match", 1);
            return guard("match", () -> orNil(LuaPattern.match(s, p, init)));
        });
        fn(t, "gmatch", (L, a) -> {
            String s = checkString(a, 0, "gmatch"), p = checkString(a, 1, "gmatch");
            long init = optInteger(a, 2, "gmatch", 1);
            LuaPattern.GMatch it = guard("gmatch", () -> LuaPattern.gmatch(s, p, init));
            return new Object[] {JavaFunction.of("gmatch_iterator", (L2, a2) -> guard("gmatch", () -> orNil(it.next())))};
        });
        fn(t, "gsub", (L, a) -> {
            String s = checkString(a, 0, "gsub"), p = checkString(a, 1, "gsub");
            Object repl = arg(a, 2);
            long maxN = arg(a, 3) == null ? Long.MAX_VALUE : checkInteger(a, 3, "gsub");
            LuaPattern.GsubResult r;
            if (repl instanceof String || repl instanceof Long || repl instanceof Double) {
                String rs = LuaValues.tostring(repl);
                r = guard("gsub", () -> LuaPattern.gsub(s, p, rs, maxN));
            } else if (repl instanceof LuaTable || repl instanceof LuaFunction) {
                LuaPattern.Replacement rep = repl instanceof LuaTable tbl
                        ? caps -> Metamethods.index(L, tbl, caps[0])
                        : caps -> Metamethods.first(L.call(repl, caps));
                r = guard("gsub", () -> LuaPattern.gsub(s, p, rep, ops(L), maxN));
            } else {
                throw typeError(a, 2, "gsub", "string/function/table");
            }
            return new Object[] {r.result(), LuaValues.valueOf(r.count())};
        });
        fn(t, "format", (L, a) -> {
            String f = checkString(a, 0, "format");
            Object[] rest = new Object[a.length - 1];
            System.arraycopy(a, 1, rest, 0, rest.length);
            return new Object[] {guard("format", () -> StringFormat.format(ops(L), f, rest))};
        });
        fn(t, "pack", (L, a) -> {
            String f = checkString(a, 0, "pack");
            Object[] rest = new Object[a.length - 1];
            System.arraycopy(a, 1, rest, 0, rest.length);
            return new Object[] {guard("pack", () -> StringPack.pack(ops(L), f, rest))};
        });
        fn(t, "packsize", (L, a) -> {
            String f = checkString(a, 0, "packsize");
            return new Object[] {LuaValues.valueOf(guard("packsize", () -> StringPack.packsize(f)))};
        });
        fn(t, "unpack", (L, a) -> {
            String f = checkString(a, 0, "unpack"), data = checkString(a, 1, "unpack");
            long init = optInteger(a, 2, "unpack", 1);
            return guard("unpack", () -> StringPack.unpack(f, data, init));
        });
    }

    // ---------------------------------------------------------------- os.date / os.time

    static Object date(String fmt, long time) {
        Object r = guard("date", () -> OsDate.date(fmt, time));
        if (r instanceof Map<?, ?> m) return toTable(m);
        return r;
    }

    static Object[] time(LuaState L, LuaTable t) {
        OsDate.Normalized n = guard("time", () -> OsDate.time(key -> Metamethods.index(L, t, key)));
        for (Map.Entry<String, Object> e : n.fields().entrySet()) t.rawset(e.getKey(), e.getValue());
        return new Object[] {LuaValues.valueOf(n.time())};
    }

    static LuaTable toTable(Map<?, ?> m) {
        LuaTable t = new LuaTable(0, m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) t.rawset(e.getKey(), e.getValue());
        return t;
    }
}
