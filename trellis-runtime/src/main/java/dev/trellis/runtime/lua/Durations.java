package dev.trellis.runtime.lua;

import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaValues;
import dev.trellis.runtime.entry.GoDuration;
import java.time.Duration;

/**
 * Durations as Lua code gives them: a number of nanoseconds, a Go duration string
 * ({@code "300ms"}, {@code "1.5h"}, {@code "5us"}), or a Duration object ({@link LuaDuration}).
 *
 * <pre>{@code
 * Durations.of("5ms", "time.sleep");   // PT0.005S
 * Durations.of(1_000_000L, "x");       // PT0.001S
 * Durations.of(true, "time.sleep");    // IllegalArgumentException "time.sleep: invalid duration: ..."
 * }</pre>
 */
public final class Durations {

    private Durations() {
    }

    /**
     * {@return the duration {@code v} means}
     *
     * @param fname the Lua function, named in the error
     * @throws IllegalArgumentException naming the function and the bad value
     */
    public static Duration of(Object v, String fname) {
        if (v instanceof LuaDuration d) {
            return Duration.ofNanos(d.nanos());
        }
        if (v instanceof Long n) {
            return Duration.ofNanos(n);
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException(fname + ": invalid duration: " + LuaValues.tostring(d));
            }
            return Duration.ofNanos(d.longValue());
        }
        if (v instanceof String s) {
            try {
                return GoDuration.parse(LuaStrings.toJava(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(fname + ": " + e.getMessage());
            }
        }
        throw new IllegalArgumentException(fname + ": invalid duration: expected a number of nanoseconds, a string"
                + " like \"5ms\" or a Duration, got " + LuaValues.typeName(v));
    }

    /**
     * {@return argument {@code i} of a Lua call as a timeout (a duration, not negative), or
     * {@code absent} when it is nil}
     *
     * @throws LuaError "bad argument #N to 'fname' (...)"
     */
    public static Duration timeoutArg(Object[] a, int i, String fname, Duration absent) {
        Object v = i < a.length ? a[i] : null;
        if (v == null) {
            return absent;
        }
        try {
            Duration d = of(v, fname);
            if (d.isNegative()) {
                throw new IllegalArgumentException("timeout must not be negative");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new LuaError("bad argument #" + (i + 1) + " to '" + fname + "' (" + e.getMessage() + ")");
        }
    }

    /** {@return whether {@code v} reads as a duration} */
    public static boolean isDuration(Object v) {
        if (v instanceof LuaDuration || v instanceof Long || v instanceof Double) {
            return true;
        }
        if (v instanceof String s) {
            try {
                GoDuration.parse(LuaStrings.toJava(s));
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }
}
