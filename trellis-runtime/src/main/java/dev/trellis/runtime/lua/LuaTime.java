package dev.trellis.runtime.lua;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import java.time.Instant;

/**
 * A point in time as Lua sees it: the value {@code time.now()} returns and timer channels deliver,
 * a userdata over an {@link Instant} with {@code :unix()}, {@code :unix_nano()} and {@code tostring}.
 *
 * <pre>{@code
 * local t = time.now()
 * print(t:unix(), t:unix_nano())
 * }</pre>
 *
 * <p>Thread-safety: immutable; the metatable is frozen and shared.
 */
public final class LuaTime {

    private static final LuaTable TIME_MT = new LuaTable();

    static {
        LuaTable time = new LuaTable();
        fn(time, "unix", (s, a) -> new Object[] {instant(a, "unix").getEpochSecond()});
        fn(time, "unix_nano", (s, a) -> {
            Instant i = instant(a, "unix_nano");
            return new Object[] {i.getEpochSecond() * 1_000_000_000L + i.getNano()};
        });
        TIME_MT.rawset("__index", time.freeze());
        TIME_MT.rawset("__name", "time.Time");
        fn(TIME_MT, "__tostring", (s, a) -> new Object[] {instant(a, "tostring").toString()});
        TIME_MT.freeze();
    }

    private LuaTime() {
    }

    /** {@return a Time userdata for {@code at}} */
    public static LuaUserdata of(Instant at) {
        return new LuaUserdata(at, TIME_MT);
    }

    /** {@return the instant argument {@code i} holds; raises a Lua type error naming {@code fname} otherwise} */
    public static Instant instant(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaUserdata u && u.getMetatable() == TIME_MT) {
            return (Instant) u.value();
        }
        throw LuaArgs.typeError(a, i, fname, "time.Time");
    }

    private static Instant instant(Object[] a, String fname) {
        return instant(a, 0, fname);
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of(name, body));
    }
}
