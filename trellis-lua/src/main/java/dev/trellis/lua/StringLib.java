package dev.trellis.lua;

import static dev.trellis.lua.LuaArgs.*;
import static dev.trellis.lua.StandardLibrary.fn;

/**
 * The string library: the simple functions (len, sub, upper, lower, rep, reverse, byte, char)
 * here, and patterns, format and pack through the pure algorithm classes of
 * {@code dev.trellis.lua.lib.text} ({@link TextBridge}). Strings are byte-per-char.
 */
final class StringLib {
    private StringLib() {}

    static void install(LuaTable t) {
        fn(t, "len", (L, a) -> new Object[] {LuaValues.valueOf(checkString(a, 0, "len").length())});
        fn(t, "sub", (L, a) -> {
            String s = checkString(a, 0, "sub");
            long len = s.length();
            long i = posrelatI(optInteger(a, 1, "sub", 1), len);
            long j = getEndPos(optInteger(a, 2, "sub", -1), len);
            if (i > j) return new Object[] {""};
            return new Object[] {s.substring((int) i - 1, (int) j)};
        });
        fn(t, "upper", (L, a) -> {
            String s = checkString(a, 0, "upper");
            char[] c = s.toCharArray();
            for (int i = 0; i < c.length; i++) if (c[i] >= 'a' && c[i] <= 'z') c[i] -= 32;
            return new Object[] {new String(c)};
        });
        fn(t, "lower", (L, a) -> {
            String s = checkString(a, 0, "lower");
            char[] c = s.toCharArray();
            for (int i = 0; i < c.length; i++) if (c[i] >= 'A' && c[i] <= 'Z') c[i] += 32;
            return new Object[] {new String(c)};
        });
        fn(t, "rep", (L, a) -> {
            String s = checkString(a, 0, "rep");
            long n = checkInteger(a, 1, "rep");
            String sep = optString(a, 2, "rep", "");
            if (n <= 0) return new Object[] {""};
            long total = (long) s.length() * n + (long) sep.length() * (n - 1);
            if (total > L.maxStringSize || total < 0 || s.length() + sep.length() > 0 && total / (s.length() + sep.length()) > n) {
                throw LuaError.runtime("resulting string too large");
            }
            StringBuilder sb = new StringBuilder((int) total);
            for (long i = 0; i < n; i++) {
                if (i > 0) sb.append(sep);
                sb.append(s);
            }
            return new Object[] {sb.toString()};
        });
        fn(t, "reverse", (L, a) -> new Object[] {new StringBuilder(checkString(a, 0, "reverse")).reverse().toString()});
        fn(t, "byte", (L, a) -> {
            String s = checkString(a, 0, "byte");
            long len = s.length();
            long i0 = optInteger(a, 1, "byte", 1);
            long i = posrelatI(i0, len);
            long j = getEndPos(optInteger(a, 2, "byte", i0), len);
            if (i > j) return JavaFunction.NONE;
            if (j - i >= Integer.MAX_VALUE) throw LuaError.runtime("string slice too long");
            Object[] r = new Object[(int) (j - i + 1)];
            for (int k = 0; k < r.length; k++) r[k] = LuaValues.valueOf(s.charAt((int) i - 1 + k));
            return r;
        });
        fn(t, "char", (L, a) -> {
            char[] c = new char[a.length];
            for (int i = 0; i < a.length; i++) {
                long v = checkInteger(a, i, "char");
                if (v < 0 || v > 255) throw argError(i, "char", "value out of range");
                c[i] = (char) v;
            }
            return new Object[] {new String(c)};
        });
        TextBridge.installString(t);
    }

    /** Lua 5.4's posrelatI: a start position clipped to [1, inf). */
    static long posrelatI(long pos, long len) {
        if (pos > 0) return pos;
        if (pos == 0) return 1;
        if (pos < -len) return 1;
        return len + pos + 1;
    }

    /** Lua 5.4's getendpos: an end position clipped to [0, len]. */
    static long getEndPos(long pos, long len) {
        if (pos > len) return len;
        if (pos >= 0) return pos;
        if (pos < -len) return 0;
        return len + pos + 1;
    }
}
