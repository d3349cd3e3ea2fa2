package dev.trellis.lua.lib.text;

/**
 * Lua 5.4's conversions between numbers and strings, and between floats and integers.
 *
 * <pre>{@code
 * LuaNumbers.tostring(3.0);              // "3.0"
 * LuaNumbers.tostring(1e100);            // "1e+100"
 * LuaNumbers.stringToNumber(" 0x10 ");   // 16L
 * LuaNumbers.stringToNumber("1e2");      // 100.0
 * LuaNumbers.tonumber("ff", 16);         // 255L
 * LuaNumbers.floatToInteger(3.0);        // 3L   (exact only; 3.5 gives null)
 * }</pre>
 *
 * <p>Numbers are {@code Long} (integers) and {@code Double} (floats); strings hold one byte per
 * char. {@code stringToNumber} follows {@code lua_stringtonumber}: surrounding whitespace is
 * allowed, decimal integers that overflow become floats, hexadecimal integers wrap around,
 * hexadecimal floats take {@code p} exponents, and "inf"/"nan" are rejected. Floats print with
 * {@code "%.14g"} plus ".0" when the result looks like an integer, and as {@code inf}, {@code -inf},
 * {@code nan} or {@code -nan} (the sign bit of the NaN decides) as PUC Lua prints them on Linux.
 * Stateless and thread-safe.
 */
public final class LuaNumbers {
    private LuaNumbers() {
    }

    // ---------------------------------------------------------------- number -> string

    /** {@code tostring} of an integer. */
    public static String tostring(long n) {
        return Long.toString(n);
    }

    /** {@code tostring} of a float: {@code "%.14g"}, plus ".0" when it looks like an integer. */
    public static String tostring(double d) {
        String s = FloatFormatter.g14(d);
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c != '-' && (c < '0' || c > '9')) {
                return s;
            }
        }
        return s + ".0";
    }

    /** {@code tostring} of a Lua number ({@code Long} or {@code Double}). */
    public static String tostring(Number n) {
        return n instanceof Long l ? Long.toString(l) : tostring(n.doubleValue());
    }

    /** {@code tostring} of the plain values (nil, booleans, numbers, strings); other objects by class. */
    static String tostringPlain(Object v) {
        return switch (v) {
            case null -> "nil";
            case String s -> s;
            case Long l -> Long.toString(l);
            case Double d -> tostring(d);
            case Boolean b -> b ? "true" : "false";
            default -> typeName(v) + ": " + Integer.toHexString(System.identityHashCode(v));
        };
    }

    /** The Lua type name of the plain values; other objects by their simple class name, lower-cased. */
    static String typeName(Object v) {
        return switch (v) {
            case null -> "nil";
            case String s -> "string";
            case Long l -> "number";
            case Double d -> "number";
            case Boolean b -> "boolean";
            default -> v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        };
    }

    // ---------------------------------------------------------------- string -> number

    /**
     * {@code lua_stringtonumber}: the integer ({@code Long}) or float ({@code Double}) the whole
     * string denotes, or {@code null} if it is not a numeral.
     */
    public static Object stringToNumber(String s) {
        Long i = stringToInteger(s);
        if (i != null) {
            return i;
        }
        double d = stringToFloat(s);
        // a valid numeral is never NaN ("nan" is rejected), so NaN means "not a numeral"
        return Double.isNaN(d) ? null : (Object) d;
    }

    /** {@code l_str2int}: a decimal or hexadecimal integer numeral, or null. */
    static Long stringToInteger(String s) {
        int n = s.length();
        int i = skipSpaces(s, 0);
        boolean neg = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long a = 0;
        boolean empty = true;
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            i += 2;
            for (; i < n; i++) {
                int h = hexValue(s.charAt(i));
                if (h < 0) {
                    break;
                }
                a = a * 16 + h;
                empty = false;
            }
        } else {
            final long maxBy10 = Long.MAX_VALUE / 10;
            final int maxLastD = (int) (Long.MAX_VALUE % 10);
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                int d = c - '0';
                if (a >= maxBy10 && (a > maxBy10 || d > maxLastD + (neg ? 1 : 0))) {
                    return null; // overflow: not accepted as an integer
                }
                a = a * 10 + d;
                empty = false;
            }
        }
        i = skipSpaces(s, i);
        if (empty || i != n) {
            return null;
        }
        return neg ? -a : a;
    }

    /** {@code l_str2d}: a float numeral (decimal or hexadecimal), or NaN when it is not one. */
    static double stringToFloat(String s) {
        int n = s.length();
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c == 'n' || c == 'N') {
                return Double.NaN; // rejects 'inf' and 'nan'
            }
            if (c == '.' || c == 'x' || c == 'X') {
                break;
            }
        }
        int i = skipSpaces(s, 0);
        int start = i;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        double value;
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            int j = i + 2;
            int digits = 0;
            int mantStart = j;
            while (j < n && hexValue(s.charAt(j)) >= 0) {
                j++;
                digits++;
            }
            if (j < n && s.charAt(j) == '.') {
                j++;
                while (j < n && hexValue(s.charAt(j)) >= 0) {
                    j++;
                    digits++;
                }
            }
            if (digits == 0) {
                // strtod reads just the "0" before the 'x'
                i = i + 1;
                value = 0;
            } else {
                String mant = s.substring(mantStart, j);
                int expValue = 0;
                int k = j;
                if (k < n && (s.charAt(k) == 'p' || s.charAt(k) == 'P')) {
                    int m = k + 1;
                    boolean eneg = false;
                    if (m < n && (s.charAt(m) == '-' || s.charAt(m) == '+')) {
                        eneg = s.charAt(m) == '-';
                        m++;
                    }
                    int ds = m;
                    long ev = 0;
                    while (m < n && s.charAt(m) >= '0' && s.charAt(m) <= '9') {
                        ev = Math.min(ev * 10 + (s.charAt(m) - '0'), 100_000);
                        m++;
                    }
                    if (m > ds) {
                        j = m;
                        expValue = (int) (eneg ? -ev : ev);
                    }
                }
                value = Double.parseDouble("0x" + (mant.startsWith(".") ? "0" + mant : mant) + "p" + expValue);
                i = j;
            }
        } else {
            int j = i;
            int digits = 0;
            while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
                digits++;
            }
            if (j < n && s.charAt(j) == '.') {
                j++;
                while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                    digits++;
                }
            }
            if (digits == 0) {
                return Double.NaN;
            }
            if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                int m = j + 1;
                if (m < n && (s.charAt(m) == '-' || s.charAt(m) == '+')) {
                    m++;
                }
                int ds = m;
                while (m < n && s.charAt(m) >= '0' && s.charAt(m) <= '9') {
                    m++;
                }
                if (m > ds) {
                    j = m;
                }
            }
            value = Double.parseDouble(s.substring(i, j));
            i = j;
        }
        if (i == start) {
            return Double.NaN;
        }
        i = skipSpaces(s, i);
        if (i != n) {
            return Double.NaN;
        }
        return neg ? -value : value;
    }

    /**
     * {@code tonumber(s, base)} for bases 2 to 36: an integer (wrapping around on overflow) or null.
     *
     * @throws LuaTextError argument #2 "base out of range" for other bases
     */
    public static Long tonumber(String s, long base) {
        if (base < 2 || base > 36) {
            throw LuaTextError.argument(2, "base out of range");
        }
        int n = s.length();
        int i = skipSpaces(s, 0);
        boolean neg = false;
        if (i < n && s.charAt(i) == '-') {
            neg = true;
            i++;
        }
        if (i >= n || !isAlnum(s.charAt(i))) {
            return null;
        }
        long acc = 0;
        do {
            char c = s.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : Character.toUpperCase(c) - 'A' + 10;
            if (digit >= base) {
                return null;
            }
            acc = acc * base + digit;
            i++;
        } while (i < n && isAlnum(s.charAt(i)));
        i = skipSpaces(s, i);
        if (i != n) {
            return null;
        }
        return neg ? -acc : acc;
    }

    // ---------------------------------------------------------------- float -> integer

    /** The integer equal to {@code d}, or null if {@code d} is not integral or out of range. */
    public static Long floatToInteger(double d) {
        return fitsInteger(d) && d == Math.rint(d) ? (long) d : null;
    }

    /** The integer {@code floor(d)}, or null if it is out of range (or NaN). */
    public static Long floatToIntegerFloor(double d) {
        double f = Math.floor(d);
        return fitsInteger(f) ? (long) f : null;
    }

    /** The integer {@code ceil(d)}, or null if it is out of range (or NaN). */
    public static Long floatToIntegerCeil(double d) {
        double f = Math.ceil(d);
        return fitsInteger(f) ? (long) f : null;
    }

    /** True when {@code -2^63 <= d < 2^63} (so a cast to long loses only the fraction). */
    public static boolean fitsInteger(double d) {
        return d >= -0x1p63 && d < 0x1p63;
    }

    /**
     * {@code lua_tointegerx} as {@code luaL_checkinteger} applies it: an integer, an integral
     * float, or a string denoting one; null otherwise. Use {@link #toNumber} to tell "not a
     * number" from "no integer representation".
     */
    public static Long toInteger(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        Object n = v instanceof String s ? stringToNumber(s) : v;
        if (n instanceof Long l) {
            return l;
        }
        return n instanceof Double d ? floatToInteger(d) : null;
    }

    /** A number ({@code Long} or {@code Double}) from a number or a numeric string; else null. */
    public static Object toNumber(Object v) {
        if (v instanceof Long || v instanceof Double) {
            return v;
        }
        return v instanceof String s ? stringToNumber(s) : null;
    }

    /**
     * {@code luaL_checkinteger} for argument {@code arg}.
     *
     * @throws LuaTextError "number has no integer representation" or "number expected, got X"
     */
    public static long checkInteger(Object v, int arg, ValueOps ops) {
        if (v instanceof Long l) {
            return l;
        }
        Object n = toNumber(v);
        if (n == null) {
            throw LuaTextError.argument(arg, "number expected, got " + ops.typeName(v));
        }
        if (n instanceof Long l) {
            return l;
        }
        Long l = floatToInteger((Double) n);
        if (l == null) {
            throw LuaTextError.argument(arg, "number has no integer representation");
        }
        return l;
    }

    /**
     * {@code luaL_checknumber} for argument {@code arg}, as a double.
     *
     * @throws LuaTextError "number expected, got X"
     */
    public static double checkNumber(Object v, int arg, ValueOps ops) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        Object n = toNumber(v);
        if (n == null) {
            throw LuaTextError.argument(arg, "number expected, got " + ops.typeName(v));
        }
        return ((Number) n).doubleValue();
    }

    /**
     * {@code luaL_checklstring} for argument {@code arg}: strings, and numbers converted to strings.
     *
     * @throws LuaTextError "string expected, got X"
     */
    public static String checkString(Object v, int arg, ValueOps ops) {
        return switch (v) {
            case String s -> s;
            case Long l -> Long.toString(l);
            case Double d -> tostring(d);
            case null, default -> throw LuaTextError.argument(arg, "string expected, got " + ops.typeName(v));
        };
    }

    // ---------------------------------------------------------------- characters

    static int skipSpaces(String s, int i) {
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** C {@code isspace} in the C locale. */
    static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isAlnum(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
