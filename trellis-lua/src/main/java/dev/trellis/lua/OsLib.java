package dev.trellis.lua;

import static dev.trellis.lua.LuaArgs.*;
import static dev.trellis.lua.StandardLibrary.fn;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The sandboxed os subset: time, clock, date, difftime, and getenv when the state allows it. */
final class OsLib {
    private OsLib() {}

    private static final long START = System.nanoTime();

    static LuaTable create() {
        LuaTable t = new LuaTable();
        fn(t, "time", (L, a) -> {
            Object arg = arg(a, 0);
            if (arg == null) return new Object[] {LuaValues.valueOf(System.currentTimeMillis() / 1000)};
            LuaTable tt = checkTable(a, 0, "time");
            int year = field(tt, "year", -1), month = field(tt, "month", -1), day = field(tt, "day", -1);
            int hour = field(tt, "hour", 12), min = field(tt, "min", 0), sec = field(tt, "sec", 0);
            LocalDateTime ldt = LocalDateTime.of(year, 1, 1, 0, 0, 0)
                    .plusMonths(month - 1).plusDays(day - 1).plusHours(hour).plusMinutes(min).plusSeconds(sec);
            return new Object[] {LuaValues.valueOf(ldt.atZone(ZoneId.systemDefault()).toEpochSecond())};
        });
        fn(t, "clock", (L, a) -> new Object[] {(System.nanoTime() - START) / 1e9});
        fn(t, "difftime", (L, a) -> new Object[] {
            checkDouble(a, 0, "difftime") - (arg(a, 1) == null ? 0.0 : checkDouble(a, 1, "difftime"))});
        fn(t, "getenv", (L, a) -> {
            String name = checkString(a, 0, "getenv");
            if (!L.allowGetenv) return new Object[] {null};
            String v = System.getenv(LuaStrings.toJava(name));
            return new Object[] {v == null ? null : LuaStrings.fromJava(v)};
        });
        fn(t, "date", (L, a) -> {
            String fmt = optString(a, 0, "date", "%c");
            long time = arg(a, 1) == null ? System.currentTimeMillis() / 1000 : checkInteger(a, 1, "date");
            boolean utc = fmt.startsWith("!");
            if (utc) fmt = fmt.substring(1);
            ZonedDateTime dt = java.time.Instant.ofEpochSecond(time).atZone(utc ? ZoneId.of("UTC") : ZoneId.systemDefault());
            if (fmt.startsWith("*t")) {
                LuaTable r = new LuaTable(0, 9);
                r.rawset("year", (long) dt.getYear());
                r.rawset("month", (long) dt.getMonthValue());
                r.rawset("day", (long) dt.getDayOfMonth());
                r.rawset("hour", (long) dt.getHour());
                r.rawset("min", (long) dt.getMinute());
                r.rawset("sec", (long) dt.getSecond());
                r.rawset("wday", (long) (dt.getDayOfWeek().getValue() % 7 + 1));
                r.rawset("yday", (long) dt.getDayOfYear());
                r.rawset("isdst", Boolean.FALSE);
                return new Object[] {r};
            }
            return new Object[] {TextBridge.strftime(fmt, dt)};
        });
        return t;
    }

    private static int field(LuaTable t, String key, int def) {
        Object v = t.rawget(key);
        if (v == null) {
            if (def < 0) throw LuaError.runtime("field '" + key + "' missing in date table");
            return def;
        }
        if (v instanceof Long l) return (int) (long) l;
        if (v instanceof Double d && Arith.exactLong(d) != null) return (int) (long) Arith.exactLong(d);
        if (v instanceof String s && LuaValues.toNumber(s) instanceof Long l) return (int) (long) l;
        throw LuaError.runtime("field '" + key + "' is not an integer");
    }
}
