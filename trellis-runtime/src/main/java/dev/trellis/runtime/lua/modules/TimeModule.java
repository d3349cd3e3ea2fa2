package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Ticker;
import dev.trellis.core.Timer;
import dev.trellis.core.channel.Channel;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import java.time.Duration;
import java.time.Instant;
import dev.trellis.runtime.lua.Durations;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProc;
import dev.trellis.runtime.lua.LuaTime;

/**
 * The {@code time} module (spec §5), loaded with {@code require("time")} by entries that list it
 * in {@code modules}.
 *
 * <pre>{@code
 * local time = require("time")
 * time.sleep("5ms")                       -- parks this coroutine only
 * local timeout = time.after("1s")        -- one value, then closed; usable in select
 * local t = time.timer("50ms")            -- t:channel(), t:stop(), t:reset(d)
 * local tick = time.ticker("10ms")        -- tick:channel(), tick:stop()
 * time.now():unix()                       -- seconds
 * }</pre>
 *
 * <p>Durations are nanosecond numbers or Go duration strings. Bad durations give
 * {@code nil, err} (kind INVALID). Values received from timer channels are Time userdata.
 */
final class TimeModule {

    private static final LuaTable TIMER_MT = new LuaTable();
    private static final LuaTable TICKER_MT = new LuaTable();
    private TimeModule() {
    }

    /** {@return the frozen module table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.rawset("NANOSECOND", 1L);
        t.rawset("MICROSECOND", 1_000L);
        t.rawset("MILLISECOND", 1_000_000L);
        t.rawset("SECOND", 1_000_000_000L);
        t.rawset("MINUTE", 60_000_000_000L);
        t.rawset("HOUR", 3_600_000_000_000L);
        BuiltInModules.fn(t, "sleep", (s, a) -> {
            Duration d;
            try {
                d = Durations.of(arg(a, 0), "time.sleep");
            } catch (IllegalArgumentException e) {
                return LuaErrors.fail(ErrorKind.INVALID, e.getMessage());
            }
            if (d.isNegative() || d.isZero()) {
                return new Object[0];
            }
            LuaProc p = LuaProc.of(s);
            Channel<Instant> ch = p.proc().after(d);
            return p.scheduler().block(true, w -> ch.parkReceiver(w, 0), w -> new Object[0]);
        });
        BuiltInModules.fn(t, "after", (s, a) -> {
            Duration d = positive(a, "time.after");
            if (d == null) {
                return LuaErrors.fail(ErrorKind.INVALID, "time.after: duration must be > 0");
            }
            LuaProc p = LuaProc.of(s);
            return new Object[] {p.timerChannel(p.proc().after(d))};
        });
        BuiltInModules.fn(t, "timer", (s, a) -> {
            Duration d = positive(a, "time.timer");
            if (d == null) {
                return LuaErrors.fail(ErrorKind.INVALID, "time.timer: duration must be > 0");
            }
            Timer timer = LuaProc.of(s).proc().timer(d);
            return new Object[] {new LuaUserdata(new Object[] {timer, null}, TIMER_MT)};
        });
        BuiltInModules.fn(t, "ticker", (s, a) -> {
            Duration d = positive(a, "time.ticker");
            if (d == null) {
                return LuaErrors.fail(ErrorKind.INVALID, "time.ticker: duration must be > 0");
            }
            Ticker ticker = LuaProc.of(s).proc().ticker(d);
            return new Object[] {new LuaUserdata(new Object[] {ticker, null}, TICKER_MT)};
        });
        BuiltInModules.fn(t, "now", (s, a) -> new Object[] {LuaTime.of(Instant.now())});
        BuiltInModules.fn(t, "parse_duration", (s, a) -> {
            try {
                return new Object[] {Durations.of(LuaArgs.checkString(a, 0, "parse_duration"), "time.parse_duration").toNanos()};
            } catch (IllegalArgumentException e) {
                return LuaErrors.fail(ErrorKind.INVALID, e.getMessage());
            }
        });

        LuaTable timer = new LuaTable();
        BuiltInModules.fn(timer, "channel", (s, a) -> new Object[] {channelOf(s, a, TIMER_MT, "channel")});
        timer.rawset("response", timer.rawgetStr("channel"));
        BuiltInModules.fn(timer, "stop", (s, a) -> new Object[] {((Timer) handle(a, TIMER_MT, "stop")[0]).stop()});
        BuiltInModules.fn(timer, "reset", (s, a) -> {
            Timer tm = (Timer) handle(a, TIMER_MT, "reset")[0];
            try {
                return new Object[] {tm.reset(Durations.of(arg(a, 1), "timer:reset"))};
            } catch (IllegalArgumentException e) {
                return LuaErrors.fail(ErrorKind.INVALID, e.getMessage());
            }
        });
        TIMER_MT.rawset("__index", timer.freeze());
        TIMER_MT.rawset("__name", "time.Timer");
        TIMER_MT.freeze();

        LuaTable ticker = new LuaTable();
        BuiltInModules.fn(ticker, "channel", (s, a) -> new Object[] {channelOf(s, a, TICKER_MT, "channel")});
        ticker.rawset("response", ticker.rawgetStr("channel"));
        BuiltInModules.fn(ticker, "stop", (s, a) -> {
            ((Ticker) handle(a, TICKER_MT, "stop")[0]).stop();
            return new Object[] {Boolean.TRUE};
        });
        TICKER_MT.rawset("__index", ticker.freeze());
        TICKER_MT.rawset("__name", "time.Ticker");
        TICKER_MT.freeze();

        return t.freeze();
    }

    private static Duration positive(Object[] a, String fname) {
        try {
            Duration d = Durations.of(arg(a, 0), fname);
            return d.isNegative() || d.isZero() ? null : d;
        } catch (IllegalArgumentException e) {
            return null;
        }
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
