package dev.trellis.lua;

import static dev.trellis.lua.LuaArgs.*;
import static dev.trellis.lua.StandardLibrary.fn;


/** The sandboxed os subset: time, clock, date, difftime, and getenv when the state allows it. */
final class OsLib {
    private OsLib() {}

    private static final long START = System.nanoTime();

    static LuaTable create() {
        LuaTable t = new LuaTable();
        fn(t, "time", (L, a) -> {
            Object arg = arg(a, 0);
            if (arg == null) return new Object[] {LuaValues.valueOf(System.currentTimeMillis() / 1000)};
            return TextBridge.time(L, checkTable(a, 0, "time"));
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
            return new Object[] {TextBridge.date(fmt, time)};
        });
        return t;
    }

}
