package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Ticker;
import dev.trellis.core.Timer;
import dev.trellis.core.channel.Channel;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import dev.trellis.runtime.lua.Durations;
import dev.trellis.runtime.lua.GoDates;
import dev.trellis.runtime.lua.GoLayout;
import dev.trellis.runtime.lua.LuaDuration;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaLocation;
import dev.trellis.runtime.lua.LuaProc;
import dev.trellis.runtime.lua.LuaTime;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The {@code time} module (Wippy's), loaded with {@code require("time")} by entries that list it
 * in {@code modules}: Time, Duration and Location objects ({@link LuaTime}, {@link LuaDuration},
 * {@link LuaLocation}), Go layouts ({@link GoLayout}), and timers that park only the calling
 * coroutine.
 *
 * <pre>{@code
 * local time = require("time")
 * local t = time.date(2024, 12, 29, 15, 4, 5, 0, time.utc)
 * t:format(time.RFC3339)                  -- "2024-12-29T15:04:05Z"
 * local d = time.parse_duration("1h30m")  -- a Duration; d:minutes() == 90
 * time.sleep("5ms")                       -- parks this coroutine only
 * local timeout = time.after("1s")        -- one Time value, then closed; usable in select
 * local tm = time.timer("50ms")           -- tm:channel() (or :response()), tm:stop(), tm:reset(d)
 * local tick = time.ticker("10ms")        -- tick:channel(), tick:stop()
 * }</pre>
 *
 * <p>Durations are nanosecond numbers, Go duration strings or Duration objects. Bad input that a
 * caller may get from outside (a duration, a time text, a zone name) gives {@code nil, err} with
 * kind INVALID (NOT_FOUND for an unknown zone), not retryable; arguments of the wrong type raise.
 *
 * <p>Thread-safety: the tables are frozen and shared; timers belong to the process that made them.
 */
final class TimeModule {

    private static final LuaTable TIMER_MT = new LuaTable();
    private static final LuaTable TICKER_MT = new LuaTable();

    private TimeModule() {
    }

    /** {@return the frozen module table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        constants(t);
        BuiltInModules.fn(t, "sleep", (s, a) -> {
            Duration d;
            try {
                d = Durations.of(arg(a, 0), "time.sleep");
            } catch (IllegalArgumentException e) {
                return invalid(e.getMessage());
            }
            if (d.isNegative() || d.isZero()) {
                return new Object[0];
            }
            LuaProc p = LuaProc.of(s);
            Channel<Instant> ch = p.proc().after(d);
            return p.scheduler().block(true, w -> ch.parkReceiver(w, 0), w -> new Object[0]);
        });
        BuiltInModules.fn(t, "after", (s, a) -> {
            Object d = positive(a, "time.after");
            if (!(d instanceof Duration dd)) {
                return (Object[]) d;
            }
            LuaProc p = LuaProc.of(s);
            return new Object[] {p.timerChannel(p.proc().after(dd))};
        });
        BuiltInModules.fn(t, "timer", (s, a) -> {
            Object d = positive(a, "time.timer");
            if (!(d instanceof Duration dd)) {
                return (Object[]) d;
            }
            Timer timer = LuaProc.of(s).proc().timer(dd);
            return new Object[] {new LuaUserdata(new Object[] {timer, null}, TIMER_MT)};
        });
        BuiltInModules.fn(t, "ticker", (s, a) -> {
            Object d = positive(a, "time.ticker");
            if (!(d instanceof Duration dd)) {
                return (Object[]) d;
            }
            LuaProc p = LuaProc.of(s);
            Ticker ticker = p.proc().ticker(dd);
            p.tickerStarted(ticker);
            return new Object[] {new LuaUserdata(new Object[] {ticker, null}, TICKER_MT)};
        });
        BuiltInModules.fn(t, "now", (s, a) -> new Object[] {LuaTime.now()});
        BuiltInModules.fn(t, "date", (s, a) -> {
            long[] f = new long[7];
            for (int i = 0; i < 7; i++) {
                f[i] = LuaArgs.checkInteger(a, i, "date");
            }
            LuaLocation loc = arg(a, 7) == null ? LuaLocation.LOCAL : LuaLocation.check(a, 7, "date");
            try {
                LocalDateTime local = GoDates.normalized(f[0], f[1], f[2], f[3], f[4], f[5]);
                return new Object[] {LuaTime.of(GoDates.epochSecondIn(local, loc), f[6], loc)};
            } catch (DateTimeException | ArithmeticException e) {
                throw new LuaError("date: date out of range");
            }
        });
        BuiltInModules.fn(t, "unix", (s, a) -> {
            long sec = LuaArgs.checkInteger(a, 0, "unix");
            long nsec = LuaArgs.optInteger(a, 1, "unix", 0);
            return new Object[] {LuaTime.of(sec, nsec, LuaLocation.LOCAL)};
        });
        BuiltInModules.fn(t, "parse", (s, a) -> {
            String layout = LuaStrings.toJava(LuaArgs.checkString(a, 0, "parse"));
            String value = LuaStrings.toJava(LuaArgs.checkString(a, 1, "parse"));
            LuaLocation loc = arg(a, 2) == null ? LuaLocation.LOCAL : LuaLocation.check(a, 2, "parse");
            try {
                GoLayout.Parsed p = GoLayout.parse(layout, value, loc);
                return new Object[] {LuaTime.of(p.epochSecond(), p.nano(), p.location())};
            } catch (GoLayout.ParseError e) {
                return invalid("time.parse: " + e.getMessage());
            } catch (DateTimeException | ArithmeticException e) {
                return invalid("time.parse: parsing time \"" + value + "\": date out of range");
            }
        });
        BuiltInModules.fn(t, "parse_duration", (s, a) -> {
            try {
                return new Object[] {LuaDuration.of(Durations.of(arg(a, 0), "time.parse_duration").toNanos())};
            } catch (IllegalArgumentException e) {
                return invalid(e.getMessage());
            }
        });
        BuiltInModules.fn(t, "load_location", (s, a) -> {
            String name = LuaStrings.toJava(LuaArgs.checkString(a, 0, "load_location"));
            if (name.isEmpty()) {
                return invalid("time.load_location: empty location name");
            }
            LuaLocation loc = LuaLocation.load(name);
            if (loc == null) {
                return LuaErrors.failNotRetryable(ErrorKind.NOT_FOUND, "time.load_location: unknown time zone " + name);
            }
            return new Object[] {loc};
        });
        BuiltInModules.fn(t, "fixed_zone", (s, a) -> {
            String name = LuaStrings.toJava(LuaArgs.checkString(a, 0, "fixed_zone"));
            long offset = LuaArgs.checkInteger(a, 1, "fixed_zone");
            if (Math.abs(offset) > 18 * 3600) {
                throw LuaArgs.argError(1, "fixed_zone", "offset out of range (at most 18 hours either way)");
            }
            return new Object[] {LuaLocation.fixed(name, (int) offset)};
        });

        LuaTable timer = new LuaTable();
        BuiltInModules.fn(timer, "channel", (s, a) -> new Object[] {channelOf(s, a, TIMER_MT, "channel")});
        timer.rawset("response", timer.rawgetStr("channel"));
        BuiltInModules.fn(timer, "stop", (s, a) -> new Object[] {((Timer) handle(a, TIMER_MT, "stop")[0]).stop()});
        BuiltInModules.fn(timer, "reset", (s, a) -> {
            Timer tm = (Timer) handle(a, TIMER_MT, "reset")[0];
            Duration d;
            try {
                d = Durations.of(arg(a, 1), "timer:reset");
            } catch (IllegalArgumentException e) {
                throw new LuaError(e.getMessage());   // as Wippy: a bad reset raises
            }
            if (d.isNegative() || d.isZero()) {
                throw new LuaError("timer:reset: duration must be > 0");
            }
            return new Object[] {tm.reset(d)};
        });
        TIMER_MT.rawset("__index", timer.freeze());
        TIMER_MT.rawset("__name", "time.Timer");
        TIMER_MT.freeze();

        LuaTable ticker = new LuaTable();
        BuiltInModules.fn(ticker, "channel", (s, a) -> new Object[] {channelOf(s, a, TICKER_MT, "channel")});
        ticker.rawset("response", ticker.rawgetStr("channel"));
        BuiltInModules.fn(ticker, "stop", (s, a) -> {
            Ticker tk = (Ticker) handle(a, TICKER_MT, "stop")[0];
            tk.stop();
            LuaProc.of(s).tickerStopped(tk);
            return new Object[] {Boolean.TRUE};
        });
        TICKER_MT.rawset("__index", ticker.freeze());
        TICKER_MT.rawset("__name", "time.Ticker");
        TICKER_MT.freeze();

        return t.freeze();
    }

    /** Units, Go's layout constants, months, weekdays and the two fixed locations. */
    private static void constants(LuaTable t) {
        t.rawset("NANOSECOND", 1L);
        t.rawset("MICROSECOND", 1_000L);
        t.rawset("MILLISECOND", 1_000_000L);
        t.rawset("SECOND", 1_000_000_000L);
        t.rawset("MINUTE", 60_000_000_000L);
        t.rawset("HOUR", 3_600_000_000_000L);
        t.rawset("RFC3339", "2006-01-02T15:04:05Z07:00");
        t.rawset("RFC3339NANO", "2006-01-02T15:04:05.999999999Z07:00");
        t.rawset("RFC822", "02 Jan 06 15:04 MST");
        t.rawset("RFC822Z", "02 Jan 06 15:04 -0700");
        t.rawset("RFC850", "Monday, 02-Jan-06 15:04:05 MST");
        t.rawset("RFC1123", "Mon, 02 Jan 2006 15:04:05 MST");
        t.rawset("RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700");
        t.rawset("KITCHEN", "3:04PM");
        t.rawset("STAMP", "Jan _2 15:04:05");
        t.rawset("STAMP_MILLI", "Jan _2 15:04:05.000");
        t.rawset("STAMP_MICRO", "Jan _2 15:04:05.000000");
        t.rawset("STAMP_NANO", "Jan _2 15:04:05.000000000");
        t.rawset("DATE_TIME", "2006-01-02 15:04:05");
        t.rawset("DATE_ONLY", "2006-01-02");
        t.rawset("TIME_ONLY", "15:04:05");
        String[] months = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
            "OCTOBER", "NOVEMBER", "DECEMBER"};
        for (int i = 0; i < months.length; i++) {
            t.rawset(months[i], (long) (i + 1));
        }
        String[] days = {"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"};
        for (int i = 0; i < days.length; i++) {
            t.rawset(days[i], (long) i);
        }
        t.rawset("utc", LuaLocation.UTC);
        t.rawset("localtz", LuaLocation.LOCAL);
    }

    private static Object[] invalid(String message) {
        return LuaErrors.failNotRetryable(ErrorKind.INVALID, message);
    }

    /** {@return the duration argument when it is > 0, else the {@code nil, err} pair saying what is wrong} */
    private static Object positive(Object[] a, String fname) {
        Duration d;
        try {
            d = Durations.of(arg(a, 0), fname);
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        return d.isNegative() || d.isZero() ? invalid(fname + ": duration must be > 0") : d;
    }

    private static Object[] handle(Object[] a, LuaTable mt, String fname) {
        if (arg(a, 0) instanceof LuaUserdata u && u.getMetatable() == mt) {
            return (Object[]) u.value();
        }
        throw LuaArgs.typeError(a, 0, fname, (String) mt.rawgetStr("__name"));
    }

    /** The channel userdata of a timer or ticker, made once so that it stays identical. */
    private static LuaUserdata channelOf(LuaState s, Object[] a, LuaTable mt, String fname) {
        Object[] h = handle(a, mt, fname);
        if (h[1] == null) {
            h[1] = LuaProc.of(s).timerChannel(h[0] instanceof Timer t ? t.channel() : ((Ticker) h[0]).channel());
        }
        return (LuaUserdata) h[1];
    }
}
