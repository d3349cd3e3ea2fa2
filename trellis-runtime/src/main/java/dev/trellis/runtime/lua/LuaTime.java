package dev.trellis.runtime.lua;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A point in time as the {@code time} module has it (Go's {@code time.Time}): an instant to the
 * nanosecond and the location it is shown in. {@code time.now()} returns one, timer channels
 * deliver one. Methods: {@code add(d)}, {@code sub(t)} (a Duration), {@code add_date(y, m, d)},
 * {@code before/after/equal(t)}, {@code format(layout)}, {@code format_rfc3339()},
 * {@code unix()}, {@code unix_nano()}, {@code date()}, {@code clock()}, {@code year()} …
 * {@code nanosecond()}, {@code weekday()} (0 = Sunday), {@code year_day()}, {@code is_zero()},
 * {@code in_location(loc)}, {@code location()}, {@code utc()}, {@code in_local()},
 * {@code round(d)}, {@code truncate(d)}; {@code tostring}, and, in Trellis, {@code ==}, {@code <},
 * {@code <=} comparing instants (location ignored, as {@code equal}).
 *
 * <pre>{@code
 * local t = time.date(2024, 12, 29, 15, 4, 5, 0, time.utc)
 * t:add("1h30m"):format("15:04")          -- "16:34"
 * t:sub(time.unix(0, 0)):hours()          -- a float
 * }</pre>
 *
 * <p>Immutable; the metatable is frozen and shared.
 */
public final class LuaTime extends LuaUserdata {

    private static final LuaTable TIME_MT = new LuaTable();
    private static final String RFC3339 = "2006-01-02T15:04:05Z07:00";

    static {
        LuaTable m = new LuaTable();
        fn(m, "add", (s, a) -> {
            LuaTime t = check(a, 0, "add");
            long d = durationArg(a, 1, "add");
            return one(t.plusNanos(d));
        });
        fn(m, "sub", (s, a) -> {
            LuaTime t = check(a, 0, "sub");
            return one(t.sub(check(a, 1, "sub")));
        });
        fn(m, "add_date", (s, a) -> {
            LuaTime t = check(a, 0, "add_date");
            long y = LuaArgs.checkInteger(a, 1, "add_date");
            long mo = LuaArgs.checkInteger(a, 2, "add_date");
            long d = LuaArgs.checkInteger(a, 3, "add_date");
            LocalDateTime l = t.local();
            return one(at(a, "add_date", () -> {
                LocalDateTime n = GoDates.normalized(l.getYear() + y, l.getMonthValue() + mo, l.getDayOfMonth() + d,
                        l.getHour(), l.getMinute(), l.getSecond());
                return new LuaTime(GoDates.epochSecondIn(n, t.location), t.nanos, t.location);
            }));
        });
        fn(m, "after", (s, a) -> one(compare(check(a, 0, "after"), check(a, 1, "after")) > 0));
        fn(m, "before", (s, a) -> one(compare(check(a, 0, "before"), check(a, 1, "before")) < 0));
        fn(m, "equal", (s, a) -> one(compare(check(a, 0, "equal"), check(a, 1, "equal")) == 0));
        fn(m, "format", (s, a) -> {
            LuaTime t = check(a, 0, "format");
            String layout = LuaStrings.toJava(LuaArgs.checkString(a, 1, "format"));
            return one(LuaStrings.fromJava(GoLayout.format(t.instant(), t.location, layout)));
        });
        fn(m, "format_rfc3339", (s, a) -> {
            LuaTime t = check(a, 0, "format_rfc3339");
            return one(GoLayout.format(t.instant(), t.location, RFC3339));
        });
        fn(m, "unix", (s, a) -> one(check(a, 0, "unix").seconds));
        fn(m, "unix_nano", (s, a) -> {
            LuaTime t = check(a, 0, "unix_nano");
            return one(t.seconds * 1_000_000_000L + t.nanos);
        });
        fn(m, "date", (s, a) -> {
            LocalDateTime l = check(a, 0, "date").local();
            return new Object[] {(long) l.getYear(), (long) l.getMonthValue(), (long) l.getDayOfMonth()};
        });
        fn(m, "clock", (s, a) -> {
            LocalDateTime l = check(a, 0, "clock").local();
            return new Object[] {(long) l.getHour(), (long) l.getMinute(), (long) l.getSecond()};
        });
        fn(m, "year", (s, a) -> one((long) check(a, 0, "year").local().getYear()));
        fn(m, "month", (s, a) -> one((long) check(a, 0, "month").local().getMonthValue()));
        fn(m, "day", (s, a) -> one((long) check(a, 0, "day").local().getDayOfMonth()));
        fn(m, "hour", (s, a) -> one((long) check(a, 0, "hour").local().getHour()));
        fn(m, "minute", (s, a) -> one((long) check(a, 0, "minute").local().getMinute()));
        fn(m, "second", (s, a) -> one((long) check(a, 0, "second").local().getSecond()));
        fn(m, "nanosecond", (s, a) -> one((long) check(a, 0, "nanosecond").nanos));
        fn(m, "weekday", (s, a) -> one((long) (check(a, 0, "weekday").local().getDayOfWeek().getValue() % 7)));
        fn(m, "year_day", (s, a) -> one((long) check(a, 0, "year_day").local().getDayOfYear()));
        fn(m, "is_zero", (s, a) -> {
            LuaTime t = check(a, 0, "is_zero");
            return one(t.seconds == GoLayout.ZERO_TIME_EPOCH_SECOND && t.nanos == 0);
        });
        fn(m, "in_location", (s, a) -> {
            LuaTime t = check(a, 0, "in_location");
            return one(new LuaTime(t.seconds, t.nanos, LuaLocation.check(a, 1, "in_location")));
        });
        fn(m, "location", (s, a) -> one(check(a, 0, "location").location));
        fn(m, "utc", (s, a) -> {
            LuaTime t = check(a, 0, "utc");
            return one(new LuaTime(t.seconds, t.nanos, LuaLocation.UTC));
        });
        fn(m, "in_local", (s, a) -> {
            LuaTime t = check(a, 0, "in_local");
            return one(new LuaTime(t.seconds, t.nanos, LuaLocation.LOCAL));
        });
        fn(m, "round", (s, a) -> {
            LuaTime t = check(a, 0, "round");
            long[] r = GoDates.round(t.seconds, t.nanos, LuaDuration.check(a, 1, "round").nanos());
            return one(new LuaTime(r[0], (int) r[1], t.location));
        });
        fn(m, "truncate", (s, a) -> {
            LuaTime t = check(a, 0, "truncate");
            long[] r = GoDates.truncate(t.seconds, t.nanos, LuaDuration.check(a, 1, "truncate").nanos());
            return one(new LuaTime(r[0], (int) r[1], t.location));
        });
        TIME_MT.rawset("__index", m.freeze());
        TIME_MT.rawset("__name", "time.Time");
        fn(TIME_MT, "__tostring", (s, a) -> {
            LuaTime t = check(a, 0, "tostring");
            return one(LuaStrings.fromJava(GoLayout.format(t.instant(), t.location, "2006-01-02 15:04:05.999999999 -0700 MST")));
        });
        fn(TIME_MT, "__eq", (s, a) -> one(arg(a, 0) instanceof LuaTime x && arg(a, 1) instanceof LuaTime y && compare(x, y) == 0));
        fn(TIME_MT, "__lt", (s, a) -> one(compare(check(a, 0, "__lt"), check(a, 1, "__lt")) < 0));
        fn(TIME_MT, "__le", (s, a) -> one(compare(check(a, 0, "__le"), check(a, 1, "__le")) <= 0));
        TIME_MT.freeze();
    }

    private final long seconds;
    private final int nanos;
    private final LuaLocation location;

    private LuaTime(long seconds, int nanos, LuaLocation location) {
        super(null, TIME_MT);
        this.seconds = seconds;
        this.nanos = nanos;
        this.location = location;
    }

    @Override
    public Object value() {
        return this;
    }

    /** {@return a Time for {@code at}, shown in the local zone (as Go's {@code time.Now()})} */
    public static LuaTime of(Instant at) {
        return new LuaTime(at.getEpochSecond(), at.getNano(), LuaLocation.LOCAL);
    }

    /** {@return the current time, in the local zone} The Instant read on the way does not escape. */
    public static LuaTime now() {
        Instant i = Instant.now();
        return new LuaTime(i.getEpochSecond(), i.getNano(), LuaLocation.LOCAL);
    }

    /** {@return the time {@code seconds} + {@code nanos} after the epoch (nanos may be any value), shown in {@code loc}} */
    public static LuaTime of(long seconds, long nanos, LuaLocation loc) {
        long s = Math.addExact(seconds, Math.floorDiv(nanos, 1_000_000_000L));
        return new LuaTime(s, (int) Math.floorMod(nanos, 1_000_000_000L), loc);
    }

    /** {@return this time {@code d} nanoseconds later (earlier when negative)} */
    public LuaTime plusNanos(long d) {
        return of(seconds + Math.floorDiv(d, 1_000_000_000L), nanos + Math.floorMod(d, 1_000_000_000L), location);
    }

    /** {@return the Duration from {@code u} to this time ({@code t:sub(u)}), saturated as Go's is} */
    public LuaDuration sub(LuaTime u) {
        return LuaDuration.of(GoDates.between(seconds, nanos, u.seconds, u.nanos));
    }

    /** {@return the instant} */
    public Instant instant() {
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** {@return the location it is shown in} */
    public LuaLocation location() {
        return location;
    }

    private LocalDateTime local() {
        return LocalDateTime.ofEpochSecond(seconds, nanos, location.offsetAt(instant()));
    }

    private static int compare(LuaTime x, LuaTime y) {
        int c = Long.compare(x.seconds, y.seconds);
        return c != 0 ? c : Integer.compare(x.nanos, y.nanos);
    }

    /** {@return the Time argument {@code i}; raises a Lua type error naming {@code fname} otherwise} */
    public static LuaTime check(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaTime t) {
            return t;
        }
        throw LuaArgs.typeError(a, i, fname, "time.Time");
    }

    /** {@return the instant argument {@code i} holds; raises a Lua type error naming {@code fname} otherwise} */
    public static Instant instant(Object[] a, int i, String fname) {
        return check(a, i, fname).instant();
    }

    /** A duration argument (number, string or Duration) in nanoseconds; raises naming the argument. */
    private static long durationArg(Object[] a, int i, String fname) {
        try {
            Duration d = Durations.of(arg(a, i), fname);
            return d.toNanos();
        } catch (IllegalArgumentException e) {
            throw LuaArgs.argError(i, fname, e.getMessage());
        }
    }

    private interface TimeSupplier {
        LuaTime get();
    }

    /** Dates beyond what Java represents raise instead of failing with a Java exception. */
    private static LuaTime at(Object[] a, String fname, TimeSupplier f) {
        try {
            return f.get();
        } catch (DateTimeException | ArithmeticException e) {
            throw new LuaError(fname + ": date out of range");
        }
    }

    private static Object[] one(Object v) {
        return new Object[] {v};
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of(name, body));
    }
}
