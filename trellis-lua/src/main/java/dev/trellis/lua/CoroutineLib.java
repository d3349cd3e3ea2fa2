package dev.trellis.lua;

import static dev.trellis.lua.LuaArgs.*;
import static dev.trellis.lua.StandardLibrary.fn;

/** The coroutine library: create, resume, yield, status, wrap, isyieldable, running, close. */
final class CoroutineLib {
    private CoroutineLib() {}

    static LuaTable create() {
        LuaTable t = new LuaTable();
        fn(t, "create", (L, a) -> new Object[] {L.newCoroutine(checkFunction(a, 0, "create"))});
        fn(t, "resume", (L, a) -> {
            Coroutine co = checkCoroutine(a, 0, "resume");
            Object[] args = new Object[Math.max(0, a.length - 1)];
            System.arraycopy(a, 1, args, 0, args.length);
            return resumeFromLua(L, co, args);
        });
        fn(t, "yield", (L, a) -> L.yield(a));
        fn(t, "status", (L, a) -> new Object[] {checkCoroutine(a, 0, "status").status().luaName()});
        fn(t, "running", (L, a) -> {
            Coroutine co = L.running();
            return new Object[] {co, co.isMain};
        });
        fn(t, "isyieldable", (L, a) -> {
            Coroutine co = a.length > 0 ? checkCoroutine(a, 0, "isyieldable") : L.running();
            return new Object[] {!co.isMain && co.nny == 0};
        });
        fn(t, "wrap", (L, a) -> {
            Coroutine co = L.newCoroutine(checkFunction(a, 0, "wrap"));
            return new Object[] {JavaFunction.of("wrap", (L2, args) -> wrapResume(L2, co, args))};
        });
        fn(t, "close", (L, a) -> {
            Coroutine co = checkCoroutine(a, 0, "close");
            switch (co.status()) {
                case SUSPENDED, DEAD -> {
                    Object err = co.deathError;
                    if (co.status() == Coroutine.Status.SUSPENDED && co.started) {
                        try {
                            Calls.closeTbc(co, 0, null);
                        } catch (LuaError e) {
                            err = e.value();
                        }
                        Calls.unwindAll(co, 0);
                    }
                    co.status = Coroutine.Status.DEAD;
                    co.deathError = null;
                    if (err != null) return new Object[] {Boolean.FALSE, err};
                    return new Object[] {Boolean.TRUE};
                }
                default -> throw LuaError.runtime("cannot close a " + co.status().luaName() + " coroutine");
            }
        });
        return t;
    }

    /** coroutine.resume: true + values, or false + error; host yields pass through upward. */
    private static Object[] resumeFromLua(LuaState L, Coroutine co, Object[] args) {
        Object[] r;
        try {
            r = co.resume(args);
        } catch (LuaError e) {
            return new Object[] {Boolean.FALSE, e.value()};
        }
        if (co.isHostYield()) {
            return L.yieldThen((L2, answer) -> resumeFromLua(L2, co, answer), true, r);
        }
        Object[] out = new Object[r.length + 1];
        out[0] = Boolean.TRUE;
        System.arraycopy(r, 0, out, 1, r.length);
        return out;
    }

    private static Object[] wrapResume(LuaState L, Coroutine co, Object[] args) {
        Object[] r;
        try {
            r = co.resume(args);
        } catch (LuaError e) {
            Object v = e.value();
            if (v instanceof String s) throw LuaError.runtime(s); // positioned at the caller, like PUC
            e.luaTraceback = null; // the traceback of the resumer's stack is taken instead
            throw e;
        }
        if (co.isHostYield()) {
            return L.yieldThen((L2, answer) -> wrapResume(L2, co, answer), true, r);
        }
        return r;
    }

    static Coroutine checkCoroutine(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof Coroutine co) return co;
        throw typeError(a, i, fname, "thread");
    }
}
