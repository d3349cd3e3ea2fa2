package dev.trellis.runtime.lua;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Go time layouts: a layout is the reference time {@code Mon Jan 2 15:04:05 MST 2006} written the
 * way the text should look ({@code "2006-01-02T15:04:05Z07:00"} is RFC 3339). This class formats a
 * time with a layout and parses text with one, as Go's {@code Time.Format} and
 * {@code time.ParseInLocation} do.
 *
 * <pre>{@code
 * GoLayout.format(Instant.parse("2024-12-29T15:04:05Z"), LuaLocation.UTC, "Mon Jan 2 15:04:05 MST 2006");
 *     // "Sun Dec 29 15:04:05 UTC 2024"
 * GoLayout.parse("2006-01-02", "2024-12-29", LuaLocation.UTC);   // 2024-12-29T00:00:00Z in UTC
 * GoLayout.parse("2006-01-02", "29.12.2024", LuaLocation.UTC);
 *     // GoLayout.ParseError: parsing time "29.12.2024" as "2006-01-02": cannot parse "29.12.2024" as "2006"
 * }</pre>
 *
 * <p>Elements: {@code 2006 06} year, {@code January Jan 1 01} month, {@code Monday Mon} weekday,
 * {@code 2 _2 02} day, {@code __2 002} day of year, {@code 15 3 03} hour, {@code 4 04} minute,
 * {@code 5 05} second, {@code .000}/{@code ,000} fixed and {@code .999}/{@code ,999} trimmed
 * fractions, {@code PM pm}, {@code MST} zone abbreviation, {@code -0700 -07:00 -07 -070000
 * -07:00:00} offsets and the same with {@code Z} for "Z at UTC". Everything else is literal.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoLayout {

    /** A parse failure, with Go's wording. */
    public static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    /** What {@link #parse} found: the instant and the location it is shown in. */
    public record Parsed(long epochSecond, int nano, LuaLocation location) {
    }

    private enum Std {
        LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
        UNDER_YEAR_DAY, ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
        LONG_YEAR, YEAR, PM_UPPER, PM_LOWER, TZ,
        ISO_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_COLON_SECONDS_TZ,
        NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ,
        FRAC_FIXED, FRAC_TRIMMED
    }

    /** One piece of a layout: literal text, or an element (with its layout text, and digits for fractions). */
    private record Chunk(String literal, Std std, String text, int digits, char separator) {
    }

    private static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    /** Seconds from 0001-01-01 (Go's zero time) to the Unix epoch. */
    public static final long ZERO_TIME_EPOCH_SECOND = -62_135_596_800L;

    private GoLayout() {
    }

    // ------------------------------------------------------------------ layout reading

    private static List<Chunk> chunks(String layout) {
        List<Chunk> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        int n = layout.length();
        while (i < n) {
            Chunk c = elementAt(layout, i);
            if (c == null) {
                lit.append(layout.charAt(i));
                i++;
                continue;
            }
            if (c.literal != null) {   // "_2006": the underscore is literal, then the year
                lit.append(c.literal);
                i += c.literal.length();
                continue;
            }
            if (!lit.isEmpty()) {
                out.add(new Chunk(lit.toString(), null, null, 0, ' '));
                lit.setLength(0);
            }
            out.add(c);
            i += c.text.length();
        }
        if (!lit.isEmpty()) {
            out.add(new Chunk(lit.toString(), null, null, 0, ' '));
        }
        return out;
    }

    private static Chunk el(Std std, String text) {
        return new Chunk(null, std, text, 0, ' ');
    }

    /** The element that starts at {@code i}, a literal-only chunk for "_2006", or null for a literal char. */
    private static Chunk elementAt(String s, int i) {
        char c = s.charAt(i);
        switch (c) {
            case 'J':
                if (s.startsWith("January", i)) {
                    return el(Std.LONG_MONTH, "January");
                }
                if (s.startsWith("Jan", i) && !lowerAt(s, i + 3)) {
                    return el(Std.MONTH, "Jan");
                }
                return null;
            case 'M':
                if (s.startsWith("Monday", i)) {
                    return el(Std.LONG_WEEKDAY, "Monday");
                }
                if (s.startsWith("Mon", i) && !lowerAt(s, i + 3)) {
                    return el(Std.WEEKDAY, "Mon");
                }
                if (s.startsWith("MST", i)) {
                    return el(Std.TZ, "MST");
                }
                return null;
            case '0':
                if (i + 1 < s.length() && s.charAt(i + 1) >= '1' && s.charAt(i + 1) <= '6') {
                    Std[] zeros = {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE, Std.ZERO_SECOND, Std.YEAR};
                    return el(zeros[s.charAt(i + 1) - '1'], s.substring(i, i + 2));
                }
                if (s.startsWith("002", i)) {
                    return el(Std.ZERO_YEAR_DAY, "002");
                }
                return null;
            case '1':
                return s.startsWith("15", i) ? el(Std.HOUR, "15") : el(Std.NUM_MONTH, "1");
            case '2':
                return s.startsWith("2006", i) ? el(Std.LONG_YEAR, "2006") : el(Std.DAY, "2");
            case '_':
                if (s.startsWith("_2", i)) {
                    if (s.startsWith("_2006", i)) {
                        return new Chunk("_", null, null, 0, ' ');
                    }
                    return el(Std.UNDER_DAY, "_2");
                }
                if (s.startsWith("__2", i)) {
                    return el(Std.UNDER_YEAR_DAY, "__2");
                }
                return null;
            case '3':
                return el(Std.HOUR12, "3");
            case '4':
                return el(Std.MINUTE, "4");
            case '5':
                return el(Std.SECOND, "5");
            case 'P':
                return s.startsWith("PM", i) ? el(Std.PM_UPPER, "PM") : null;
            case 'p':
                return s.startsWith("pm", i) ? el(Std.PM_LOWER, "pm") : null;
            case '-':
                for (String[] z : new String[][] {{"-070000", "NUM_SECONDS_TZ"}, {"-07:00:00", "NUM_COLON_SECONDS_TZ"},
                    {"-0700", "NUM_TZ"}, {"-07:00", "NUM_COLON_TZ"}, {"-07", "NUM_SHORT_TZ"}}) {
                    if (s.startsWith(z[0], i)) {
                        return el(Std.valueOf(z[1]), z[0]);
                    }
                }
                return null;
            case 'Z':
                for (String[] z : new String[][] {{"Z070000", "ISO_SECONDS_TZ"}, {"Z07:00:00", "ISO_COLON_SECONDS_TZ"},
                    {"Z0700", "ISO_TZ"}, {"Z07:00", "ISO_COLON_TZ"}, {"Z07", "ISO_SHORT_TZ"}}) {
                    if (s.startsWith(z[0], i)) {
                        return el(Std.valueOf(z[1]), z[0]);
                    }
                }
                return null;
            case '.', ',':
                if (i + 1 < s.length() && (s.charAt(i + 1) == '0' || s.charAt(i + 1) == '9')) {
                    char d = s.charAt(i + 1);
                    int j = i + 1;
                    while (j < s.length() && s.charAt(j) == d) {
                        j++;
                    }
                    if (!digitAt(s, j)) {   // a run of 0s or 9s that ends the number: a fraction of a second
                        return new Chunk(null, d == '0' ? Std.FRAC_FIXED : Std.FRAC_TRIMMED, s.substring(i, j), j - i - 1, c);
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static boolean lowerAt(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    private static boolean digitAt(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    // ------------------------------------------------------------------ formatting

    /** {@return {@code at}, shown in {@code loc}, written with {@code layout}} */
    public static String format(Instant at, LuaLocation loc, String layout) {
        ZoneOffset offset = loc.offsetAt(at);
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), offset);
        StringBuilder b = new StringBuilder(layout.length() + 10);
        for (Chunk c : chunks(layout)) {
            if (c.std == null) {
                b.append(c.literal);
                continue;
            }
            int zone = offset.getTotalSeconds();
            switch (c.std) {
                case LONG_YEAR -> pad(b, t.getYear(), 4);
                case YEAR -> pad(b, Math.abs(t.getYear()) % 100, 2);
                case LONG_MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1]);
                case MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1], 0, 3);
                case NUM_MONTH -> b.append(t.getMonthValue());
                case ZERO_MONTH -> pad(b, t.getMonthValue(), 2);
                case LONG_WEEKDAY -> b.append(LONG_DAYS[t.getDayOfWeek().getValue() % 7]);
                case WEEKDAY -> b.append(LONG_DAYS[t.getDayOfWeek().getValue() % 7], 0, 3);
                case DAY -> b.append(t.getDayOfMonth());
                case UNDER_DAY -> b.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
                case ZERO_DAY -> pad(b, t.getDayOfMonth(), 2);
                case UNDER_YEAR_DAY -> b.append(t.getDayOfYear() < 10 ? "  " : t.getDayOfYear() < 100 ? " " : "").append(t.getDayOfYear());
                case ZERO_YEAR_DAY -> pad(b, t.getDayOfYear(), 3);
                case HOUR -> pad(b, t.getHour(), 2);
                case HOUR12 -> b.append(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
                case ZERO_HOUR12 -> pad(b, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2);
                case MINUTE -> b.append(t.getMinute());
                case ZERO_MINUTE -> pad(b, t.getMinute(), 2);
                case SECOND -> b.append(t.getSecond());
                case ZERO_SECOND -> pad(b, t.getSecond(), 2);
                case PM_UPPER -> b.append(t.getHour() >= 12 ? "PM" : "AM");
                case PM_LOWER -> b.append(t.getHour() >= 12 ? "pm" : "am");
                case TZ -> {
                    String abbr = loc.abbreviation(at);
                    if (abbr.isEmpty()) {
                        offset(b, zone, false, false, false);
                    } else {
                        b.append(abbr);
                    }
                }
                case ISO_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_COLON_SECONDS_TZ -> {
                    if (zone == 0) {
                        b.append('Z');
                    } else {
                        offset(b, zone, c.std == Std.ISO_COLON_TZ || c.std == Std.ISO_COLON_SECONDS_TZ,
                                c.std == Std.ISO_SHORT_TZ, c.std == Std.ISO_SECONDS_TZ || c.std == Std.ISO_COLON_SECONDS_TZ);
                    }
                }
                case NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ ->
                        offset(b, zone, c.std == Std.NUM_COLON_TZ || c.std == Std.NUM_COLON_SECONDS_TZ,
                                c.std == Std.NUM_SHORT_TZ, c.std == Std.NUM_SECONDS_TZ || c.std == Std.NUM_COLON_SECONDS_TZ);
                case FRAC_FIXED, FRAC_TRIMMED -> fraction(b, t.getNano(), c.digits, c.separator, c.std == Std.FRAC_TRIMMED);
                default -> throw new IllegalStateException(c.std.name());
            }
        }
        return b.toString();
    }

    private static void pad(StringBuilder b, int v, int width) {
        if (v < 0) {
            b.append('-');
            v = -v;
        }
        String s = Integer.toString(v);
        for (int k = s.length(); k < width; k++) {
            b.append('0');
        }
        b.append(s);
    }

    private static void offset(StringBuilder b, int zone, boolean colon, boolean hoursOnly, boolean seconds) {
        b.append(zone < 0 ? '-' : '+');
        int abs = Math.abs(zone);
        pad(b, abs / 3600, 2);
        if (hoursOnly) {
            return;
        }
        if (colon) {
            b.append(':');
        }
        pad(b, abs / 60 % 60, 2);
        if (seconds) {
            if (colon) {
                b.append(':');
            }
            pad(b, abs % 60, 2);
        }
    }

    private static void fraction(StringBuilder b, int nanos, int digits, char separator, boolean trim) {
        String all = String.format("%09d", nanos).substring(0, Math.min(9, digits));
        if (trim) {
            int end = all.length();
            while (end > 0 && all.charAt(end - 1) == '0') {
                end--;
            }
            if (end == 0) {
                return;   // a whole second: no separator either
            }
            all = all.substring(0, end);
        }
        b.append(separator).append(all);
        for (int k = all.length(); k < digits && !trim; k++) {
            b.append('0');
        }
    }

    // ------------------------------------------------------------------ parsing

    /**
     * {@return the time {@code value} spells in {@code layout}} A value without a zone is read in
     * {@code defaultLocation}; one with an offset is shown in {@code defaultLocation} when that
     * zone has the offset then, else in a nameless fixed zone; {@code Z} and {@code UTC} mean UTC.
     *
     * @throws ParseError with Go's wording
     */
    public static Parsed parse(String layout, String value, LuaLocation defaultLocation) throws ParseError {
        String original = value;
        int year = 0;
        int month = -1;
        int day = -1;
        int yday = -1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nano = 0;
        boolean pm = false;
        boolean am = false;
        boolean utc = false;
        Integer zoneOffset = null;
        String zoneName = null;
        List<Chunk> chunks = chunks(layout);
        for (int ci = 0; ci < chunks.size(); ci++) {
            Chunk c = chunks.get(ci);
            if (c.std == null) {
                String rest = skipLiteral(c.literal, value);
                if (rest == null) {
                    throw cannot(original, layout, value, c.literal);
                }
                value = rest;
                continue;
            }
            String before = value;
            String range = null;
            try {
                switch (c.std) {
                    case YEAR -> {
                        int v = fixedNumber(value, 2);
                        year = v >= 69 ? 1900 + v : 2000 + v;
                        value = value.substring(2);
                    }
                    case LONG_YEAR -> {
                        year = fixedNumber(value, 4);
                        value = value.substring(4);
                    }
                    case LONG_MONTH, MONTH -> {
                        int[] r = lookup(value, LONG_MONTHS, c.std == Std.MONTH);
                        month = r[0] + 1;
                        value = value.substring(r[1]);
                    }
                    case NUM_MONTH, ZERO_MONTH -> {
                        int[] r = number(value, c.std == Std.ZERO_MONTH);
                        month = r[0];
                        value = value.substring(r[1]);
                        if (month < 1 || month > 12) {
                            range = "month";
                        }
                    }
                    case LONG_WEEKDAY, WEEKDAY -> value = value.substring(lookup(value, LONG_DAYS, c.std == Std.WEEKDAY)[1]);
                    case DAY, UNDER_DAY, ZERO_DAY -> {
                        if (c.std == Std.UNDER_DAY && value.startsWith(" ")) {
                            value = value.substring(1);
                        }
                        int[] r = number(value, c.std == Std.ZERO_DAY);
                        day = r[0];
                        value = value.substring(r[1]);
                    }
                    case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                        for (int k = 0; k < 2 && c.std == Std.UNDER_YEAR_DAY && value.startsWith(" "); k++) {
                            value = value.substring(1);
                        }
                        int[] r = number3(value, c.std == Std.ZERO_YEAR_DAY);
                        yday = r[0];
                        value = value.substring(r[1]);
                        if (yday < 1 || yday > 366) {
                            range = "day-of-year";
                        }
                    }
                    case HOUR -> {
                        int[] r = number(value, false);
                        hour = r[0];
                        value = value.substring(r[1]);
                        if (hour > 23) {
                            range = "hour";
                        }
                    }
                    case HOUR12, ZERO_HOUR12 -> {
                        int[] r = number(value, c.std == Std.ZERO_HOUR12);
                        hour = r[0];
                        value = value.substring(r[1]);
                        if (hour > 12) {
                            range = "hour";
                        }
                    }
                    case MINUTE, ZERO_MINUTE -> {
                        int[] r = number(value, c.std == Std.ZERO_MINUTE);
                        minute = r[0];
                        value = value.substring(r[1]);
                        if (minute > 59) {
                            range = "minute";
                        }
                    }
                    case SECOND, ZERO_SECOND -> {
                        int[] r = number(value, c.std == Std.ZERO_SECOND);
                        second = r[0];
                        value = value.substring(r[1]);
                        if (second > 59) {
                            range = "second";
                        }
                        // a fraction in the text that the layout does not spell is read anyway, as Go does
                        boolean layoutHasFraction = ci + 1 < chunks.size() && (chunks.get(ci + 1).std == Std.FRAC_FIXED
                                || chunks.get(ci + 1).std == Std.FRAC_TRIMMED);
                        if (!layoutHasFraction && value.length() >= 2 && (value.charAt(0) == '.' || value.charAt(0) == ',')
                                && digitAt(value, 1)) {
                            int k = 1;
                            while (digitAt(value, k)) {
                                k++;
                            }
                            nano = nanos(value.substring(1, k));
                            value = value.substring(k);
                        }
                    }
                    case PM_UPPER, PM_LOWER -> {
                        String two = value.length() >= 2 ? value.substring(0, 2) : "";
                        String p = c.std == Std.PM_UPPER ? "PM" : "pm";
                        String a = c.std == Std.PM_UPPER ? "AM" : "am";
                        if (two.equals(p)) {
                            pm = true;
                        } else if (two.equals(a)) {
                            am = true;
                        } else {
                            throw new IllegalArgumentException();
                        }
                        value = value.substring(2);
                    }
                    case ISO_TZ, ISO_SECONDS_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_COLON_SECONDS_TZ, NUM_TZ,
                         NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ -> {
                        boolean iso = c.std.name().startsWith("ISO");
                        if (iso && value.startsWith("Z")) {
                            utc = true;
                            value = value.substring(1);
                        } else {
                            int[] r = offsetText(value, c.std);
                            zoneOffset = r[0];
                            value = value.substring(r[1]);
                        }
                    }
                    case TZ -> {
                        if (value.startsWith("UTC")) {
                            utc = true;
                            value = value.substring(3);
                        } else {
                            int len = zoneNameLength(value);
                            if (len <= 0) {
                                throw new IllegalArgumentException();
                            }
                            zoneName = value.substring(0, len);
                            value = value.substring(len);
                        }
                    }
                    case FRAC_FIXED -> {
                        int need = 1 + c.digits;
                        if (value.length() < need || (value.charAt(0) != '.' && value.charAt(0) != ',')) {
                            throw new IllegalArgumentException();
                        }
                        for (int k = 1; k < need; k++) {
                            if (!digitAt(value, k)) {
                                throw new IllegalArgumentException();
                            }
                        }
                        nano = nanos(value.substring(1, need));
                        value = value.substring(need);
                    }
                    case FRAC_TRIMMED -> {
                        // optional: only when the text has a separator and a digit here
                        if (value.length() >= 2 && (value.charAt(0) == '.' || value.charAt(0) == ',') && digitAt(value, 1)) {
                            int k = 1;
                            while (digitAt(value, k)) {
                                k++;
                            }
                            nano = nanos(value.substring(1, k));
                            value = value.substring(k);
                        }
                    }
                    default -> throw new IllegalStateException(c.std.name());
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw cannot(original, layout, before, c.text);
            }
            if (range != null) {
                throw new ParseError("parsing time " + quote(original) + ": " + range + " out of range");
            }
        }
        if (!value.isEmpty()) {
            throw new ParseError("parsing time " + quote(original) + ": extra text: " + quote(value));
        }
        if (pm && hour < 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        }
        if (yday >= 0) {
            LocalDate d;
            try {
                d = LocalDate.ofYearDay(year, yday);
            } catch (DateTimeException e) {
                throw new ParseError("parsing time " + quote(original) + ": day-of-year out of range");
            }
            if ((month >= 0 && month != d.getMonthValue()) || (day >= 0 && day != d.getDayOfMonth())) {
                throw new ParseError("parsing time " + quote(original) + ": day-of-year does not match " + (day >= 0 ? "day" : "month"));
            }
            month = d.getMonthValue();
            day = d.getDayOfMonth();
        } else {
            month = month < 0 ? 1 : month;
            day = day < 0 ? 1 : day;
        }
        if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            throw new ParseError("parsing time " + quote(original) + ": day out of range");
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
        if (utc) {
            return new Parsed(local.toEpochSecond(ZoneOffset.UTC), nano, LuaLocation.UTC);
        }
        if (zoneOffset != null) {
            long epoch = local.toEpochSecond(ZoneOffset.UTC) - zoneOffset;
            Instant at = Instant.ofEpochSecond(epoch, nano);
            LuaLocation shown = defaultLocation.offsetAt(at).getTotalSeconds() == zoneOffset ? defaultLocation
                    : fixedOrRaise(original, "", zoneOffset);
            return new Parsed(epoch, nano, shown);
        }
        if (zoneName != null) {
            // the default location's own abbreviation at that local time: read the time there
            long inDefault = GoDates.epochSecondIn(local, defaultLocation);
            if (defaultLocation.abbreviation(Instant.ofEpochSecond(inDefault)).equals(zoneName)) {
                return new Parsed(inDefault, nano, defaultLocation);
            }
            int gmt = gmtOffset(zoneName);
            // an abbreviation we cannot place: Go reads the time as UTC in a zone of that name
            LuaLocation fake = fixedOrRaise(original, zoneName, gmt);
            return new Parsed(local.toEpochSecond(ZoneOffset.UTC) - gmt, nano, fake);
        }
        return new Parsed(GoDates.epochSecondIn(local, defaultLocation), nano, defaultLocation);
    }

    private static LuaLocation fixedOrRaise(String original, String name, int offset) throws ParseError {
        try {
            return LuaLocation.fixed(name, offset);
        } catch (DateTimeException e) {
            throw new ParseError("parsing time " + quote(original) + ": time zone offset out of range");
        }
    }

    /** {@code "GMT+3"} → 3 hours; any other name → 0. */
    private static int gmtOffset(String name) {
        if (name.length() > 3 && name.startsWith("GMT")) {
            try {
                return Integer.parseInt(name.substring(name.charAt(3) == '+' ? 4 : 3)) * 3600;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** The rest of {@code value} after {@code literal}, or null; a run of spaces matches one or more spaces. */
    private static String skipLiteral(String literal, String value) {
        int i = 0;
        int j = 0;
        while (i < literal.length()) {
            char c = literal.charAt(i);
            if (c == ' ') {
                if (j < value.length() && value.charAt(j) != ' ') {
                    return null;
                }
                while (i < literal.length() && literal.charAt(i) == ' ') {
                    i++;
                }
                while (j < value.length() && value.charAt(j) == ' ') {
                    j++;
                }
                continue;
            }
            if (j >= value.length() || value.charAt(j) != c) {
                return null;
            }
            i++;
            j++;
        }
        return value.substring(j);
    }

    private static int fixedNumber(String v, int width) {
        if (v.length() < width) {
            throw new IllegalArgumentException();
        }
        int n = 0;
        for (int k = 0; k < width; k++) {
            if (!digitAt(v, k)) {
                throw new IllegalArgumentException();
            }
            n = n * 10 + v.charAt(k) - '0';
        }
        return n;
    }

    /** One or two digits ({@code fixed}: exactly two); {value, length}. */
    private static int[] number(String v, boolean fixed) {
        if (!digitAt(v, 0)) {
            throw new IllegalArgumentException();
        }
        if (!digitAt(v, 1)) {
            if (fixed) {
                throw new IllegalArgumentException();
            }
            return new int[] {v.charAt(0) - '0', 1};
        }
        return new int[] {(v.charAt(0) - '0') * 10 + v.charAt(1) - '0', 2};
    }

    /** One to three digits ({@code fixed}: exactly three); {value, length}. */
    private static int[] number3(String v, boolean fixed) {
        int k = 0;
        int n = 0;
        while (k < 3 && digitAt(v, k)) {
            n = n * 10 + v.charAt(k) - '0';
            k++;
        }
        if (k == 0 || fixed && k < 3) {
            throw new IllegalArgumentException();
        }
        return new int[] {n, k};
    }

    /** A month or weekday name (a three-letter prefix when {@code shortForm}), any case; {index, length}. */
    private static int[] lookup(String v, String[] names, boolean shortForm) {
        for (int k = 0; k < names.length; k++) {
            String name = shortForm ? names[k].substring(0, 3) : names[k];
            if (v.regionMatches(true, 0, name, 0, name.length())) {
                return new int[] {k, name.length()};
            }
        }
        throw new IllegalArgumentException();
    }

    /** A numeric offset in the form the element asks for; {seconds east of UTC, length}. */
    private static int[] offsetText(String v, Std std) {
        boolean colon = std == Std.NUM_COLON_TZ || std == Std.NUM_COLON_SECONDS_TZ || std == Std.ISO_COLON_TZ
                || std == Std.ISO_COLON_SECONDS_TZ;
        boolean shortForm = std == Std.NUM_SHORT_TZ || std == Std.ISO_SHORT_TZ;
        boolean seconds = std == Std.NUM_SECONDS_TZ || std == Std.NUM_COLON_SECONDS_TZ || std == Std.ISO_SECONDS_TZ
                || std == Std.ISO_COLON_SECONDS_TZ;
        if (v.isEmpty() || (v.charAt(0) != '+' && v.charAt(0) != '-')) {
            throw new IllegalArgumentException();
        }
        int sign = v.charAt(0) == '-' ? -1 : 1;
        int k = 1;
        int hh = fixedNumber(v.substring(k), 2);
        k += 2;
        int mm = 0;
        int ss = 0;
        if (!shortForm) {
            if (colon) {
                if (k >= v.length() || v.charAt(k) != ':') {
                    throw new IllegalArgumentException();
                }
                k++;
            }
            mm = fixedNumber(v.substring(k), 2);
            k += 2;
            if (seconds) {
                if (colon) {
                    if (k >= v.length() || v.charAt(k) != ':') {
                        throw new IllegalArgumentException();
                    }
                    k++;
                }
                ss = fixedNumber(v.substring(k), 2);
                k += 2;
            }
        }
        if (hh > 24 || mm > 60 || ss > 60) {
            throw new IllegalArgumentException();
        }
        return new int[] {sign * (hh * 3600 + mm * 60 + ss), k};
    }

    /** Length of a zone abbreviation at the start: 3 to 5 upper-case letters, or GMT with an hour offset; else 0. */
    private static int zoneNameLength(String v) {
        if (v.startsWith("GMT")) {
            int k = 3;
            if (k < v.length() && (v.charAt(k) == '+' || v.charAt(k) == '-')) {
                k++;
                while (digitAt(v, k)) {
                    k++;
                }
            }
            return k;
        }
        int k = 0;
        while (k < v.length() && k < 6 && v.charAt(k) >= 'A' && v.charAt(k) <= 'Z') {
            k++;
        }
        return k >= 3 && k <= 5 ? k : 0;
    }

    private static int nanos(String digits) {
        String nine = digits.length() >= 9 ? digits.substring(0, 9) : digits + "000000000".substring(digits.length());
        return Integer.parseInt(nine);
    }

    private static ParseError cannot(String original, String layout, String rest, String element) {
        return new ParseError("parsing time " + quote(original) + " as " + quote(layout) + ": cannot parse "
                + quote(rest) + " as " + quote(element));
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
