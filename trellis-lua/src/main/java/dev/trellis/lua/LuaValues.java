package dev.trellis.lua;

/**
 * Type names, raw conversions and number&lt;-&gt;string rules of Lua 5.4 over the Trellis value
 * representation (nil = null, Boolean, Long, Double, byte-per-char String, LuaTable, LuaFunction,
 * Coroutine, LuaUserdata).
 *
 * <pre>{@code
 * LuaValues.typeName(3L);          // "number"
 * LuaValues.tostring(10.0);        // "10.0"
 * LuaValues.toNumber("0x10");      // 16L
 * }</pre>
 */
public final class LuaValues {
    private LuaValues() {}

    private static final Long[] SMALL = new Long[1024 + 128];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = (long) (i - 128);
        }
    }

    /** A boxed integer, shared for small values. */
    public static Long valueOf(long v) {
        if (v >= -128 && v < 1024) {
            return SMALL[(int) v + 128];
        }
        return v;
    }

    /** The Lua type name of a value: "nil", "boolean", "number", "string", "table", ... */
    public static String typeName(Object v) {
        if (v == null) return "nil";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Long || v instanceof Double) return "number";
        if (v instanceof String) return "string";
        if (v instanceof LuaTable) return "table";
        if (v instanceof LuaFunction) return "function";
        if (v instanceof Coroutine) return "thread";
        return "userdata";
    }

    /** Lua truth: everything but nil and false. */
    public static boolean isTruthy(Object v) {
        return v != null && v != Boolean.FALSE;
    }

    /** Raw equality (no {@code __eq}): numbers compare by mathematical value. */
    public static boolean rawEquals(Object a, Object b) {
        if (a == b) return !(a instanceof Double d && d.isNaN());
        if (a == null || b == null) return false;
        if (a instanceof Long x) {
            if (b instanceof Long y) return x.longValue() == y.longValue();
            if (b instanceof Double y) return x.equals(Arith.exactLong(y));
            return false;
        }
        if (a instanceof Double x) {
            if (b instanceof Double y) return x.doubleValue() == y.doubleValue();
            if (b instanceof Long y) return y.equals(Arith.exactLong(x));
            return false;
        }
        if (a instanceof String s) return s.equals(b);
        if (a instanceof Boolean) return a.equals(b);
        return false;
    }

    /** Raw string conversion (no {@code __tostring}), as PUC Lua prints values. */
    public static String tostring(Object v) {
        if (v == null) return "nil";
        if (v instanceof String s) return s;
        if (v instanceof Long l) return Long.toString(l);
        if (v instanceof Double d) return formatFloat(d);
        if (v instanceof Boolean b) return b ? "true" : "false";
        if (v instanceof LuaTable t) return "table: " + address(t);
        if (v instanceof LuaFunction f) return "function: " + address(f);
        if (v instanceof Coroutine c) return "thread: " + address(c);
        return "userdata: " + address(v);
    }

    static String address(Object o) {
        return String.format("0x%08x", System.identityHashCode(o));
    }

    /** Formats a float as Lua 5.4 does: "%.14g", plus ".0" when it looks like an integer. */
    public static String formatFloat(double d) {
        if (d == (long) d && Math.abs(d) < 1e14) {
            if (d == 0 && 1 / d < 0) return "-0.0";
            return (long) d + ".0";
        }
        if (Double.isNaN(d)) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-nan" : "nan";
        }
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        return dev.trellis.lua.lib.text.LuaNumbers.tostring(d);
    }

    /**
     * Converts a string to a Lua number following {@code lua_stringtonumber}: decimal and hex
     * integers (hex wraps around), floats, hex floats; surrounding spaces allowed. Null when the
     * string is not a numeral.
     */
    public static Object toNumber(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isSpace(s.charAt(i))) i++;
        int end = n;
        while (end > i && isSpace(s.charAt(end - 1))) end--;
        if (i >= end) return null;
        boolean neg = false;
        int p = i;
        char c0 = s.charAt(p);
        if (c0 == '-' || c0 == '+') {
            neg = c0 == '-';
            p++;
        }
        if (p + 1 < end && s.charAt(p) == '0' && (s.charAt(p + 1) == 'x' || s.charAt(p + 1) == 'X')) {
            return parseHex(s, p + 2, end, neg);
        }
        // decimal
        int q = p;
        boolean digits = false;
        long acc = 0;
        boolean overflow = false;
        while (q < end && isDigit(s.charAt(q))) {
            int d = s.charAt(q) - '0';
            if (acc > (Long.MAX_VALUE - d) / 10) overflow = true;
            else acc = acc * 10 + d;
            digits = true;
            q++;
        }
        if (q == end && digits && !overflow) {
            return valueOf(neg ? -acc : acc);
        }
        if (q == end && digits && neg && isMinLong(s, p, end)) {
            return Long.MIN_VALUE;
        }
        // float syntax: digits [. digits] [e [sign] digits]
        if (q < end && s.charAt(q) == '.') {
            q++;
            while (q < end && isDigit(s.charAt(q))) {
                q++;
                digits = true;
            }
        }
        if (!digits) return null;
        if (q < end && (s.charAt(q) == 'e' || s.charAt(q) == 'E')) {
            q++;
            if (q < end && (s.charAt(q) == '+' || s.charAt(q) == '-')) q++;
            if (q >= end || !isDigit(s.charAt(q))) return null;
            while (q < end && isDigit(s.charAt(q))) q++;
        }
        if (q != end) return null;
        try {
            return Double.parseDouble(s.substring(i, end));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isMinLong(String s, int p, int end) {
        return s.substring(p, end).equals("9223372036854775808");
    }

    private static Object parseHex(String s, int p, int end, boolean neg) {
        long mant = 0;
        int exp = 0;
        boolean any = false;
        boolean isFloat = false;
        double fm = 0;
        int q = p;
        while (q < end && Character.digit(s.charAt(q), 16) >= 0) {
            int d = Character.digit(s.charAt(q), 16);
            mant = mant * 16 + d;
            fm = fm * 16 + d;
            any = true;
            q++;
        }
        if (q < end && s.charAt(q) == '.') {
            isFloat = true;
            q++;
            while (q < end && Character.digit(s.charAt(q), 16) >= 0) {
                fm = fm * 16 + Character.digit(s.charAt(q), 16);
                exp -= 4;
                any = true;
                q++;
            }
        }
        if (!any) return null;
        if (q < end && (s.charAt(q) == 'p' || s.charAt(q) == 'P')) {
            isFloat = true;
            q++;
            boolean eneg = false;
            if (q < end && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
                eneg = s.charAt(q) == '-';
                q++;
            }
            if (q >= end || !isDigit(s.charAt(q))) return null;
            int e = 0;
            while (q < end && isDigit(s.charAt(q))) {
                e = Math.min(e * 10 + (s.charAt(q) - '0'), 100000);
                q++;
            }
            exp += eneg ? -e : e;
        }
        if (q != end) return null;
        if (!isFloat) return valueOf(neg ? -mant : mant);
        double v = fm * Math.pow(2, exp);
        return neg ? -v : v;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
