package dev.trellis.runtime.entry;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Go duration strings, as Wippy's YAML and Lua use them: {@code "5s"}, {@code "100ms"},
 * {@code "1m30s"}, {@code "1.5h"}, {@code "250us"}.
 *
 * <pre>{@code
 * Duration d = GoDuration.parse("1m30s");   // PT1M30S
 * GoDuration.format(d);                      // "1m30s"
 * GoDuration.parse("5");                     // IllegalArgumentException: missing unit in duration "5" ...
 * }</pre>
 *
 * <p>The grammar is Go's {@code time.ParseDuration}: an optional sign, then one or more decimal
 * numbers (fractions allowed) each followed by a unit — {@code ns}, {@code us} (or {@code µs}),
 * {@code ms}, {@code s}, {@code m}, {@code h}. {@code "0"} alone is zero. The result is rounded
 * toward zero to whole nanoseconds, as in Go, and must fit in 64 bits of nanoseconds (about 292
 * years).
 */
public final class GoDuration {

    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,   // µ (micro sign)
            "\u03bcs", 1_000L,   // μ (Greek mu)
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private static final String UNITS_HINT = "use a number with a unit: ns, us, ms, s, m, h (e.g. \"100ms\", \"1m30s\")";

    private GoDuration() {
    }

    /** Parses a Go duration string; throws {@link IllegalArgumentException} with the reason. */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        BigDecimal totalNanos = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(numberStart, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text, "expected a number at \"" + s.substring(numberStart) + "\"");
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("missing unit in duration \"" + text + "\": " + UNITS_HINT);
            }
            Long nanos = UNIT_NANOS.get(unit);
            if (nanos == null) {
                throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + text + "\": " + UNITS_HINT);
            }
            totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(nanos)));
        }
        BigInteger whole = totalNanos.toBigInteger();
        if (whole.bitLength() > 63) {
            throw invalid(text, "it is out of range (at most about 292 years)");
        }
        long n = whole.longValue();
        return Duration.ofNanos(negative ? -n : n);
    }

    /** Formats like Go's {@code Duration.String()}: {@code "1h2m3.5s"}, {@code "100ms"}, {@code "0s"}. */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return duration.toHours() + "h";
        }
        if (nanos < 1_000L) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000L) {
            return decimal(nanos, 1_000L) + "\u00b5s";
        }
        if (nanos < 1_000_000_000L) {
            return decimal(nanos, 1_000_000L) + "ms";
        }
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos / 60_000_000_000L % 60;
        long secondNanos = nanos % 60_000_000_000L;
        StringBuilder out = new StringBuilder();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(decimal(secondNanos, 1_000_000_000L)).append('s').toString();
    }

    private static String decimal(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid duration \"" + text + "\": " + why + "; " + UNITS_HINT);
    }
}
