package dev.trellis.lua.lib.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C99/glibc {@code printf} conversions of doubles: {@code %e %E %f %F %g %G %a %A} with the flags
 * {@code -+ #0}, a width and a precision, producing exactly what glibc prints on Linux.
 *
 * <pre>{@code
 * StringBuilder out = new StringBuilder();
 * FloatFormatter.format(out, 3.14159, 'f', FloatFormatter.ZERO, 8, 2);   // "00003.14"
 * FloatFormatter.format(out, 1.5, 'a', 0, 0, -1);                        // "0x1.8p+0"
 * }</pre>
 *
 * <p>Decimal conversions round the exact binary value half-to-even, as glibc does (via
 * {@link BigDecimal}, which is exact for doubles); {@code %a} rounds the hexadecimal mantissa
 * half-to-even and, like glibc, does not renormalise a carry ({@code %.0a} of 1.5 is {@code 0x2p+0}).
 * Infinities and NaNs print as {@code inf}/{@code nan} (upper case for upper-case conversions),
 * with {@code -nan} when the NaN's sign bit is set, and are never zero-padded.
 * Stateless and thread-safe.
 */
public final class FloatFormatter {
    /** Flag {@code -}: left-justify within the width. */
    public static final int MINUS = 1;
    /** Flag {@code +}: always print a sign. */
    public static final int PLUS = 2;
    /** Flag space: print a space where a plus sign would go. */
    public static final int SPACE = 4;
    /** Flag {@code #}: alternate form (keep the decimal point, keep trailing zeros of %g). */
    public static final int HASH = 8;
    /** Flag {@code 0}: pad with zeros after the sign and prefix. */
    public static final int ZERO = 16;

    private FloatFormatter() {
    }

    /**
     * Appends {@code v} converted by {@code conv} (one of {@code eEfFgGaA}); {@code precision < 0}
     * means "not given" (6 for e/f/g, exact for a).
     */
    public static void format(StringBuilder out, double v, char conv, int flags, int width, int precision) {
        long bits = Double.doubleToRawLongBits(v);
        boolean negative = bits < 0;
        boolean upper = Character.isUpperCase(conv);
        char lower = Character.toLowerCase(conv);
        String sign = negative ? "-" : (flags & PLUS) != 0 ? "+" : (flags & SPACE) != 0 ? " " : "";
        String body;
        String prefix = "";
        boolean finite = !Double.isNaN(v) && !Double.isInfinite(v);
        if (!finite) {
            body = Double.isNaN(v) ? "nan" : "inf";
        } else {
            double abs = Math.abs(v);
            boolean hash = (flags & HASH) != 0;
            switch (lower) {
                case 'e' -> body = eStyle(abs, precision < 0 ? 6 : precision, hash);
                case 'f' -> body = fStyle(abs, precision < 0 ? 6 : precision, hash);
                case 'g' -> body = gStyle(abs, precision, hash);
                case 'a' -> {
                    prefix = "0x";
                    body = hexBody(bits, precision, hash);
                }
                default -> throw new IllegalArgumentException("not a float conversion: " + conv);
            }
        }
        if (upper) {
            body = body.toUpperCase(java.util.Locale.ROOT);
            prefix = prefix.toUpperCase(java.util.Locale.ROOT);
        }
        int len = sign.length() + prefix.length() + body.length();
        int pad = width - len;
        if (pad <= 0) {
            out.append(sign).append(prefix).append(body);
        } else if ((flags & MINUS) != 0) {
            out.append(sign).append(prefix).append(body);
            out.repeat(' ', pad);
        } else if ((flags & ZERO) != 0 && finite) {
            out.append(sign).append(prefix);
            out.repeat('0', pad);
            out.append(body);
        } else {
            out.repeat(' ', pad);
            out.append(sign).append(prefix).append(body);
        }
    }

    // ---------------------------------------------------------------- %.14g (number to string)

    /**
     * {@code "%.14g"} of a finite or non-finite double, as {@code lua_Number2str} starts from
     * (without Lua's ".0" suffix).
     */
    public static String g14(double v) {
        if (Double.isNaN(v)) {
            return Double.doubleToRawLongBits(v) < 0 ? "-nan" : "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        double abs = Math.abs(v);
        if (abs < 1e14 && abs == Math.rint(abs)) {
            long l = (long) v;
            return Long.toString(l);
        }
        if (abs < Double.MIN_NORMAL) {
            return (v < 0 ? "-" : "") + gStyle(abs, 14, false); // subnormals: the shortcut below needs full precision
        }
        // Shortest round-trip digits: when there are at most 14 of them they are also the
        // 14-digit rounding of the exact value (the double's rounding interval is far narrower
        // than a unit in the 14th digit), so no BigDecimal is needed.
        String s = Double.toString(abs);
        char[] digits = new char[20];
        int nd = 0;
        int pointExp = -1; // decimal exponent of the first digit collected
        int intDigits = 0;
        boolean afterPoint = false;
        int i = 0;
        int n = s.length();
        int e = 0;
        boolean leading = true;
        int leadingZerosAfterPoint = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                afterPoint = true;
            } else if (c == 'E') {
                e = Integer.parseInt(s, i + 1, n, 10);
                break;
            } else {
                if (leading && c == '0') {
                    if (afterPoint) {
                        leadingZerosAfterPoint++;
                    }
                    continue;
                }
                leading = false;
                if (!afterPoint) {
                    intDigits++;
                }
                if (nd < digits.length) {
                    digits[nd++] = c;
                } else {
                    nd = digits.length + 1;
                    break;
                }
            }
        }
        while (nd > 0 && nd <= digits.length && digits[nd - 1] == '0') {
            nd--;
        }
        if (nd > 14) {
            StringBuilder out = new StringBuilder(24);
            if (v < 0) {
                out.append('-');
            }
            out.append(gStyle(abs, 14, false));
            return out.toString();
        }
        pointExp = intDigits > 0 ? intDigits - 1 + e : -1 - leadingZerosAfterPoint + e;
        StringBuilder out = new StringBuilder(24);
        if (v < 0) {
            out.append('-');
        }
        if (pointExp < -4 || pointExp >= 14) {
            out.append(digits[0]);
            if (nd > 1) {
                out.append('.').append(digits, 1, nd - 1);
            }
            appendExponent(out, pointExp);
        } else if (pointExp < 0) {
            out.append("0.");
            out.repeat('0', -pointExp - 1);
            out.append(digits, 0, nd);
        } else {
            for (int k = 0; k <= pointExp; k++) {
                out.append(k < nd ? digits[k] : '0');
            }
            if (nd > pointExp + 1) {
                out.append('.').append(digits, pointExp + 1, nd - pointExp - 1);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- decimal styles

    private static String eStyle(double abs, int prec, boolean hash) {
        StringBuilder out = new StringBuilder(prec + 8);
        String digits;
        int exp;
        if (abs == 0) {
            digits = "0";
            exp = 0;
        } else {
            BigDecimal bd = new BigDecimal(abs).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
            digits = bd.unscaledValue().toString();
            exp = digits.length() - 1 - bd.scale();
        }
        out.append(digits.charAt(0));
        if (prec > 0 || hash) {
            out.append('.');
        }
        int have = Math.min(digits.length() - 1, prec);
        out.append(digits, 1, 1 + have);
        out.repeat('0', prec - have);
        appendExponent(out, exp);
        return out.toString();
    }

    private static void appendExponent(StringBuilder out, int exp) {
        out.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            out.append('0');
        }
        out.append(a);
    }

    private static String fStyle(double abs, int prec, boolean hash) {
        String s;
        if (abs == 0) {
            s = prec == 0 ? "0" : "0." + "0".repeat(prec);
        } else {
            s = new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
        }
        return prec == 0 && hash ? s + "." : s;
    }

    private static String gStyle(double abs, int precision, boolean hash) {
        int p = precision < 0 ? 6 : precision == 0 ? 1 : precision;
        int x;
        if (abs == 0) {
            x = 0;
        } else {
            BigDecimal bd = new BigDecimal(abs).round(new MathContext(p, RoundingMode.HALF_EVEN));
            x = bd.precision() - 1 - bd.scale();
        }
        String s;
        if (p > x && x >= -4) {
            s = fStyle(abs, p - 1 - x, hash);
            if (!hash) {
                s = stripFraction(s);
            }
        } else {
            s = eStyle(abs, p - 1, hash);
            if (!hash) {
                int ePos = s.indexOf('e');
                s = stripFraction(s.substring(0, ePos)) + s.substring(ePos);
            }
        }
        return s;
    }

    private static String stripFraction(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    // ---------------------------------------------------------------- %a

    private static String hexBody(long bits, int precision, boolean hash) {
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        int lead;
        int exp;
        if (biased == 0) {
            lead = 0;
            exp = mant == 0 ? 0 : -1022;
        } else {
            lead = 1;
            exp = biased - 1023;
        }
        int nibbles = 13;
        if (precision < 0) {
            while (nibbles > 0 && (mant & 0xF) == 0) {
                mant >>>= 4;
                nibbles--;
            }
        } else if (precision < 13) {
            int shift = (13 - precision) * 4;
            long keep = mant >>> shift;
            long rem = mant & ((1L << shift) - 1);
            long half = 1L << (shift - 1);
            // ties go to even, the parity being that of the last kept digit (the leading one for %.0a)
            long lastDigit = precision == 0 ? lead : keep;
            if (rem > half || (rem == half && (lastDigit & 1) == 1)) {
                keep++;
                if (precision == 0 || (keep >>> (precision * 4)) != 0) {
                    lead++;
                    keep = precision == 0 ? 0 : keep & ((1L << (precision * 4)) - 1);
                }
            }
            mant = keep;
            nibbles = precision;
        }
        StringBuilder out = new StringBuilder(24);
        out.append((char) ('0' + lead));
        if (nibbles > 0 || hash || precision > 0) {
            out.append('.');
        }
        for (int k = nibbles - 1; k >= 0; k--) {
            out.append(Character.forDigit((int) ((mant >>> (k * 4)) & 0xF), 16));
        }
        if (precision > 13) {
            out.repeat('0', precision - 13);
        }
        out.append('p').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
        return out.toString();
    }
}
