package dev.trellis.lua.lib.text;

/**
 * The algorithms of Lua 5.4's {@code utf8} library (§6.5) on byte strings (one byte per char).
 *
 * <pre>{@code
 * Utf8Lib.chars(72, 0x20AC);                     // "H\u00e2\u0082\u00ac" (the bytes of "H€")
 * Utf8Lib.len("h\u00c3\u00a9", 1, -1, false);   // {2L}
 * Utf8Lib.len("\u00ff", 1, -1, false);           // {null, 1L}: fail and the position
 * Utf8Lib.codepoint("h\u00c3\u00a9", 1, 3, false); // {104L, 233L}
 * Utf8Lib.offset("h\u00c3\u00a9", 3, 1);         // 4L
 * Object[] c = Utf8Lib.codesStep(s, 0, false);  // {1L, 104L}; then step from (Long) c[0]
 * }</pre>
 *
 * <p>Strict mode (the default, {@code lax == false}) rejects code points above U+10FFFF and
 * surrogates; lax mode accepts the original UTF-8 up to 0x7FFFFFFF (6-byte sequences). Positions
 * are 1-based and negative positions count from the end, as in Lua. Errors are
 * {@link LuaTextError}s with PUC's messages ("invalid UTF-8 code", "value out of range",
 * "initial position is a continuation byte", ...) and Lua argument numbers (the string is #1).
 * Stateless and thread-safe.
 */
public final class Utf8Lib {
    /** {@code utf8.charpattern}: matches exactly one UTF-8 byte sequence. */
    public static final String CHARPATTERN = "[\0-\u007F\u00C2-\u00FD][\u0080-\u00BF]*";

    private static final long MAXUNICODE = 0x10FFFFL;
    private static final long MAXUTF = 0x7FFFFFFFL;
    private static final String INVALID = "invalid UTF-8 code";

    private Utf8Lib() {
    }

    /** {@code utf8.char(...)}: the UTF-8 bytes of each code point; codes[i] is argument i + 1. */
    public static String chars(long... codes) {
        StringBuilder b = new StringBuilder(codes.length * 2);
        for (int i = 0; i < codes.length; i++) {
            long code = codes[i];
            if (Long.compareUnsigned(code, MAXUTF) > 0) {
                throw LuaTextError.argument(i + 1, "value out of range");
            }
            encode(b, code);
        }
        return b.toString();
    }

    /** Appends the (up to 6-byte) UTF-8 encoding of {@code x <= 0x7FFFFFFF}, as {@code luaO_utf8esc}. */
    public static void encode(StringBuilder b, long x) {
        if (x < 0x80) {
            b.append((char) x);
            return;
        }
        char[] buf = new char[6];
        int n = 0;
        long mfb = 0x3f;
        do {
            buf[5 - n++] = (char) (0x80 | (x & 0x3f));
            x >>= 6;
            mfb >>= 1;
        } while (x > mfb);
        buf[5 - n] = (char) (((~mfb << 1) | x) & 0xFF);
        b.append(buf, 5 - n, n + 1);
    }

    /**
     * {@code utf8.len(s, i, j, lax)}: {@code {count}} when the bytes from i to j are valid, or
     * {@code {null, position}} with the position of the first invalid byte.
     */
    public static Object[] len(String s, long i, long j, boolean lax) {
        int len = s.length();
        long posi = uPosrelat(i, len);
        long posj = uPosrelat(j, len);
        if (!(1 <= posi && --posi <= len)) {
            throw LuaTextError.argument(2, "initial position out of bounds");
        }
        if (!(--posj < len)) {
            throw LuaTextError.argument(3, "final position out of bounds");
        }
        long n = 0;
        while (posi <= posj) {
            int next = decode(s, (int) posi, !lax);
            if (next < 0) {
                return new Object[] {null, posi + 1};
            }
            posi = next;
            n++;
        }
        return new Object[] {n};
    }

    /**
     * {@code utf8.codepoint(s, i, j, lax)}: the code points of the characters starting between
     * byte i and byte j ({@code j} defaults to {@code i}, pass {@code i} again).
     */
    public static long[] codepoint(String s, long i, long j, boolean lax) {
        int len = s.length();
        long posi = uPosrelat(i, len);
        long pose = uPosrelat(j, len);
        if (posi < 1) {
            throw LuaTextError.argument(2, "out of bounds");
        }
        if (pose > len) {
            throw LuaTextError.argument(3, "out of bounds");
        }
        if (posi > pose) {
            return new long[0];
        }
        long[] out = new long[(int) (pose - posi) + 1];
        int n = 0;
        int p = (int) posi - 1;
        int se = (int) pose;
        while (p < se) {
            int next = decode(s, p, !lax);
            if (next < 0) {
                throw LuaTextError.error(INVALID);
            }
            out[n++] = lastCode(s, p);
            p = next;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** The default {@code i} of {@code utf8.offset(s, n)}: 1 for n >= 0, else #s + 1. */
    public static long offsetDefault(String s, long n) {
        return n >= 0 ? 1 : s.length() + 1L;
    }

    /**
     * {@code utf8.offset(s, n, i)}: the byte position where the n-th character (counting from
     * position i) starts, or null if there is no such character.
     */
    public static Long offset(String s, long n, long i) {
        int len = s.length();
        long posi = uPosrelat(i, len);
        if (!(1 <= posi && --posi <= len)) {
            throw LuaTextError.argument(3, "position out of bounds");
        }
        if (n == 0) {
            while (posi > 0 && isCont(s, (int) posi)) {
                posi--;
            }
        } else {
            if (isCont(s, (int) posi)) {
                throw LuaTextError.error("initial position is a continuation byte");
            }
            if (n < 0) {
                while (n < 0 && posi > 0) {
                    do {
                        posi--;
                    } while (posi > 0 && isCont(s, (int) posi));
                    n++;
                }
            } else {
                n--;
                while (n > 0 && posi < len) {
                    do {
                        posi++;
                    } while (isCont(s, (int) posi));
                    n--;
                }
            }
        }
        return n == 0 ? (Long) (posi + 1) : null;
    }

    /**
     * One step of the {@code utf8.codes(s, lax)} iterator: given the control value (0 at the start,
     * then the previous position), {@code {position, code}} of the next character, or null at the
     * end. As in PUC 5.4.4, stray continuation bytes are skipped; an invalid sequence is the error
     * "invalid UTF-8 code".
     */
    public static Object[] codesStep(String s, long control, boolean lax) {
        int len = s.length();
        long n = control;
        if (Long.compareUnsigned(n, len) < 0) {
            while (isCont(s, (int) n)) {
                n++;
            }
        }
        if (Long.compareUnsigned(n, len) >= 0) {
            return null;
        }
        if (decode(s, (int) n, !lax) < 0) {
            throw LuaTextError.error(INVALID);
        }
        return new Object[] {n + 1, lastCode(s, (int) n)};
    }

    // ---------------------------------------------------------------- decoding

    private static long uPosrelat(long pos, long len) {
        if (pos >= 0) {
            return pos;
        } else if (-pos > len) {
            return 0;
        }
        return len + pos + 1;
    }

    private static boolean isCont(String s, int i) {
        return i < s.length() && (s.charAt(i) & 0xC0) == 0x80;
    }

    private static int byteAt(String s, int i) {
        return i < s.length() ? s.charAt(i) & 0xFF : 0;
    }

    private static final long[] LIMITS = {~0L, 0x80, 0x800, 0x10000L, 0x200000L, 0x4000000L};

    /** The index after the sequence at {@code i}, or -1 if it is invalid ({@code utf8_decode}). */
    static int decode(String s, int i, boolean strict) {
        long code = decodeValue(s, i);
        if (code < 0) {
            return -1;
        }
        if (strict && (code > MAXUNICODE || (0xD800L <= code && code <= 0xDFFFL))) {
            return -1;
        }
        return i + sequenceLength(s, i);
    }

    private static long lastCode(String s, int i) {
        return decodeValue(s, i);
    }

    private static int sequenceLength(String s, int i) {
        int c = byteAt(s, i);
        int count = 0;
        for (; (c & 0x40) != 0 && c >= 0x80; c <<= 1) {
            count++;
        }
        return count + 1;
    }

    /** The code point at {@code i}, or -1 for an invalid sequence (no strictness check). */
    private static long decodeValue(String s, int i) {
        int c = byteAt(s, i);
        if (c < 0x80) {
            return c;
        }
        long res = 0;
        int count = 0;
        for (; (c & 0x40) != 0; c <<= 1) {
            int cc = byteAt(s, i + ++count);
            if ((cc & 0xC0) != 0x80) {
                return -1;
            }
            res = (res << 6) | (cc & 0x3F);
        }
        res |= ((long) (c & 0x7F) << (count * 5));
        if (count == 0 || count > 5 || res > MAXUTF || res < LIMITS[count]) {
            return -1;
        }
        return res;
    }
}
