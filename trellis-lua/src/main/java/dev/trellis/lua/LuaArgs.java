package dev.trellis.lua;

/**
 * Argument checks for Java functions, with PUC Lua's messages:
 * {@code bad argument #1 to 'insert' (table expected, got nil)}. Indices are 0-based here and
 * reported 1-based.
 *
 * <pre>{@code
 * long n = LuaArgs.checkInteger(args, 1, "rep");
 * String sep = LuaArgs.optString(args, 2, "rep", "");
 * }</pre>
 */
public final class LuaArgs {
    private LuaArgs() {}

    public static Object arg(Object[] args, int i) {
        return i < args.length ? args[i] : null;
    }

    public static LuaError argError(int i, String fname, String msg) {
        return LuaError.runtime("bad argument #" + (i + 1) + " to '" + fname + "' (" + msg + ")");
    }

    public static LuaError typeError(Object[] args, int i, String fname, String expected) {
        String got = i >= args.length ? "no value" : typeNameWithMeta(args[i]);
        return argError(i, fname, expected + " expected, got " + got);
    }

    private static String typeNameWithMeta(Object v) {
        LuaTable mt = v instanceof LuaTable t ? t.getMetatable() : v instanceof LuaUserdata u ? u.getMetatable() : null;
        if (mt != null && mt.rawgetStr("__name") instanceof String n) return n;
        return LuaValues.typeName(v);
    }

    public static void checkAny(Object[] args, int i, String fname) {
        if (i >= args.length) throw argError(i, fname, "value expected");
    }

    public static LuaTable checkTable(Object[] args, int i, String fname) {
        if (arg(args, i) instanceof LuaTable t) return t;
        throw typeError(args, i, fname, "table");
    }

    public static long checkInteger(Object[] args, int i, String fname) {
        Object v = arg(args, i);
        if (v instanceof Long l) return l;
        if (v instanceof Double d) {
            Long l = Arith.exactLong(d);
            if (l == null) throw argError(i, fname, "number has no integer representation");
            return l;
        }
        if (v instanceof String s) {
            Object n = LuaValues.toNumber(s);
            if (n instanceof Long l) return l;
            if (n instanceof Double d) {
                Long l = Arith.exactLong(d);
                if (l == null) throw argError(i, fname, "number has no integer representation");
                return l;
            }
        }
        throw typeError(args, i, fname, "number");
    }

    public static long optInteger(Object[] args, int i, String fname, long def) {
        return arg(args, i) == null ? def : checkInteger(args, i, fname);
    }

    /** A number (Long or Double); numeric strings are converted. */
    public static Object checkNumber(Object[] args, int i, String fname) {
        Object v = arg(args, i);
        if (v instanceof Long || v instanceof Double) return v;
        if (v instanceof String s) {
            Object n = LuaValues.toNumber(s);
            if (n != null) return n;
        }
        throw typeError(args, i, fname, "number");
    }

    public static double checkDouble(Object[] args, int i, String fname) {
        return Arith.toDouble(checkNumber(args, i, fname));
    }

    /** A string; numbers are converted as Lua converts them, a {@link TextValue} gives its text. */
    public static String checkString(Object[] args, int i, String fname) {
        Object v = arg(args, i);
        if (v instanceof String s) return s;
        if (v instanceof Long || v instanceof Double) return LuaValues.tostring(v);
        if (v instanceof TextValue t) return t.luaText();
        throw typeError(args, i, fname, "string");
    }

    public static String optString(Object[] args, int i, String fname, String def) {
        return arg(args, i) == null ? def : checkString(args, i, fname);
    }

    public static LuaFunction checkFunction(Object[] args, int i, String fname) {
        if (arg(args, i) instanceof LuaFunction f) return f;
        throw typeError(args, i, fname, "function");
    }
}
