package dev.trellis.lua;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts values between Java and Lua at the embedding boundary. Java text becomes a Lua string
 * by UTF-8 encoding (one char per byte) and back; Java integers become Lua integers, other numbers
 * floats; maps and lists become tables.
 *
 * <pre>{@code
 * Object lua = LuaConvert.toLua(Map.of("name", "Grüße", "n", 3));  // a LuaTable
 * Object java = LuaConvert.toJava(lua);                           // {name=Grüße, n=3}
 * }</pre>
 */
public final class LuaConvert {
    private LuaConvert() {}

    /** A Lua value for a Java value; Lua values (tables, functions, ...) pass through. */
    public static Object toLua(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double) return v;
        if (v instanceof String s) return LuaStrings.fromJava(s);
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return LuaValues.valueOf(((Number) v).longValue());
        if (v instanceof Float f) return (double) f;
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Character c) return LuaStrings.fromJava(String.valueOf(c));
        if (v instanceof byte[] bytes) return LuaStrings.fromBytes(bytes);
        if (v instanceof Map<?, ?> m) {
            LuaTable t = new LuaTable(0, m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) t.rawset(toLua(e.getKey()), toLua(e.getValue()));
            return t;
        }
        if (v instanceof List<?> list) {
            LuaTable t = new LuaTable(list.size(), 0);
            for (int i = 0; i < list.size(); i++) t.rawsetInt(i + 1, toLua(list.get(i)));
            return t;
        }
        if (v instanceof Object[] arr) return toLua(List.of(arr));
        return v;
    }

    /**
     * A copy of a Lua value for another state (a message between processes): tables are copied
     * deeply (shared and cyclic references stay shared within the copy, metatables are dropped),
     * strings, numbers and booleans are immutable and kept, and functions, coroutines and
     * userdata become nil.
     */
    public static Object deepCopy(Object v) {
        return deepCopy(v, new java.util.IdentityHashMap<>());
    }

    private static Object deepCopy(Object v, Map<LuaTable, LuaTable> seen) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
        if (!(v instanceof LuaTable t)) return null;
        LuaTable done = seen.get(t);
        if (done != null) return done;
        LuaTable copy = new LuaTable();
        seen.put(t, copy);
        Object[] kv = new Object[2];
        for (Object k = null; t.next(k, kv); k = kv[0]) {
            Object key = deepCopy(kv[0], seen);
            if (key != null) copy.rawset(key, deepCopy(kv[1], seen));
        }
        return copy;
    }

    /**
     * A Java value for a Lua value: strings decoded as UTF-8, tables holding only 1..n as a
     * {@link List}, other tables as a {@link Map} (insertion order of traversal), everything else
     * as it is. Cyclic tables are converted once (a cycle refers back to the same Java object).
     */
    public static Object toJava(Object v) {
        return toJava(v, new java.util.IdentityHashMap<>());
    }

    private static Object toJava(Object v, Map<Object, Object> seen) {
        if (v instanceof String s) return LuaStrings.toJava(s);
        if (!(v instanceof LuaTable t)) return v;
        Object done = seen.get(t);
        if (done != null) return done;
        long n = t.length();
        Object[] kv = new Object[2];
        int count = 0;
        for (Object k = null; t.next(k, kv); k = kv[0]) count++;
        if (count == n && n > 0) {
            List<Object> list = new ArrayList<>((int) n);
            seen.put(t, list);
            for (long i = 1; i <= n; i++) list.add(toJava(t.rawgetInt(i), seen));
            return list;
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        seen.put(t, map);
        for (Object k = null; t.next(k, kv); k = kv[0]) map.put(toJava(kv[0], seen), toJava(kv[1], seen));
        return map;
    }
}
