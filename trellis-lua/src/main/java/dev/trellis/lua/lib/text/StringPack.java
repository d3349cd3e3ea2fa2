package dev.trellis.lua.lib.text;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code string.pack}, {@code string.unpack} and {@code string.packsize} (Lua 5.4 §6.4.2).
 *
 * <pre>{@code
 * String bin = StringPack.pack(ValueOps.PLAIN, "<i4 z", 1L, "hi");   // "\1\0\0\0hi\0"
 * Object[] r = StringPack.unpack(ValueOps.PLAIN, "<i4 z", bin, 1);   // {1L, "hi", 9L}
 * long size = StringPack.packsize("<i4 d");                           // 12
 * }</pre>
 *
 * <p>Every 5.4 option: {@code < > = !n} (endianness, native is little, and maximum alignment,
 * default 1), {@code b B h H i[n] I[n] l L j J T} (integers of 1 to 16 bytes), {@code f d n}
 * (floats), {@code s[n]} (length-prefixed strings), {@code z} (zero-terminated), {@code cn}
 * (fixed size), {@code x} (one zero byte), {@code Xop} (align to op) and space (ignored). As in
 * PUC, the format ends at its first NUL char. Errors are {@link LuaTextError}s with PUC's
 * messages; argument numbers count the format as #1 ({@code args[0]} is argument #2 of pack).
 * Stateless and thread-safe.
 */
public final class StringPack {
    private static final int MAXINTSIZE = 16;
    private static final int SZINT = 8;
    private static final int NATIVE_ALIGN = 8;
    private static final long MAXSIZE = Integer.MAX_VALUE;

    private StringPack() {
    }

    private enum Kind { INT, UINT, FLOAT, NUMBER, DOUBLE, CHAR, STRING, ZSTR, PADDING, PADDALIGN, NOP }

    /** The parser state: the format, the position in it, endianness and maximum alignment. */
    private static final class Header {
        final String fmt;
        int pos;
        boolean little = true;
        int maxAlign = 1;
        // outputs of the last getDetails
        int size;
        int toAlign;

        Header(String fmt) {
            this.fmt = fmt;
        }

        boolean atEnd() {
            return pos >= fmt.length() || fmt.charAt(pos) == '\0';
        }

        int peek() {
            return pos < fmt.length() ? fmt.charAt(pos) : 0;
        }
    }

    // ---------------------------------------------------------------- public API

    /** {@code string.pack(fmt, ...)}; {@code args[i]} is Lua argument {@code i + 2}. */
    public static String pack(ValueOps ops, String fmt, Object... args) {
        Header h = new Header(fmt);
        StringBuilder b = new StringBuilder();
        int arg = 0;
        long totalSize = 0;
        while (!h.atEnd()) {
            Kind opt = getDetails(h, totalSize);
            int size = h.size;
            totalSize += h.toAlign + size;
            b.repeat('\0', h.toAlign);
            int argNo = arg + 2;
            switch (opt) {
                case INT -> {
                    long n = LuaNumbers.checkInteger(argAt(args, arg++, argNo, "number", ops), argNo, ops);
                    if (size < SZINT) {
                        long lim = 1L << ((size * 8) - 1);
                        if (!(-lim <= n && n < lim)) {
                            throw LuaTextError.argument(argNo, "integer overflow");
                        }
                    }
                    packInt(b, n, h.little, size, n < 0);
                }
                case UINT -> {
                    long n = LuaNumbers.checkInteger(argAt(args, arg++, argNo, "number", ops), argNo, ops);
                    if (size < SZINT && Long.compareUnsigned(n, 1L << (size * 8)) >= 0) {
                        throw LuaTextError.argument(argNo, "unsigned overflow");
                    }
                    packInt(b, n, h.little, size, false);
                }
                case FLOAT -> {
                    double d = LuaNumbers.checkNumber(argAt(args, arg++, argNo, "number", ops), argNo, ops);
                    packInt(b, Float.floatToRawIntBits((float) d) & 0xffffffffL, h.little, 4, false);
                }
                case NUMBER, DOUBLE -> {
                    double d = LuaNumbers.checkNumber(argAt(args, arg++, argNo, "number", ops), argNo, ops);
                    packInt(b, Double.doubleToRawLongBits(d), h.little, 8, false);
                }
                case CHAR -> {
                    String s = LuaNumbers.checkString(argAt(args, arg++, argNo, "string", ops), argNo, ops);
                    if (s.length() > size) {
                        throw LuaTextError.argument(argNo, "string longer than given size");
                    }
                    b.append(s);
                    b.repeat('\0', size - s.length());
                }
                case STRING -> {
                    String s = LuaNumbers.checkString(argAt(args, arg++, argNo, "string", ops), argNo, ops);
                    if (size < 8 && s.length() >= (1L << (size * 8))) {
                        throw LuaTextError.argument(argNo, "string length does not fit in given size");
                    }
                    packInt(b, s.length(), h.little, size, false);
                    b.append(s);
                    totalSize += s.length();
                }
                case ZSTR -> {
                    String s = LuaNumbers.checkString(argAt(args, arg++, argNo, "string", ops), argNo, ops);
                    if (s.indexOf('\0') >= 0) {
                        throw LuaTextError.argument(argNo, "string contains zeros");
                    }
                    b.append(s).append('\0');
                    totalSize += s.length() + 1;
                }
                case PADDING -> b.append('\0');
                case PADDALIGN, NOP -> {
                }
            }
        }
        return b.toString();
    }

    /** {@code string.packsize(fmt)}: the size of a pack result; variable-length formats are errors. */
    public static long packsize(String fmt) {
        Header h = new Header(fmt);
        long totalSize = 0;
        while (!h.atEnd()) {
            Kind opt = getDetails(h, totalSize);
            if (opt == Kind.STRING || opt == Kind.ZSTR) {
                throw LuaTextError.argument(1, "variable-length format");
            }
            long size = (long) h.size + h.toAlign;
            if (totalSize > MAXSIZE - size) {
                throw LuaTextError.argument(1, "format result too large");
            }
            totalSize += size;
        }
        return totalSize;
    }

    /**
     * {@code string.unpack(fmt, data, init)}: the values read, followed by the position after
     * the last byte read (1-based).
     */
    public static Object[] unpack(String fmt, String data, long init) {
        long ld = data.length();
        long pos = posrelat(init, ld) - 1;
        if (pos > ld || pos < 0) {
            throw LuaTextError.argument(3, "initial position out of string");
        }
        Header h = new Header(fmt);
        List<Object> out = new ArrayList<>();
        while (!h.atEnd()) {
            Kind opt = getDetails(h, pos);
            int size = h.size;
            if ((long) h.toAlign + size > ld - pos) {
                throw LuaTextError.argument(2, "data string too short");
            }
            pos += h.toAlign;
            int p = (int) pos;
            switch (opt) {
                case INT, UINT -> out.add(unpackInt(data, p, h.little, size, opt == Kind.INT));
                case FLOAT -> out.add((double) Float.intBitsToFloat((int) unpackInt(data, p, h.little, 4, false)));
                case NUMBER, DOUBLE -> out.add(Double.longBitsToDouble(unpackInt(data, p, h.little, 8, false)));
                case CHAR -> out.add(data.substring(p, p + size));
                case STRING -> {
                    long len = unpackInt(data, p, h.little, size, false);
                    if (Long.compareUnsigned(len, ld - pos - size) > 0) {
                        throw LuaTextError.argument(2, "data string too short");
                    }
                    out.add(data.substring(p + size, p + size + (int) len));
                    pos += len;
                }
                case ZSTR -> {
                    int end = data.indexOf('\0', p);
                    if (end < 0) {
                        throw LuaTextError.argument(2, "unfinished string for format 'z'");
                    }
                    out.add(data.substring(p, end));
                    pos += end - p + 1;
                }
                case PADDALIGN, PADDING, NOP -> {
                }
            }
            pos += size;
        }
        out.add(pos + 1);
        return out.toArray();
    }

    // ---------------------------------------------------------------- format parsing

    private static Object argAt(Object[] args, int i, int argNo, String expected, ValueOps ops) {
        if (i >= args.length) {
            // PUC pushes a nil mark right after the arguments, so the first missing one reads as nil
            throw LuaTextError.argument(argNo, expected + " expected, got " + (i == args.length ? "nil" : "no value"));
        }
        return args[i];
    }

    private static long posrelat(long pos, long len) {
        if (pos > 0) {
            return pos;
        } else if (pos == 0) {
            return 1;
        } else if (pos < -len) {
            return 1;
        }
        return len + pos + 1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int getNum(Header h, int df) {
        if (!isDigit(h.peek())) {
            return df;
        }
        int a = 0;
        do {
            a = a * 10 + (h.fmt.charAt(h.pos++) - '0');
        } while (isDigit(h.peek()) && a <= ((int) MAXSIZE - 9) / 10);
        return a;
    }

    private static int getNumLimit(Header h, int df) {
        int sz = getNum(h, df);
        if (sz > MAXINTSIZE || sz <= 0) {
            throw LuaTextError.error("integral size (" + sz + ") out of limits [1," + MAXINTSIZE + "]");
        }
        return sz;
    }

    /** Reads one option; sets {@code h.size}. */
    private static Kind getOption(Header h) {
        int opt = h.peek();
        h.pos++;
        h.size = 0;
        switch (opt) {
            case 'b' -> { h.size = 1; return Kind.INT; }
            case 'B' -> { h.size = 1; return Kind.UINT; }
            case 'h' -> { h.size = 2; return Kind.INT; }
            case 'H' -> { h.size = 2; return Kind.UINT; }
            case 'l', 'j' -> { h.size = 8; return Kind.INT; }
            case 'L', 'J', 'T' -> { h.size = 8; return Kind.UINT; }
            case 'f' -> { h.size = 4; return Kind.FLOAT; }
            case 'n' -> { h.size = 8; return Kind.NUMBER; }
            case 'd' -> { h.size = 8; return Kind.DOUBLE; }
            case 'i' -> { h.size = getNumLimit(h, 4); return Kind.INT; }
            case 'I' -> { h.size = getNumLimit(h, 4); return Kind.UINT; }
            case 's' -> { h.size = getNumLimit(h, 8); return Kind.STRING; }
            case 'c' -> {
                h.size = getNum(h, -1);
                if (h.size == -1) {
                    throw LuaTextError.error("missing size for format option 'c'");
                }
                return Kind.CHAR;
            }
            case 'z' -> { return Kind.ZSTR; }
            case 'x' -> { h.size = 1; return Kind.PADDING; }
            case 'X' -> { return Kind.PADDALIGN; }
            case ' ' -> { }
            case '<' -> h.little = true;
            case '>' -> h.little = false;
            case '=' -> h.little = true;
            case '!' -> h.maxAlign = getNumLimit(h, NATIVE_ALIGN);
            default -> throw LuaTextError.error("invalid format option '" + (char) opt + "'");
        }
        return Kind.NOP;
    }

    /** Reads one option with its alignment; sets {@code h.size} and {@code h.toAlign}. */
    private static Kind getDetails(Header h, long totalSize) {
        Kind opt = getOption(h);
        int size = h.size;
        int align = size;
        if (opt == Kind.PADDALIGN) {
            if (h.atEnd() || getOption(h) == Kind.CHAR || h.size == 0) {
                throw LuaTextError.argument(1, "invalid next option for option 'X'");
            }
            align = h.size;
            h.size = size;
        }
        if (align <= 1 || opt == Kind.CHAR) {
            h.toAlign = 0;
        } else {
            if (align > h.maxAlign) {
                align = h.maxAlign;
            }
            if ((align & (align - 1)) != 0) {
                throw LuaTextError.argument(1, "format asks for alignment not power of 2");
            }
            h.toAlign = (align - (int) (totalSize & (align - 1))) & (align - 1);
        }
        return opt;
    }

    // ---------------------------------------------------------------- integers

    private static void packInt(StringBuilder b, long n, boolean little, int size, boolean neg) {
        int start = b.length();
        b.setLength(start + size);
        for (int i = 0; i < size; i++) {
            int v = i < SZINT ? (int) ((n >>> (8 * i)) & 0xFF) : (neg ? 0xFF : 0);
            b.setCharAt(little ? start + i : start + size - 1 - i, (char) v);
        }
    }

    private static long unpackInt(String s, int p, boolean little, int size, boolean signed) {
        long res = 0;
        int limit = Math.min(size, SZINT);
        for (int i = limit - 1; i >= 0; i--) {
            res <<= 8;
            res |= s.charAt(little ? p + i : p + size - 1 - i) & 0xFF;
        }
        if (size < SZINT) {
            if (signed) {
                long mask = 1L << (size * 8 - 1);
                res = (res ^ mask) - mask;
            }
        } else if (size > SZINT) {
            int mask = (!signed || res >= 0) ? 0 : 0xFF;
            for (int i = limit; i < size; i++) {
                if ((s.charAt(little ? p + i : p + size - 1 - i) & 0xFF) != mask) {
                    throw LuaTextError.error(size + "-byte integer does not fit into Lua Integer");
                }
            }
        }
        return res;
    }
}
