package dev.trellis.runtime.lua;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import dev.trellis.runtime.entry.GoDuration;
import java.time.Duration;

/**
 * A Duration as the {@code time} module has it (Go's {@code time.Duration}): a signed count of
 * nanoseconds, with {@code :nanoseconds()}, {@code :microseconds()}, {@code :milliseconds()}
 * (integers, truncated toward zero), {@code :seconds()}, {@code :minutes()}, {@code :hours()}
 * (floats), {@code tostring} in Go's form ({@code "1h30m0s"}), and, in Trellis, {@code ==},
 * {@code <}, {@code <=}. Every function that takes a duration accepts one.
 *
 * <pre>{@code
 * local d = time.parse_duration("1h30m")
 * d:minutes()            -- 90.0
 * tostring(d)            -- "1h30m0s"
 * time.sleep(d)
 * }</pre>
 *
 * <p>Immutable; the metatable is frozen and shared.
 */
public final class LuaDuration extends LuaUserdata {

    private static final LuaTable METATABLE = new LuaTable();

    static {
        LuaTable m = new LuaTable();
        fn(m, "nanoseconds", (s, a) -> new Object[] {check(a, 0, "nanoseconds").nanos});
        fn(m, "microseconds", (s, a) -> new Object[] {check(a, 0, "microseconds").nanos / 1_000L});
        fn(m, "milliseconds", (s, a) -> new Object[] {check(a, 0, "milliseconds").nanos / 1_000_000L});
        fn(m, "seconds", (s, a) -> new Object[] {split(check(a, 0, "seconds").nanos, 1_000_000_000L)});
        fn(m, "minutes", (s, a) -> new Object[] {split(check(a, 0, "minutes").nanos, 60_000_000_000L)});
        fn(m, "hours", (s, a) -> new Object[] {split(check(a, 0, "hours").nanos, 3_600_000_000_000L)});
        METATABLE.rawset("__index", m.freeze());
        METATABLE.rawset("__name", "time.Duration");
        fn(METATABLE, "__tostring", (s, a) -> new Object[] {LuaStrings.fromJava(GoDuration.format(Duration.ofNanos(check(a, 0, "tostring").nanos)))});
        fn(METATABLE, "__eq", (s, a) -> new Object[] {arg(a, 0) instanceof LuaDuration x && arg(a, 1) instanceof LuaDuration y && x.nanos == y.nanos});
        fn(METATABLE, "__lt", (s, a) -> new Object[] {check(a, 0, "__lt").nanos < check(a, 1, "__lt").nanos});
        fn(METATABLE, "__le", (s, a) -> new Object[] {check(a, 0, "__le").nanos <= check(a, 1, "__le").nanos});
        METATABLE.freeze();
    }

    private final long nanos;

    private LuaDuration(long nanos) {
        super(null, METATABLE);
        this.nanos = nanos;
    }

    /** {@return a Duration of {@code nanos} nanoseconds} */
    public static LuaDuration of(long nanos) {
        return new LuaDuration(nanos);
    }

    @Override
    public Object value() {
        return this;
    }

    /** {@return the length in nanoseconds} */
    public long nanos() {
        return nanos;
    }

    /** Go's way to a float of units: whole units plus the rest, so that large durations keep precision. */
    private static double split(long nanos, long unit) {
        return (double) (nanos / unit) + (double) (nanos % unit) / unit;
    }

    /** {@return the Duration argument {@code i}; raises a Lua type error naming {@code fname} otherwise} */
    public static LuaDuration check(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaDuration d) {
            return d;
        }
        throw LuaArgs.typeError(a, i, fname, "time.Duration");
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of(name, body));
    }
}
