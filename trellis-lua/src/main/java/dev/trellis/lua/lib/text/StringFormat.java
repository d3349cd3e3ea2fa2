package dev.trellis.lua.lib.text;

/**
 * {@code string.format} as Lua 5.4 defines it (§6.4), with PUC's limits and error messages.
 *
 * <pre>{@code
 * StringFormat.format(ValueOps.PLAIN, "%5.2f|%-4d|%q", 3.14159, 42L, "a\nb");
 *     // " 3.14|42  |\"a\\\nb\""
 * StringFormat.format(ops, "%s", table);   // ops.tostring(table): __tostring, __name
 * }</pre>
 *
 * <p>Conversions: {@code %d %i %u %c %x %X %o} take integers (a float or numeric string with an
 * exact integer value is accepted; 3.5 is "number has no integer representation"); {@code %e %E %f
 * %g %G %a %A} take numbers (PUC 5.4.4 rejects {@code %F}); {@code %s} takes any value through {@link ValueOps#tostring};
 * {@code %q} writes a Lua literal (strings escaped, floats in hexadecimal, {@code math.mininteger} as
 * {@code 0x8000000000000000}, infinities as {@code 1e9999}, NaN as {@code (0/0)}); {@code %%} is a
 * percent sign. Flags are those PUC accepts per conversion ({@code -+ #0} for floats, {@code -+ 0}
 * for d/i, {@code -#0} for x/X/o, {@code -0} for u, {@code -} for c, s and p); width and
 * precision have at most two digits each. {@code %p} prints {@code (null)} for values without
 * identity (nil, booleans, numbers) and otherwise the address part of {@code tostring(v)} (the
 * text after its last ": "), so it agrees with what {@code print} shows for tables and functions.
 *
 * <p>Errors are {@link LuaTextError}s; argument numbers count the format string as #1, so
 * {@code args[0]} is argument #2. {@code args.length} is the number of arguments actually passed
 * (a missing one is "no value", an explicit nil is a value). Stateless and thread-safe.
 */
public final class StringFormat {
    private static final String FLAGS_F = "-+ #0";
    private static final String FLAGS_X = "-#0";
    private static final String FLAGS_I = "-+ 0";
    private static final String FLAGS_U = "-0";
    private static final String FLAGS_C = "-";
    /** {@code MAX_FORMAT}: a conversion spec of 22 or more chars is "invalid format (too long)". */
    private static final int MAX_FORMAT = 32;

    private StringFormat() {
    }

    /** {@code string.format(fmt, ...)}; {@code args[i]} is Lua argument {@code i + 2}. */
    public static String format(ValueOps ops, String fmt, Object... args) {
        int n = fmt.length();
        StringBuilder b = new StringBuilder(n + 16);
        int arg = 0; // index into args of the next argument
        int i = 0;
        while (i < n) {
            char c = fmt.charAt(i);
            if (c != '%') {
                // copy a run of plain text at once
                int next = fmt.indexOf('%', i);
                if (next < 0) {
                    next = n;
                }
                b.append(fmt, i, next);
                i = next;
                continue;
            }
            i++;
            if (i < n && fmt.charAt(i) == '%') {
                b.append('%');
                i++;
                continue;
            }
            int argNo = arg + 2;
            if (arg >= args.length) {
                throw LuaTextError.argument(argNo, "no value");
            }
            Object v = args[arg++];
            // span flags, width and precision, then take the conversion char
            int specStart = i;
            while (i < n && "-+ #0123456789.".indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            int len = i - specStart + 1;
            if (len >= MAX_FORMAT - 10) {
                throw LuaTextError.error("invalid format (too long)");
            }
            char conv = i < n ? fmt.charAt(i) : 0;
            String form = "%" + fmt.substring(specStart, Math.min(i + 1, n)); // for error messages
            i++;
            switch (conv) {
                case 'c' -> {
                    Spec sp = checkFormat(fmt, specStart, i - 1, FLAGS_C, false, form);
                    long code = LuaNumbers.checkInteger(v, argNo, ops);
                    pad(b, String.valueOf((char) (code & 0xFF)), sp);
                }
                case 'd', 'i' -> {
                    long x = LuaNumbers.checkInteger(v, argNo, ops);
                    formatInteger(b, x, conv, checkFormat(fmt, specStart, i - 1, FLAGS_I, true, form));
                }
                case 'u' -> {
                    long x = LuaNumbers.checkInteger(v, argNo, ops);
                    formatInteger(b, x, conv, checkFormat(fmt, specStart, i - 1, FLAGS_U, true, form));
                }
                case 'o', 'x', 'X' -> {
                    long x = LuaNumbers.checkInteger(v, argNo, ops);
                    formatInteger(b, x, conv, checkFormat(fmt, specStart, i - 1, FLAGS_X, true, form));
                }
                case 'a', 'A' -> {
                    Spec sp = checkFormat(fmt, specStart, i - 1, FLAGS_F, true, form);
                    double d = LuaNumbers.checkNumber(v, argNo, ops);
                    FloatFormatter.format(b, d, conv, sp.flags, sp.width, sp.precision);
                }
                case 'f', 'e', 'E', 'g', 'G' -> {
                    double d = LuaNumbers.checkNumber(v, argNo, ops);
                    Spec sp = checkFormat(fmt, specStart, i - 1, FLAGS_F, true, form);
                    FloatFormatter.format(b, d, conv, sp.flags, sp.width, sp.precision);
                }
                case 'p' -> {
                    Spec sp = checkFormat(fmt, specStart, i - 1, FLAGS_C, false, form);
                    pad(b, pointer(v, ops), sp);
                }
                case 'q' -> {
                    if (len > 1) {
                        throw LuaTextError.error("specifier '%q' cannot have modifiers");
                    }
                    addLiteral(b, v, argNo);
                }
                case 's' -> {
                    String s = ops.tostring(v);
                    if (len == 1) {
                        b.append(s);
                    } else {
                        if (s.indexOf('\0') >= 0) {
                            throw LuaTextError.argument(argNo, "string contains zeros");
                        }
                        Spec sp = checkFormat(fmt, specStart, i - 1, FLAGS_C, true, form);
                        if (sp.precision < 0 && s.length() >= 100) {
                            b.append(s);
                        } else {
                            if (sp.precision >= 0 && s.length() > sp.precision) {
                                s = s.substring(0, sp.precision);
                            }
                            pad(b, s, sp);
                        }
                    }
                }
                default -> throw LuaTextError.error("invalid conversion '" + form + "' to 'format'");
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- spec parsing

    /** A checked conversion spec: flags as {@link FloatFormatter} bits, width, precision (-1: none). */
    private record Spec(int flags, int width, int precision) {
    }

    /**
     * PUC's {@code checkformat}: only {@code allowed} flags, at most two digits of width (not
     * starting with '0') and, when {@code precision} is allowed, of precision.
     */
    private static Spec checkFormat(String fmt, int start, int convAt, String allowed, boolean precisionOk,
                                    String form) {
        int p = start;
        int flags = 0;
        while (p < convAt && allowed.indexOf(fmt.charAt(p)) >= 0) {
            flags |= flagBit(fmt.charAt(p));
            p++;
        }
        int width = 0;
        int precision = -1;
        if (p >= convAt || fmt.charAt(p) != '0') {
            int q = p;
            while (q < convAt && q < p + 2 && isDigit(fmt.charAt(q))) {
                q++;
            }
            if (q > p) {
                width = Integer.parseInt(fmt, p, q, 10);
            }
            p = q;
            if (p < convAt && fmt.charAt(p) == '.' && precisionOk) {
                p++;
                q = p;
                while (q < convAt && q < p + 2 && isDigit(fmt.charAt(q))) {
                    q++;
                }
                precision = q > p ? Integer.parseInt(fmt, p, q, 10) : 0;
                p = q;
            }
        }
        if (p != convAt) {
            throw LuaTextError.error("invalid conversion specification: '" + form + "'");
        }
        return new Spec(flags, width, precision);
    }

    private static int flagBit(char c) {
        return switch (c) {
            case '-' -> FloatFormatter.MINUS;
            case '+' -> FloatFormatter.PLUS;
            case ' ' -> FloatFormatter.SPACE;
            case '#' -> FloatFormatter.HASH;
            default -> FloatFormatter.ZERO;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---------------------------------------------------------------- conversions

    private static void pad(StringBuilder b, String s, Spec sp) {
        int pad = sp.width - s.length();
        if (pad <= 0) {
            b.append(s);
        } else if ((sp.flags & FloatFormatter.MINUS) != 0) {
            b.append(s).repeat(' ', pad);
        } else {
            b.repeat(' ', pad).append(s);
        }
    }

    private static void formatInteger(StringBuilder b, long x, char conv, Spec sp) {
        String digits;
        String prefix = "";
        switch (conv) {
            case 'd', 'i' -> {
                if (x < 0) {
                    prefix = "-";
                    digits = x == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(-x);
                } else {
                    prefix = (sp.flags & FloatFormatter.PLUS) != 0 ? "+" : (sp.flags & FloatFormatter.SPACE) != 0 ? " " : "";
                    digits = Long.toString(x);
                }
            }
            case 'u' -> digits = Long.toUnsignedString(x);
            case 'o' -> digits = Long.toOctalString(x);
            case 'x' -> digits = Long.toHexString(x);
            default -> digits = Long.toHexString(x).toUpperCase(java.util.Locale.ROOT);
        }
        if (sp.precision >= 0) {
            if (sp.precision == 0 && x == 0) {
                digits = "";
            }
            if (digits.length() < sp.precision) {
                digits = "0".repeat(sp.precision - digits.length()) + digits;
            }
        }
        if ((sp.flags & FloatFormatter.HASH) != 0) {
            if (conv == 'o' && !digits.startsWith("0")) {
                digits = "0" + digits;
            } else if (conv == 'x' && x != 0) {
                prefix = "0x";
            } else if (conv == 'X' && x != 0) {
                prefix = "0X";
            }
        }
        int padLen = sp.width - prefix.length() - digits.length();
        if (padLen <= 0) {
            b.append(prefix).append(digits);
        } else if ((sp.flags & FloatFormatter.MINUS) != 0) {
            b.append(prefix).append(digits).repeat(' ', padLen);
        } else if ((sp.flags & FloatFormatter.ZERO) != 0 && sp.precision < 0) {
            b.append(prefix).repeat('0', padLen).append(digits);
        } else {
            b.repeat(' ', padLen).append(prefix).append(digits);
        }
    }

    private static String pointer(Object v, ValueOps ops) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return "(null)";
        }
        if (v instanceof String s) {
            return "0x" + Long.toHexString(0x10000L + (System.identityHashCode(s) & 0xffffffffL));
        }
        String t = ops.tostring(v);
        int colon = t.lastIndexOf(": ");
        return colon >= 0 ? t.substring(colon + 2) : "0x" + Integer.toHexString(System.identityHashCode(v));
    }

    // ---------------------------------------------------------------- %q

    private static void addLiteral(StringBuilder b, Object v, int argNo) {
        switch (v) {
            case String s -> addQuoted(b, s);
            case Long l -> {
                if (l == Long.MIN_VALUE) {
                    b.append("0x8000000000000000");
                } else {
                    b.append(l.longValue());
                }
            }
            case Double d -> {
                if (d == Double.POSITIVE_INFINITY) {
                    b.append("1e9999");
                } else if (d == Double.NEGATIVE_INFINITY) {
                    b.append("-1e9999");
                } else if (d.isNaN()) {
                    b.append("(0/0)");
                } else {
                    FloatFormatter.format(b, d, 'a', 0, 0, -1);
                }
            }
            case Boolean bool -> b.append(bool ? "true" : "false");
            case null -> b.append("nil");
            default -> throw LuaTextError.argument(argNo, "value has no literal form");
        }
    }

    /** {@code addquoted}: a double-quoted Lua string literal that reads back as {@code s}. */
    public static void addQuoted(StringBuilder b, String s) {
        b.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n') {
                b.append('\\').append(c);
            } else if (c < 32 || c == 127) {
                boolean digitNext = i + 1 < n && isDigit(s.charAt(i + 1));
                b.append('\\');
                if (digitNext) {
                    if (c < 100) {
                        b.append('0');
                    }
                    if (c < 10) {
                        b.append('0');
                    }
                }
                b.append((int) c);
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
