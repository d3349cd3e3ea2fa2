package dev.trellis.lua.lib.text;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code os.date} and {@code os.time} (Lua 5.4 §6.9) in the C/POSIX locale, against the JVM's
 * default time zone (or a given one).
 *
 * <pre>{@code
 * OsDate.date("!%Y-%m-%d %H:%M:%S", 0);   // "1970-01-01 00:00:00"
 * OsDate.date("!*t", 86400);              // Map {year=1970, month=1, day=2, hour=0, ..., isdst=false}
 * OsDate.Normalized t = OsDate.time(Map.of("year", 2024L, "month", 14L, "day", 1L)::get);
 * t.time();    // seconds since the epoch of 2025-02-01 12:00:00 local time
 * t.fields();  // the normalised fields, which os.time writes back into the table
 * }</pre>
 *
 * <p>{@link #date} returns a {@code String}, or for {@code "*t"} / {@code "!*t"} a
 * {@code LinkedHashMap} with the keys in PUC's order: year, month, day, hour, min, sec, yday, wday,
 * isdst (integers as {@code Long}, isdst as {@code Boolean}). A leading {@code !} formats in UTC.
 * Conversions are C99 {@code strftime}'s in the C locale, with the {@code E} and {@code O}
 * modifiers PUC accepts; any other is argument #1 "invalid conversion specifier '%Ez...'" (PUC
 * quotes the rest of the format). Stateless and thread-safe.
 */
public final class OsDate {
    /** {@code LUA_STRFTIMEOPTIONS} for C99: single letters, then E- and O-modified ones. */
    private static final String SINGLE = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
    private static final String E_MOD = "cCxXyY";
    private static final String O_MOD = "deHImMSuUVwWy";

    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private OsDate() {
    }

    /** {@code os.date(format, time)} in the JVM's default time zone. */
    public static Object date(String format, long time) {
        return date(format, time, ZoneId.systemDefault());
    }

    /** {@code os.date(format, time)} with {@code zone} as the local time zone. */
    public static Object date(String format, long time, ZoneId zone) {
        boolean utc = format.startsWith("!");
        String f = utc ? format.substring(1) : format;
        ZonedDateTime t;
        try {
            t = Instant.ofEpochSecond(time).atZone(utc ? ZoneOffset.UTC : zone);
        } catch (DateTimeException | ArithmeticException e) {
            throw LuaTextError.error("date result cannot be represented in this installation");
        }
        if (f.equals("*t")) {
            return fields(t);
        }
        StringBuilder b = new StringBuilder(f.length() + 16);
        int n = f.length();
        int i = 0;
        while (i < n) {
            char c = f.charAt(i);
            if (c != '%') {
                b.append(c);
                i++;
                continue;
            }
            i++;
            char conv;
            if (i < n && SINGLE.indexOf(f.charAt(i)) >= 0 && f.charAt(i) != 0) {
                conv = f.charAt(i);
                i++;
            } else if (i + 1 < n && ((f.charAt(i) == 'E' && E_MOD.indexOf(f.charAt(i + 1)) >= 0)
                || (f.charAt(i) == 'O' && O_MOD.indexOf(f.charAt(i + 1)) >= 0))) {
                conv = f.charAt(i + 1); // the C locale has no alternative forms
                i += 2;
            } else {
                String rest = f.substring(i);
                int nul = rest.indexOf('\0');
                throw LuaTextError.argument(1, "invalid conversion specifier '%" + (nul >= 0 ? rest.substring(0, nul) : rest) + "'");
            }
            convert(b, conv, t, utc);
        }
        return b.toString();
    }

    /** The {@code *t} table of {@code t}, in PUC's field order. */
    public static Map<String, Object> fields(ZonedDateTime t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", (long) t.getYear());
        m.put("month", (long) t.getMonthValue());
        m.put("day", (long) t.getDayOfMonth());
        m.put("hour", (long) t.getHour());
        m.put("min", (long) t.getMinute());
        m.put("sec", (long) t.getSecond());
        m.put("yday", (long) t.getDayOfYear());
        m.put("wday", (long) (t.getDayOfWeek().getValue() % 7 + 1));
        m.put("isdst", t.getZone().getRules().isDaylightSavings(t.toInstant()));
        return m;
    }

    // ---------------------------------------------------------------- os.time

    /** Reads one field of the date table ({@code t[key]}, honouring metamethods in the VM). */
    @FunctionalInterface
    public interface FieldSource {
        Object get(String key);
    }

    /** The result of {@link #time}: the epoch seconds and the normalised fields to write back. */
    public record Normalized(long time, Map<String, Object> fields) {
    }

    /** {@code os.time(t)} in the JVM's default time zone. */
    public static Normalized time(FieldSource t) {
        return time(t, ZoneId.systemDefault());
    }

    /**
     * {@code os.time(t)}: interprets the fields like C's {@code mktime} (out-of-range values are
     * normalised: month 14 is February of the next year, day 0 the last day of the previous month).
     * Defaults: hour 12, min 0, sec 0; year, month and day are required.
     */
    public static Normalized time(FieldSource t, ZoneId zone) {
        long year = getField(t, "year", -1, 1900) + 1900;
        long month = getField(t, "month", -1, 1);
        long day = getField(t, "day", -1, 0);
        long hour = getField(t, "hour", 12, 0);
        long min = getField(t, "min", 0, 0);
        long sec = getField(t, "sec", 0, 0);
        Object dst = t.get("isdst");
        // mktime's normalisation: months into years, then everything into seconds of local time
        year += Math.floorDiv(month, 12);
        month = Math.floorMod(month, 12);
        long local = (daysFromCivil(year, month + 1, 1) + day - 1) * 86400 + hour * 3600 + min * 60 + sec;
        long epoch;
        Map<String, Object> fields;
        if (local > MIN_LOCAL && local < MAX_LOCAL) {
            ZonedDateTime z = ZonedDateTime.ofLocal(LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC), zone, null);
            if (dst instanceof Boolean wantDst) {
                // an explicit isdst picks the matching offset of an ambiguous local time
                z = wantDst ? z.withEarlierOffsetAtOverlap() : z.withLaterOffsetAtOverlap();
            }
            epoch = z.toEpochSecond();
            fields = fields(z);
        } else {
            // beyond java.time's years: civil arithmetic with the zone's current standard offset
            epoch = local - zone.getRules().getStandardOffset(Instant.now()).getTotalSeconds();
            fields = civilFields(local);
        }
        if (epoch == -1) {
            throw LuaTextError.error("time result cannot be represented in this installation");
        }
        return new Normalized(epoch, fields);
    }

    /** Local seconds java.time can represent (years within +-999,999,999, with a margin). */
    private static final long MAX_LOCAL = 31_000_000_000_000_000L;
    private static final long MIN_LOCAL = -MAX_LOCAL;

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(long y, long m, long d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static Map<String, Object> civilFields(long local) {
        long days = Math.floorDiv(local, 86400);
        long secs = Math.floorMod(local, 86400);
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("year", y);
        f.put("month", m);
        f.put("day", d);
        f.put("hour", secs / 3600);
        f.put("min", secs / 60 % 60);
        f.put("sec", secs % 60);
        f.put("yday", days - daysFromCivil(y, 1, 1) + 1);
        f.put("wday", Math.floorMod(days + 4, 7) + 1);
        f.put("isdst", false);
        return f;
    }

    private static long getField(FieldSource t, String key, int d, int delta) {
        Object v = t.get(key);
        Long res = LuaNumbers.toInteger(v);
        if (res == null) {
            if (v != null) {
                throw LuaTextError.error("field '" + key + "' is not an integer");
            } else if (d < 0) {
                throw LuaTextError.error("field '" + key + "' missing in date table");
            }
            return d;
        }
        long r = res;
        if (!(r >= 0 ? r - delta <= Integer.MAX_VALUE : Integer.MIN_VALUE + delta <= r)) {
            throw LuaTextError.error("field '" + key + "' is out-of-bound");
        }
        return r - delta;
    }

    // ---------------------------------------------------------------- strftime

    private static void convert(StringBuilder b, char conv, ZonedDateTime t, boolean utc) {
        switch (conv) {
            case 'a' -> b.append(DAYS[t.getDayOfWeek().getValue() % 7], 0, 3);
            case 'A' -> b.append(DAYS[t.getDayOfWeek().getValue() % 7]);
            case 'b', 'h' -> b.append(MONTHS[t.getMonthValue() - 1], 0, 3);
            case 'B' -> b.append(MONTHS[t.getMonthValue() - 1]);
            case 'c' -> {
                convert(b, 'a', t, utc);
                b.append(' ');
                convert(b, 'b', t, utc);
                b.append(' ');
                convert(b, 'e', t, utc);
                b.append(' ');
                convert(b, 'T', t, utc);
                b.append(' ');
                convert(b, 'Y', t, utc);
            }
            case 'C' -> two(b, Math.floorDiv(t.getYear(), 100));
            case 'd' -> two(b, t.getDayOfMonth());
            case 'D' -> {
                convert(b, 'm', t, utc);
                b.append('/');
                convert(b, 'd', t, utc);
                b.append('/');
                convert(b, 'y', t, utc);
            }
            case 'e' -> {
                if (t.getDayOfMonth() < 10) {
                    b.append(' ');
                }
                b.append(t.getDayOfMonth());
            }
            case 'F' -> {
                convert(b, 'Y', t, utc);
                b.append('-');
                convert(b, 'm', t, utc);
                b.append('-');
                convert(b, 'd', t, utc);
            }
            case 'g' -> two(b, Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100));
            case 'G' -> b.append(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> two(b, t.getHour());
            case 'I' -> two(b, (t.getHour() + 11) % 12 + 1);
            case 'j' -> {
                int y = t.getDayOfYear();
                b.append(y < 10 ? "00" : y < 100 ? "0" : "").append(y);
            }
            case 'm' -> two(b, t.getMonthValue());
            case 'M' -> two(b, t.getMinute());
            case 'n' -> b.append('\n');
            case 'p' -> b.append(t.getHour() < 12 ? "AM" : "PM");
            case 'r' -> {
                convert(b, 'I', t, utc);
                b.append(':');
                convert(b, 'M', t, utc);
                b.append(':');
                convert(b, 'S', t, utc);
                b.append(' ');
                convert(b, 'p', t, utc);
            }
            case 'R' -> {
                convert(b, 'H', t, utc);
                b.append(':');
                convert(b, 'M', t, utc);
            }
            case 'S' -> two(b, t.getSecond());
            case 't' -> b.append('\t');
            case 'T', 'X' -> {
                convert(b, 'H', t, utc);
                b.append(':');
                convert(b, 'M', t, utc);
                b.append(':');
                convert(b, 'S', t, utc);
            }
            case 'u' -> b.append(t.getDayOfWeek().getValue());
            case 'U' -> two(b, (t.getDayOfYear() - 1 + 7 - t.getDayOfWeek().getValue() % 7) / 7);
            case 'V' -> two(b, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> b.append(t.getDayOfWeek().getValue() % 7);
            case 'W' -> two(b, (t.getDayOfYear() - 1 + 7 - (t.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue())) / 7);
            case 'x' -> {
                convert(b, 'm', t, utc);
                b.append('/');
                convert(b, 'd', t, utc);
                b.append('/');
                convert(b, 'y', t, utc);
            }
            case 'y' -> two(b, Math.floorMod(t.getYear(), 100));
            case 'Y' -> b.append(t.getYear());
            case 'z' -> {
                int secs = t.getOffset().getTotalSeconds();
                b.append(secs < 0 ? '-' : '+');
                int a = Math.abs(secs) / 60;
                two(b, a / 60);
                two(b, a % 60);
            }
            case 'Z' -> b.append(utc ? "GMT" : zoneName(t));
            case '%' -> b.append('%');
            default -> throw new IllegalStateException("unchecked conversion " + conv);
        }
    }

    private static String zoneName(ZonedDateTime t) {
        boolean dst = t.getZone().getRules().isDaylightSavings(t.toInstant());
        java.util.TimeZone tz = java.util.TimeZone.getTimeZone(t.getZone());
        return tz.getDisplayName(dst, java.util.TimeZone.SHORT, Locale.ROOT);
    }

    private static void two(StringBuilder b, int v) {
        if (v < 10 && v >= 0) {
            b.append('0');
        }
        b.append(v);
    }

}
