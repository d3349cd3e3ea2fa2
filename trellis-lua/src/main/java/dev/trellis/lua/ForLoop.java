package dev.trellis.lua;

/**
 * Preparation of a numeric {@code for} loop with Lua 5.4 rules: an all-integer loop precomputes
 * its iteration count (so it cannot overflow), a float loop runs on doubles. Registers: a = index,
 * a+1 = limit, a+2 = step, a+3 = the visible control variable. An integer loop replaces the limit
 * by a {@code long[] {remaining steps, step, index}} and keeps its index only there (FORLOOP
 * then boxes one value per iteration and stores one register).
 */
final class ForLoop {
    private ForLoop() {}

    /** Prepares the loop in registers {@code a..a+3}; false when it must not run at all. */
    static boolean prepare(Object[] s, int a) {
        Object init = s[a], limit = s[a + 1], step = s[a + 2];
        if (init instanceof String str) init = coerce(str, init);
        if (limit instanceof String str) limit = coerce(str, limit);
        if (step instanceof String str) step = coerce(str, step);
        if (init instanceof Long i0 && step instanceof Long st) {
            long i = i0, stp = st;
            if (stp == 0) throw LuaError.runtime("'for' step is zero");
            long lim;
            if (limit instanceof Long l) {
                lim = l;
            } else if (limit instanceof Double d) {
                if (Double.isNaN(d)) return false;
                double fl = stp > 0 ? Math.floor(d) : Math.ceil(d);
                if (fl >= 9.223372036854775807E18) {
                    if (stp < 0) return false;
                    lim = Long.MAX_VALUE;
                } else if (fl < -9.223372036854775807E18) {
                    if (stp > 0) return false;
                    lim = Long.MIN_VALUE;
                } else {
                    lim = (long) fl;
                }
            } else {
                throw forError("limit", limit);
            }
            if (stp > 0 ? i > lim : i < lim) return false;
            long count;
            if (stp > 0) {
                count = Long.divideUnsigned(lim - i, stp);
            } else {
                long sp = -(stp + 1) + 1L;
                count = Long.divideUnsigned(i - lim, sp);
            }
            s[a + 1] = new long[] {count, stp, i}; // remaining steps, step, current value
            s[a + 3] = init;
            return true;
        }
        if (!(init instanceof Long || init instanceof Double)) throw forError("initial value", init);
        if (!(limit instanceof Long || limit instanceof Double)) throw forError("limit", limit);
        if (!(step instanceof Long || step instanceof Double)) throw forError("step", step);
        double i = Arith.toDouble(init), l = Arith.toDouble(limit), st = Arith.toDouble(step);
        if (st == 0) throw LuaError.runtime("'for' step is zero");
        if (st > 0 ? !(i <= l) : !(i >= l)) return false;
        s[a] = i;
        s[a + 1] = l;
        s[a + 2] = st;
        s[a + 3] = i;
        return true;
    }

    private static LuaError forError(String what, Object v) {
        return LuaError.runtime("bad 'for' " + what + " (number expected, got " + LuaValues.typeName(v) + ")");
    }

    private static Object coerce(String str, Object orig) {
        Object n = LuaValues.toNumber(str);
        return n == null ? orig : (Object) Arith.toDouble(n);
    }
}
