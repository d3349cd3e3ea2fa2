package dev.trellis.lua;

import static dev.trellis.lua.LuaArgs.*;
import static dev.trellis.lua.StandardLibrary.fn;

/** The math library of Lua 5.4, with xoshiro256** random numbers per state. */
final class MathLib {
    private MathLib() {}

    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.rawset("pi", Math.PI);
        t.rawset("huge", Double.POSITIVE_INFINITY);
        t.rawset("maxinteger", Long.MAX_VALUE);
        t.rawset("mininteger", Long.MIN_VALUE);
        fn(t, "abs", (L, a) -> {
            Object n = checkNumber(a, 0, "abs");
            if (n instanceof Long l && a[0] instanceof Long) return new Object[] {LuaValues.valueOf(Math.abs(l))};
            return new Object[] {Math.abs(Arith.toDouble(n))};
        });
        fn(t, "ceil", (L, a) -> new Object[] {roundToInt(checkNumber(a, 0, "ceil"), true)});
        fn(t, "floor", (L, a) -> new Object[] {roundToInt(checkNumber(a, 0, "floor"), false)});
        fn(t, "fmod", (L, a) -> {
            Object x = checkNumber(a, 0, "fmod"), y = checkNumber(a, 1, "fmod");
            if (x instanceof Long lx && y instanceof Long ly) {
                if (ly == 0) throw argError(1, "fmod", "zero");
                if (ly == -1) return new Object[] {0L};
                return new Object[] {LuaValues.valueOf(lx % ly)};
            }
            return new Object[] {Arith.toDouble(x) % Arith.toDouble(y)};
        });
        fn(t, "modf", (L, a) -> {
            double x = checkDouble(a, 0, "modf");
            Object n = checkNumber(a, 0, "modf");
            if (n instanceof Long) return new Object[] {n, 0.0};
            double ip = x >= 0 ? Math.floor(x) : Math.ceil(x);
            double fp = Double.isInfinite(x) ? 0.0 : x - ip;
            Long il = Arith.exactLong(ip);
            return new Object[] {il != null ? (Object) il : (Object) ip, fp};
        });
        fn(t, "sqrt", (L, a) -> new Object[] {Math.sqrt(checkDouble(a, 0, "sqrt"))});
        fn(t, "exp", (L, a) -> new Object[] {Math.exp(checkDouble(a, 0, "exp"))});
        fn(t, "log", (L, a) -> {
            double x = checkDouble(a, 0, "log");
            if (arg(a, 1) == null) return new Object[] {Math.log(x)};
            double b = checkDouble(a, 1, "log");
            if (b == 2.0) return new Object[] {Math.log(x) / Math.log(2)};
            if (b == 10.0) return new Object[] {Math.log10(x)};
            return new Object[] {Math.log(x) / Math.log(b)};
        });
        fn(t, "sin", (L, a) -> new Object[] {Math.sin(checkDouble(a, 0, "sin"))});
        fn(t, "cos", (L, a) -> new Object[] {Math.cos(checkDouble(a, 0, "cos"))});
        fn(t, "tan", (L, a) -> new Object[] {Math.tan(checkDouble(a, 0, "tan"))});
        fn(t, "asin", (L, a) -> new Object[] {Math.asin(checkDouble(a, 0, "asin"))});
        fn(t, "acos", (L, a) -> new Object[] {Math.acos(checkDouble(a, 0, "acos"))});
        fn(t, "atan", (L, a) -> {
            double y = checkDouble(a, 0, "atan");
            double x = arg(a, 1) == null ? 1.0 : checkDouble(a, 1, "atan");
            return new Object[] {Math.atan2(y, x)};
        });
        fn(t, "tointeger", (L, a) -> {
            Object v = arg(a, 0);
            if (v instanceof Long) return new Object[] {v};
            if (v instanceof Double d) return new Object[] {Arith.exactLong(d)};
            if (v instanceof String s) {
                Object n = LuaValues.toNumber(s);
                if (n instanceof Long) return new Object[] {n};
                if (n instanceof Double d) return new Object[] {Arith.exactLong(d)};
            }
            checkAny(a, 0, "tointeger");
            return new Object[] {null};
        });
        fn(t, "type", (L, a) -> {
            checkAny(a, 0, "type");
            Object v = a[0];
            return new Object[] {v instanceof Long ? "integer" : v instanceof Double ? "float" : null};
        });
        fn(t, "ult", (L, a) -> new Object[] {
            Long.compareUnsigned(checkInteger(a, 0, "ult"), checkInteger(a, 1, "ult")) < 0});
        fn(t, "max", (L, a) -> {
            if (a.length == 0) throw argError(0, "max", "value expected");
            Object best = checkNumber(a, 0, "max");
            for (int i = 1; i < a.length; i++) {
                Object v = checkNumber(a, i, "max");
                if (Arith.numLt(best, v)) best = v;
            }
            return new Object[] {best};
        });
        fn(t, "min", (L, a) -> {
            if (a.length == 0) throw argError(0, "min", "value expected");
            Object best = checkNumber(a, 0, "min");
            for (int i = 1; i < a.length; i++) {
                Object v = checkNumber(a, i, "min");
                if (Arith.numLt(v, best)) best = v;
            }
            return new Object[] {best};
        });
        fn(t, "random", MathLib::random);
        fn(t, "randomseed", (L, a) -> {
            if (a.length == 0) {
                long n1 = System.nanoTime(), n2 = System.identityHashCode(L);
                seed(L, n1, n2);
                return new Object[] {LuaValues.valueOf(n1), LuaValues.valueOf(n2)};
            }
            long n1 = a[0] instanceof Double d ? Double.doubleToRawLongBits(d) : checkInteger(a, 0, "randomseed");
            long n2 = optInteger(a, 1, "randomseed", 0);
            seed(L, n1, n2);
            return new Object[] {LuaValues.valueOf(n1), LuaValues.valueOf(n2)};
        });
        return t;
    }

    private static Object roundToInt(Object n, boolean ceil) {
        if (n instanceof Long) return n;
        double d = (Double) n;
        double r = ceil ? Math.ceil(d) : Math.floor(d);
        Long l = Arith.exactLong(r);
        return l != null ? (Object) l : (Object) r;
    }

    // ---------------------------------------------------------------- xoshiro256** (as lmathlib.c)

    private static void seed(LuaState L, long n1, long n2) {
        long[] s = new long[] {n1, 0xff, n2, 0};
        L.random = s;
        for (int i = 0; i < 16; i++) xoshiro(s);
    }

    private static Object[] random(LuaState L, Object[] a) {
        if (L.random == null) seed(L, System.nanoTime(), System.identityHashCode(L));
        long rv = xoshiro(L.random);
        long low, up;
        switch (a.length) {
            case 0:
                return new Object[] {(rv >>> 11) * 0x1.0p-53};
            case 1:
                low = 1;
                up = checkInteger(a, 0, "random");
                if (up == 0) return new Object[] {LuaValues.valueOf(rv)};
                break;
            case 2:
                low = checkInteger(a, 0, "random");
                up = checkInteger(a, 1, "random");
                break;
            default:
                throw LuaError.runtime("wrong number of arguments");
        }
        if (low > up) throw argError(a.length - 1, "random", "interval is empty");
        return new Object[] {LuaValues.valueOf(project(rv, up - low, L.random) + low)};
    }

    /** xoshiro256** step, exactly as lmathlib.c's nextrand. */
    static long xoshiro(long[] s) {
        long s0 = s[0], s1 = s[1], s2 = s[2] ^ s0, s3 = s[3] ^ s1;
        long res = Long.rotateLeft(s1 * 5, 7) * 9;
        s[0] = s0 ^ s3;
        s[1] = s1 ^ s2;
        s[2] = s2 ^ (s1 << 17);
        s[3] = Long.rotateLeft(s3, 45);
        return res;
    }

    private static long project(long ran, long n, long[] state) {
        if ((n & (n + 1)) == 0) return ran & n;
        long lim = n;
        lim |= (lim >>> 1);
        lim |= (lim >>> 2);
        lim |= (lim >>> 4);
        lim |= (lim >>> 8);
        lim |= (lim >>> 16);
        lim |= (lim >>> 32);
        while (Long.compareUnsigned(ran &= lim, n) > 0) ran = xoshiro(state);
        return ran;
    }
}
