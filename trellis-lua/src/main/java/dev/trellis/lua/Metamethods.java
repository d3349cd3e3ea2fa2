package dev.trellis.lua;

/**
 * The slow paths of the interpreter: metatable lookup and every metamethod event (__index,
 * __newindex, arithmetic and bitwise events, __len, __concat, __eq, __lt, __le, __call, __close).
 * A metamethod written in Lua runs as a continuation frame in the interpreter loop (so it may
 * yield); one written in Java is called directly.
 *
 * <p>Methods that take a frame return true when they pushed a Lua frame whose result will be
 * delivered when it returns; the caller then re-enters the loop.
 */
final class Metamethods {
    private Metamethods() {}

    static LuaTable metatable(LuaState L, Object v) {
        if (v instanceof LuaTable t) return t.getMetatable();
        if (v instanceof String) return L.library.stringMetatable;
        if (v instanceof LuaUserdata u) return u.getMetatable();
        return null;
    }

    static Object get(LuaState L, Object v, String event) {
        LuaTable mt = metatable(L, v);
        return mt == null ? null : mt.rawgetStr(event);
    }

    // ---------------------------------------------------------------- indexing

    static boolean index(Coroutine co, CallFrame f, Object t, Object key, int a) {
        LuaState L = co.state;
        for (int loop = 0; loop < 2000; loop++) {
            Object h;
            if (t instanceof LuaTable tt) {
                Object v = tt.rawget(key);
                if (v != null) {
                    co.stack[a] = v;
                    return false;
                }
                LuaTable mt = tt.getMetatable();
                if (mt == null || (h = mt.rawgetStr("__index")) == null) {
                    co.stack[a] = null;
                    return false;
                }
            } else {
                h = get(L, t, "__index");
                if (h == null) {
                    if (loop == 0) throw LuaError.operand("attempt to index a " + LuaValues.typeName(t) + " value");
                    throw LuaError.vm("attempt to index a " + LuaValues.typeName(t) + " value");
                }
            }
            if (h instanceof LuaFunction fn) {
                return callMeta(co, f, fn, t, key, null, 2, CallFrame.CONT_STORE, a - f.base);
            }
            t = h;
        }
        throw LuaError.runtime("'__index' chain too long; possible loop");
    }

    /** t[key] with metamethods, from Java (not yieldable). */
    static Object index(LuaState L, Object t, Object key) {
        for (int loop = 0; loop < 2000; loop++) {
            Object h;
            if (t instanceof LuaTable tt) {
                Object v = tt.rawget(key);
                if (v != null) return v;
                LuaTable mt = tt.getMetatable();
                if (mt == null || (h = mt.rawgetStr("__index")) == null) return null;
            } else {
                h = get(L, t, "__index");
                if (h == null) throw LuaError.vm("attempt to index a " + LuaValues.typeName(t) + " value");
            }
            if (h instanceof LuaFunction) return first(Calls.call(L, h, new Object[] {t, key}));
            t = h;
        }
        throw LuaError.runtime("'__index' chain too long; possible loop");
    }

    static boolean newindex(Coroutine co, CallFrame f, Object t, Object key, Object v) {
        LuaState L = co.state;
        for (int loop = 0; loop < 2000; loop++) {
            Object h;
            if (t instanceof LuaTable tt) {
                LuaTable mt = tt.getMetatable();
                if (v == null && mt == L.library.globalsMetatable && L.library.functions.rawget(key) != null) {
                    L.detachGlobals(); // removing a library global: this state gets its own copy
                    mt = null;
                }
                if (mt == null || (h = mt.rawgetStr("__newindex")) == null || tt.rawget(key) != null) {
                    tt.rawset(key, v);
                    return false;
                }
            } else {
                h = get(L, t, "__newindex");
                if (h == null) {
                    if (loop == 0) throw LuaError.operand("attempt to index a " + LuaValues.typeName(t) + " value");
                    throw LuaError.vm("attempt to index a " + LuaValues.typeName(t) + " value");
                }
            }
            if (h instanceof LuaFunction fn) {
                return callMeta(co, f, fn, t, key, v, 3, CallFrame.CONT_DISCARD, 0);
            }
            t = h;
        }
        throw LuaError.runtime("'__newindex' chain too long; possible loop");
    }

    /** t[key] = v with metamethods, from Java. */
    static void setIndex(LuaState L, Object t, Object key, Object v) {
        for (int loop = 0; loop < 2000; loop++) {
            Object h;
            if (t instanceof LuaTable tt) {
                LuaTable mt = tt.getMetatable();
                if (v == null && mt == L.library.globalsMetatable && L.library.functions.rawget(key) != null) {
                    L.detachGlobals();
                    mt = null;
                }
                if (mt == null || (h = mt.rawgetStr("__newindex")) == null || tt.rawget(key) != null) {
                    tt.rawset(key, v);
                    return;
                }
            } else {
                h = get(L, t, "__newindex");
                if (h == null) throw LuaError.vm("attempt to index a " + LuaValues.typeName(t) + " value");
            }
            if (h instanceof LuaFunction) {
                Calls.call(L, h, new Object[] {t, key, v});
                return;
            }
            t = h;
        }
        throw LuaError.runtime("'__newindex' chain too long; possible loop");
    }

    // ---------------------------------------------------------------- calling a metamethod

    static boolean callMeta(Coroutine co, CallFrame f, LuaFunction fn, Object a1, Object a2, Object a3,
                                    int nargs, int flags, int contReg) {
        if (fn instanceof LuaClosure lc) {
            int func = Calls.watermark(co);
            co.ensureStack(func + 4 + lc.p.maxStack);
            Object[] s = co.stack;
            s[func] = lc;
            s[func + 1] = a1;
            s[func + 2] = a2;
            s[func + 3] = a3;
            CallFrame nf = Frames.pushLua(co, lc, func, nargs, 1);
            nf.flags = flags;
            nf.contReg = contReg;
            return true;
        }
        Object[] args = nargs == 3 ? new Object[] {a1, a2, a3} : new Object[] {a1, a2};
        Object[] r = Calls.call(co.state, fn, args);
        if ((flags & CallFrame.CONT_STORE) != 0) co.stack[f.base + contReg] = first(r);
        return false;
    }

    static Object first(Object[] r) {
        return r.length > 0 ? r[0] : null;
    }

    // ---------------------------------------------------------------- arithmetic

    static boolean arith(Coroutine co, CallFrame f, int op, Object x, Object y, int a) {
        Object r = Arith.arith(op, x, y);
        if (r != null) {
            co.stack[a] = r;
            return false;
        }
        LuaState L = co.state;
        String event = Arith.EVENTS[op];
        Object h = get(L, x, event);
        if (h == null) h = get(L, y, event);
        if (h == null) throw arithError(op, x, y);
        if (!(h instanceof LuaFunction fn)) {
            throw LuaError.vm("attempt to call a " + LuaValues.typeName(h) + " value");
        }
        return callMeta(co, f, fn, x, y, null, 2, CallFrame.CONT_STORE, a - f.base);
    }

    /** x op y with metamethods, from Java. */
    static Object arith(LuaState L, int op, Object x, Object y) {
        Object r = Arith.arith(op, x, y);
        if (r != null) return r;
        String event = Arith.EVENTS[op];
        Object h = get(L, x, event);
        if (h == null) h = get(L, y, event);
        if (h == null) throw arithError(op, x, y);
        return first(Calls.call(L, h, new Object[] {x, y}));
    }

    static LuaError arithError(int op, Object x, Object y) {
        boolean bitwise = op >= Arith.BAND && op <= Arith.SHR || op == Arith.BNOT;
        if (!bitwise && (x instanceof String || y instanceof String)) {
            return LuaError.runtime("attempt to " + Arith.EVENTS[op].substring(2) + " a '" + LuaValues.typeName(x)
                    + "' with a '" + LuaValues.typeName(y) + "'");
        }
        Object culprit = Arith.toNumeric(x) == null || bitwise && x instanceof String ? x : y;
        if (bitwise && x instanceof Number && y instanceof Number) {
            return LuaError.runtime("number has no integer representation");
        }
        String what = bitwise ? "perform bitwise operation on" : "perform arithmetic on";
        return LuaError.operand("attempt to " + what + " a " + LuaValues.typeName(culprit) + " value");
    }

    static boolean len(Coroutine co, CallFrame f, Object x, int a) {
        Object h = get(co.state, x, "__len");
        if (h == null) {
            if (x instanceof LuaTable t) {
                co.stack[a] = LuaValues.valueOf(t.length());
                return false;
            }
            throw LuaError.operand("attempt to get length of a " + LuaValues.typeName(x) + " value");
        }
        if (!(h instanceof LuaFunction fn)) throw LuaError.vm("attempt to call a " + LuaValues.typeName(h) + " value");
        return callMeta(co, f, fn, x, x, null, 2, CallFrame.CONT_STORE, a - f.base);
    }

    /** #x with metamethods, from Java. */
    static Object len(LuaState L, Object x) {
        if (x instanceof String s) return LuaValues.valueOf(s.length());
        Object h = get(L, x, "__len");
        if (h == null) {
            if (x instanceof LuaTable t) return LuaValues.valueOf(t.length());
            throw LuaError.vm("attempt to get length of a " + LuaValues.typeName(x) + " value");
        }
        return first(Calls.call(L, h, new Object[] {x, x}));
    }

    // ---------------------------------------------------------------- concatenation

    static boolean isStringLike(Object v) {
        return v instanceof String || v instanceof Long || v instanceof Double;
    }

    /**
     * {@code x .. y} where a Lua {@code __concat} applies: runs it as a continuation frame and
     * returns true; false when the general path must handle the operands.
     */
    static boolean concatPair(Coroutine co, CallFrame f, Object x, Object y, int a) {
        if (isStringLike(x) && isStringLike(y)) return false;
        LuaState L = co.state;
        Object h = isStringLike(x) ? null : get(L, x, "__concat");
        if (h == null && !isStringLike(y)) h = get(L, y, "__concat");
        if (!(h instanceof LuaClosure lc)) return false;
        return callMeta(co, f, lc, x, y, null, 2, CallFrame.CONT_STORE, a - f.base);
    }

    static Object concat(Coroutine co, CallFrame f, int from, int to) {
        Object[] s = co.stack;
        boolean simple = true;
        int len = 0;
        for (int j = from; j <= to; j++) {
            Object v = s[j];
            if (v instanceof String str) {
                len += str.length();
            } else if (v instanceof Long || v instanceof Double) {
                len += 8;
            } else {
                simple = false;
                break;
            }
        }
        if (simple) {
            if (to == from + 1 && s[from] instanceof String x && s[to] instanceof String y) {
                return x.concat(y);
            }
            StringBuilder sb = new StringBuilder(len);
            for (int j = from; j <= to; j++) {
                Object v = s[j];
                if (v instanceof String str) sb.append(str);
                else sb.append(LuaValues.tostring(v));
            }
            return sb.toString();
        }
        LuaState L = co.state;
        Object acc = s[to];
        for (int j = to - 1; j >= from; j--) {
            Object l = co.stack[j];
            if (isStringLike(l) && isStringLike(acc)) {
                acc = LuaValues.tostring(l).concat(LuaValues.tostring(acc));
                continue;
            }
            Object h = get(L, l, "__concat");
            if (h == null) h = get(L, acc, "__concat");
            if (h == null) {
                Object bad = isStringLike(l) ? acc : l;
                throw LuaError.operand("attempt to concatenate a " + LuaValues.typeName(bad) + " value");
            }
            acc = first(Calls.call(L, h, new Object[] {l, acc}));
        }
        return acc;
    }

    // ---------------------------------------------------------------- comparison

    /** x == y for tables/userdata; returns 0/1, or 2 when a Lua frame was pushed. */
    static int eq(Coroutine co, CallFrame f, Object x, Object y, int expected) {
        if (y == null || x.getClass() != y.getClass()) return 0;
        LuaState L = co.state;
        Object h = get(L, x, "__eq");
        if (h == null) h = get(L, y, "__eq");
        if (h == null) return 0;
        return compareMeta(co, f, h, x, y, expected);
    }

    private static int compareMeta(Coroutine co, CallFrame f, Object h, Object x, Object y, int expected) {
        if (h instanceof LuaClosure lc) {
            callMeta(co, f, lc, x, y, null, 2, CallFrame.CONT_COND, expected);
            return 2;
        }
        Object[] r = Calls.call(co.state, h, new Object[] {x, y});
        return LuaValues.isTruthy(first(r)) ? 1 : 0;
    }

    /** x &lt; y (or x &lt;= y); returns 0/1, or 2 when a Lua frame was pushed. */
    static int lessThan(Coroutine co, CallFrame f, Object x, Object y, int expected, boolean orEqual) {
        if ((x instanceof Long || x instanceof Double) && (y instanceof Long || y instanceof Double)) {
            return (orEqual ? Arith.numLe(x, y) : Arith.numLt(x, y)) ? 1 : 0;
        }
        if (x instanceof String sx && y instanceof String sy) {
            int c = sx.compareTo(sy);
            return (orEqual ? c <= 0 : c < 0) ? 1 : 0;
        }
        String event = orEqual ? "__le" : "__lt";
        LuaState L = co.state;
        Object h = get(L, x, event);
        if (h == null) h = get(L, y, event);
        if (h == null) throw compareError(x, y);
        return compareMeta(co, f, h, x, y, expected);
    }

    /** x &lt; y with metamethods, from Java (table.sort). */
    static boolean lessThan(LuaState L, Object x, Object y) {
        if ((x instanceof Long || x instanceof Double) && (y instanceof Long || y instanceof Double)) {
            return Arith.numLt(x, y);
        }
        if (x instanceof String sx && y instanceof String sy) return sx.compareTo(sy) < 0;
        Object h = get(L, x, "__lt");
        if (h == null) h = get(L, y, "__lt");
        if (h == null) throw compareError(x, y);
        return LuaValues.isTruthy(first(Calls.call(L, h, new Object[] {x, y})));
    }

    /** x == y with __eq, from Java. */
    static boolean equals(LuaState L, Object x, Object y) {
        if (x == y) return true;
        if (x instanceof LuaTable || x instanceof LuaUserdata) {
            if (y == null || x.getClass() != y.getClass()) return false;
            Object h = get(L, x, "__eq");
            if (h == null) h = get(L, y, "__eq");
            if (h == null) return false;
            return LuaValues.isTruthy(first(Calls.call(L, h, new Object[] {x, y})));
        }
        return LuaValues.rawEquals(x, y);
    }

    static LuaError compareError(Object x, Object y) {
        String t1 = LuaValues.typeName(x), t2 = LuaValues.typeName(y);
        if (t1.equals(t2)) return LuaError.vm("attempt to compare two " + t1 + " values");
        return LuaError.vm("attempt to compare " + t1 + " with " + t2);
    }
}
