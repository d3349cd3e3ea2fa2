package dev.trellis.runtime.lua;

import dev.trellis.core.Pid;
import dev.trellis.core.ProcessError;
import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How values cross between processes (docs/process-model.md, Payloads): {@link #export}
 * deep-copies what a Lua process sends, spawns with, or returns; {@link #toLua} turns what arrives
 * (a Lua copy, or a Java value from a Java process) into a Lua value; {@link #fromJava} does the
 * same for text that comes from Java (YAML, the command line), encoding its strings.
 *
 * <pre>{@code
 * Object copy = Payloads.export(table);   // fresh tables: cycles and shared refs kept, metatables copied
 * proc.send(pid, "topic", copy);          // the receiver gets the copy itself, no second copy
 * Object lua = Payloads.toLua(List.of("a", 1));   // {"a", 1}
 * }</pre>
 *
 * <p>Copy rules: strings, numbers and booleans by value; tables recursively (one copy per source
 * table, so cycles and shared references keep their shape; a metatable is copied the same way
 * unless it is frozen, when it is shared); error objects are kept (immutable); host functions
 * (the shared library's, stateless) are kept; Lua functions, channels, other userdata and
 * coroutines become nil. A table whose key becomes nil loses that entry.
 *
 * <p>Why Lua functions become nil (a Trellis decision; Wippy passes them by reference): a closure
 * carries its upvalues and its {@code _ENV}, the sender's globals table; calling it in the receiver
 * would read and write the sender's state from another thread, with no synchronisation. So a
 * copied metatable keeps its table-valued fields ({@code __index = Methods} works) but loses its
 * function-valued ones ({@code __index = function ... end} does not).
 *
 * <p>Thread-safety: stateless; {@link #export} must run on the thread that owns the source values.
 * Strings are Lua strings (one char per byte): {@link #toLua} keeps them as they are (Java processes
 * sending to Lua processes should send ASCII or {@code LuaStrings.fromJava} text).
 */
public final class Payloads {

    private Payloads() {
    }

    /** {@return a deep copy of a Lua value that is safe to hand to another process} */
    public static Object export(Object v) {
        if (v instanceof LuaTable t) {
            return copyTable(t, new IdentityHashMap<>());
        }
        return exportScalar(v);
    }

    /** {@return copies of every value, each exported as by {@link #export}, sharing one identity map} */
    public static Object[] exportAll(Object[] values, int from) {
        int n = Math.max(0, values.length - from);
        Object[] out = new Object[n];
        IdentityHashMap<LuaTable, LuaTable> seen = null;
        for (int i = 0; i < n; i++) {
            Object v = values[from + i];
            if (v instanceof LuaTable t) {
                if (seen == null) {
                    seen = new IdentityHashMap<>();
                }
                out[i] = copyTable(t, seen);
            } else {
                out[i] = exportScalar(v);
            }
        }
        return out;
    }

    private static Object exportScalar(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (LuaErrors.isErrorObject(v) || v instanceof JavaFunction) {
            return v;   // error objects are immutable; host functions are stateless and shared
        }
        return null;   // Lua functions (they share the sender's state), channels, other userdata, coroutines
    }

    private static LuaTable copyTable(LuaTable src, IdentityHashMap<LuaTable, LuaTable> seen) {
        LuaTable done = seen.get(src);
        if (done != null) {
            return done;
        }
        LuaTable dst = new LuaTable();
        seen.put(src, dst);
        Object[] kv = new Object[2];
        for (Object k = null; src.next(k, kv); k = kv[0]) {
            Object key = kv[0] instanceof LuaTable kt ? copyTable(kt, seen) : exportScalar(kv[0]);
            if (key == null) {
                continue;
            }
            Object val = kv[1] instanceof LuaTable vt ? copyTable(vt, seen) : exportScalar(kv[1]);
            if (val != null) {
                dst.rawset(key, val);
            }
        }
        LuaTable mt = src.getMetatable();
        if (mt != null) {
            dst.setMetatable(mt.isReadOnly() ? mt : copyTable(mt, seen));
        }
        return dst;
    }

    /**
     * {@return the Lua value for something that arrived from another process or from Java: Lua
     * values as they are; Java strings encoded; ints widened; lists and maps as tables; a pid as
     * its string; an instant as Unix seconds; a core error as an error object}
     */
    public static Object toLua(Object v) {
        return convert(v, false);
    }

    /** {@return like {@link #toLua}, but Java strings (command-line arguments, YAML values) are encoded as UTF-8} */
    public static Object fromJava(Object v) {
        return convert(v, true);
    }

    private static Object convert(Object v, boolean encode) {
        if (v == null || v instanceof LuaTable || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof LuaUserdata) {
            return v;
        }
        if (v instanceof String s) {
            return encode ? LuaStrings.fromJava(s) : s;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Pid pid) {
            return pid.toString();
        }
        if (v instanceof Instant at) {
            return at.getEpochSecond();
        }
        if (v instanceof ProcessError e) {
            return LuaErrors.object(e);
        }
        if (v instanceof List<?> list) {
            LuaTable t = new LuaTable(list.size(), 0);
            long i = 1;
            for (Object e : list) {
                t.rawsetInt(i++, convert(e, encode));
            }
            return t;
        }
        if (v instanceof Map<?, ?> map) {
            LuaTable t = new LuaTable(0, map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object key = convert(e.getKey(), encode);
                if (key != null) {
                    t.rawset(key, convert(e.getValue(), encode));
                }
            }
            return t;
        }
        return LuaStrings.fromJava(String.valueOf(v));
    }

    /** {@return each value converted by {@link #toLua}} */
    public static Object[] toLuaAll(List<Object> values) {
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toLua(values.get(i));
        }
        return out;
    }

    /** {@return each value converted by {@link #fromJava}} */
    public static Object[] fromJavaAll(List<?> values) {
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fromJava(values.get(i));
        }
        return out;
    }
}
