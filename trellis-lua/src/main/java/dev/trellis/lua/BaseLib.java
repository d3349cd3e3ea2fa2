package dev.trellis.lua;

import static dev.trellis.lua.LuaArgs.*;
import static dev.trellis.lua.StandardLibrary.fn;

import java.io.PrintStream;

/**
 * The base library: print, type, tostring, tonumber, pairs, ipairs, next, select, raw*,
 * setmetatable, getmetatable, assert, error, pcall, xpcall, load, unpack, require, collectgarbage.
 */
final class BaseLib {
    private BaseLib() {}

    static final JavaFunction NEXT = JavaFunction.of("next", (L, a) -> {
        LuaTable t = checkTable(a, 0, "next");
        Object[] kv = new Object[2];
        if (t.next(arg(a, 1), kv)) return kv;
        return new Object[] {null};
    });

    static final JavaFunction IPAIRS_ITER = JavaFunction.of("ipairs_iterator", (L, a) -> {
        long i = (Long) a[1] + 1;
        Object t = a[0];
        Object v = t instanceof LuaTable tt && tt.getMetatable() == null ? tt.rawgetInt(i) : Metamethods.index(L, t, i);
        if (v == null) return new Object[] {null};
        return new Object[] {LuaValues.valueOf(i), v};
    });

    static void install(LuaTable g) {
        g.rawset("_VERSION", "Lua 5.4");
        fn(g, "print", (L, a) -> {
            PrintStream out = L.output();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append('\t');
                sb.append(tostring(L, a[i]));
            }
            sb.append('\n');
            String s = sb.toString();
            byte[] bytes = new byte[s.length()];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) s.charAt(i);
            out.write(bytes, 0, bytes.length);
            out.flush();
            return JavaFunction.NONE;
        });
        fn(g, "type", (L, a) -> {
            checkAny(a, 0, "type");
            return new Object[] {LuaValues.typeName(a[0])};
        });
        fn(g, "tostring", (L, a) -> {
            checkAny(a, 0, "tostring");
            return new Object[] {tostring(L, a[0])};
        });
        fn(g, "tonumber", BaseLib::tonumber);
        fn(g, "ipairs", (L, a) -> {
            checkAny(a, 0, "ipairs");
            return new Object[] {IPAIRS_ITER, a[0], 0L};
        });
        g.rawset("next", NEXT);
        fn(g, "pairs", (L, a) -> {
            checkAny(a, 0, "pairs");
            Object mm = Metamethods.get(L, a[0], "__pairs");
            if (mm != null) {
                Object[] r = L.call(mm, a[0]);
                return new Object[] {arg(r, 0), arg(r, 1), arg(r, 2)};
            }
            checkTable(a, 0, "pairs");
            return new Object[] {NEXT, a[0], null};
        });
        fn(g, "select", (L, a) -> {
            Object n = arg(a, 0);
            if ("#".equals(n)) return new Object[] {LuaValues.valueOf(a.length - 1)};
            long i = checkInteger(a, 0, "select");
            if (i < 0) i = a.length + i;
            else if (i == 0) throw argError(0, "select", "index out of range");
            if (i < 0) throw argError(0, "select", "index out of range");
            if (i >= a.length) return JavaFunction.NONE;
            Object[] r = new Object[a.length - (int) i];
            System.arraycopy(a, (int) i, r, 0, r.length);
            return r;
        });
        fn(g, "rawget", (L, a) -> new Object[] {checkTable(a, 0, "rawget").rawget(arg(a, 1))});
        fn(g, "rawset", (L, a) -> {
            LuaTable t = checkTable(a, 0, "rawset");
            checkAny(a, 1, "rawset");
            checkAny(a, 2, "rawset");
            t.rawset(a[1], a[2]);
            return new Object[] {t};
        });
        fn(g, "rawequal", (L, a) -> {
            checkAny(a, 0, "rawequal");
            checkAny(a, 1, "rawequal");
            return new Object[] {LuaValues.rawEquals(a[0], a[1])};
        });
        fn(g, "rawlen", (L, a) -> {
            Object v = arg(a, 0);
            if (v instanceof LuaTable t) return new Object[] {LuaValues.valueOf(t.length())};
            if (v instanceof String s) return new Object[] {LuaValues.valueOf(s.length())};
            throw typeError(a, 0, "rawlen", "table or string");
        });
        fn(g, "setmetatable", (L, a) -> {
            LuaTable t = checkTable(a, 0, "setmetatable");
            Object mt = arg(a, 1);
            if (a.length < 2 || mt != null && !(mt instanceof LuaTable)) {
                throw typeError(a, 1, "setmetatable", "nil or table");
            }
            LuaTable old = t.getMetatable();
            if (old != null && old.rawgetStr("__metatable") != null) {
                throw LuaError.runtime("cannot change a protected metatable");
            }
            if (L.isLibraryBacked(t)) L.detachGlobals(); // _G gets a metatable of its own
            t.setMetatable((LuaTable) mt);
            return new Object[] {t};
        });
        fn(g, "getmetatable", (L, a) -> {
            checkAny(a, 0, "getmetatable");
            LuaTable mt = Metamethods.metatable(L, a[0]);
            if (mt == null || mt == L.library.globalsMetatable) return new Object[] {null};
            Object protect = mt.rawgetStr("__metatable");
            return new Object[] {protect != null ? protect : mt};
        });
        fn(g, "assert", (L, a) -> {
            checkAny(a, 0, "assert");
            if (LuaValues.isTruthy(a[0])) return a;
            Object msg = a.length < 2 ? "assertion failed!" : a[1];
            if (msg instanceof String s) msg = Errors.where(L.running(), 1) + s;
            throw new LuaError(msg);
        });
        fn(g, "error", (L, a) -> {
            Object v = arg(a, 0);
            long level = optInteger(a, 1, "error", 1);
            if (v instanceof String s && level > 0) {
                v = Errors.where(L.running(), (int) level) + s;
            }
            throw new LuaError(v);
        });
        g.rawset("pcall", ProtectedCall.PCALL);
        g.rawset("xpcall", ProtectedCall.XPCALL);
        fn(g, "load", BaseLib::load);
        g.rawset("unpack", TableLib.UNPACK);
        fn(g, "require", BaseLib::require);
        fn(g, "collectgarbage", (L, a) -> {
            String opt = optString(a, 0, "collectgarbage", "collect");
            return switch (opt) {
                case "count" -> {
                    Runtime rt = Runtime.getRuntime();
                    double kb = (rt.totalMemory() - rt.freeMemory()) / 1024.0;
                    yield new Object[] {kb, 0L};
                }
                case "collect", "step", "incremental", "generational" -> new Object[] {0L};
                case "isrunning" -> new Object[] {Boolean.TRUE};
                case "stop", "restart", "setpause", "setstepmul" -> new Object[] {0L};
                default -> throw argError(0, "collectgarbage", "invalid option '" + opt + "'");
            };
        });
    }

    /** tostring with __tostring and __name, as the base library does it. */
    static String tostring(LuaState L, Object v) {
        LuaTable mt = Metamethods.metatable(L, v);
        if (mt != null && !(v instanceof String)) {
            Object mm = mt.rawgetStr("__tostring");
            if (mm != null) {
                Object r = Metamethods.first(L.call(mm, v));
                if (!(r instanceof String s)) {
                    if (r instanceof Long || r instanceof Double) return LuaValues.tostring(r);
                    throw new LuaError("'__tostring' must return a string");
                }
                return s;
            }
            if (mt.rawgetStr("__name") instanceof String name) {
                return name + ": " + LuaValues.address(v);
            }
        }
        return LuaValues.tostring(v);
    }

    private static Object[] tonumber(LuaState L, Object[] a) {
        if (arg(a, 1) == null) {
            checkAny(a, 0, "tonumber");
            Object v = a[0];
            if (v instanceof Long || v instanceof Double) return new Object[] {v};
            if (v instanceof String s) return new Object[] {LuaValues.toNumber(s)};
            return new Object[] {null};
        }
        long base = checkInteger(a, 1, "tonumber");
        Object v = arg(a, 0);
        if (!(v instanceof String)) throw typeError(a, 0, "tonumber", "string");
        String s = ((String) v).trim();
        if (base < 2 || base > 36) throw argError(1, "tonumber", "base out of range");
        boolean neg = false;
        int i = 0;
        if (s.startsWith("-")) {
            neg = true;
            i = 1;
        }
        if (i >= s.length()) return new Object[] {null};
        long n = 0;
        for (; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), (int) base);
            if (d < 0) return new Object[] {null};
            n = n * base + d;
        }
        return new Object[] {LuaValues.valueOf(neg ? -n : n)};
    }

    private static Object[] load(LuaState L, Object[] a) {
        Object chunk = arg(a, 0);
        String text;
        String defaultName;
        if (chunk instanceof String s) {
            text = s;
            defaultName = s;
        } else if (chunk instanceof LuaFunction f) {
            StringBuilder sb = new StringBuilder();
            while (true) {
                Object piece = Metamethods.first(L.call(f));
                if (piece == null || piece instanceof String p && p.isEmpty()) break;
                if (!(piece instanceof String p)) return new Object[] {null, "reader function must return a string"};
                sb.append(p);
            }
            text = sb.toString();
            defaultName = "=(load)";
        } else {
            throw typeError(a, 0, "load", "string");
        }
        String name = optString(a, 1, "load", defaultName);
        String mode = optString(a, 2, "load", "bt");
        if (text.startsWith("\033")) {
            if (mode.indexOf('b') < 0) return new Object[] {null, "attempt to load a binary chunk (mode is '" + mode + "')"};
            String shown = name.startsWith("=") || name.startsWith("@") ? name.substring(1) : name.startsWith("\033") ? "binary string" : name;
            return new Object[] {null, shown + ": bad binary format (truncated chunk)"};
        }
        if (mode.indexOf('t') < 0) {
            return new Object[] {null, "attempt to load a text chunk (mode is '" + mode + "')"};
        }
        try {
            Prototype p = LuaState.compileBytes(text, name);
            Object env = a.length > 3 ? a[3] : L.globals();
            return new Object[] {L.load(p, env)};
        } catch (LuaError e) {
            return new Object[] {null, e.value()};
        }
    }

    private static Object[] require(LuaState L, Object[] a) {
        String name = checkString(a, 0, "require");
        LuaTable loaded = L.loadedTable();
        Object v = loaded.rawget(name);
        if (v != null) return new Object[] {v};
        LuaState.ModuleLoader loader = L.moduleLoader();
        Object module = loader == null ? null : loader.load(L, name);
        if (module == null) {
            throw LuaError.runtime("module '" + name + "' not found");
        }
        if (module instanceof LuaFunction f) {
            Object r = Metamethods.first(L.call(f, name));
            module = r == null ? Boolean.TRUE : r;
        }
        loaded.rawset(name, module);
        return new Object[] {module};
    }
}
