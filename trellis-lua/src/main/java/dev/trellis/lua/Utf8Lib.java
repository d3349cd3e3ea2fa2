package dev.trellis.lua;

import static dev.trellis.lua.LuaArgs.*;
import static dev.trellis.lua.StandardLibrary.fn;
import static dev.trellis.lua.TextBridge.guard;


/** The utf8 library: char, charpattern, codepoint, len, offset, codes (algorithms in lib.text). */
final class Utf8Lib {
    private Utf8Lib() {}

    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.rawset("charpattern", dev.trellis.lua.lib.text.Utf8Lib.CHARPATTERN);
        fn(t, "char", (L, a) -> {
            long[] codes = new long[a.length];
            for (int i = 0; i < a.length; i++) codes[i] = checkInteger(a, i, "char");
            return new Object[] {guard("char", () -> dev.trellis.lua.lib.text.Utf8Lib.chars(codes))};
        });
        fn(t, "len", (L, a) -> {
            String s = checkString(a, 0, "len");
            long i = optInteger(a, 1, "len", 1), j = optInteger(a, 2, "len", -1);
            boolean lax = LuaValues.isTruthy(arg(a, 3));
            return guard("len", () -> dev.trellis.lua.lib.text.Utf8Lib.len(s, i, j, lax));
        });
        fn(t, "codepoint", (L, a) -> {
            String s = checkString(a, 0, "codepoint");
            long i = optInteger(a, 1, "codepoint", 1);
            long j = optInteger(a, 2, "codepoint", i);
            boolean lax = LuaValues.isTruthy(arg(a, 3));
            long[] cps = guard("codepoint", () -> dev.trellis.lua.lib.text.Utf8Lib.codepoint(s, i, j, lax));
            Object[] r = new Object[cps.length];
            for (int k = 0; k < cps.length; k++) r[k] = LuaValues.valueOf(cps[k]);
            return r;
        });
        fn(t, "offset", (L, a) -> {
            String s = checkString(a, 0, "offset");
            long n = checkInteger(a, 1, "offset");
            long i = arg(a, 2) == null ? dev.trellis.lua.lib.text.Utf8Lib.offsetDefault(s, n) : checkInteger(a, 2, "offset");
            return new Object[] {guard("offset", () -> dev.trellis.lua.lib.text.Utf8Lib.offset(s, n, i))};
        });
        JavaFunction step = JavaFunction.of("codes_iterator", (L, a) -> {
            String s = checkString(a, 0, "codes");
            long control = checkInteger(a, 1, "codes");
            Object[] r = guard("codes", () -> dev.trellis.lua.lib.text.Utf8Lib.codesStep(s, control, false));
            return r == null ? new Object[] {null} : r;
        });
        JavaFunction laxStep = JavaFunction.of("codes_iterator", (L, a) -> {
            String s = checkString(a, 0, "codes");
            long control = checkInteger(a, 1, "codes");
            Object[] r = guard("codes", () -> dev.trellis.lua.lib.text.Utf8Lib.codesStep(s, control, true));
            return r == null ? new Object[] {null} : r;
        });
        fn(t, "codes", (L, a) -> {
            String s = checkString(a, 0, "codes");
            return new Object[] {LuaValues.isTruthy(arg(a, 1)) ? laxStep : step, s, 0L};
        });
        return t;
    }
}
