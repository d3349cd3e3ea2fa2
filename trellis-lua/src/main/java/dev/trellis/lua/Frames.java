package dev.trellis.lua;

/**
 * Entering and leaving Lua frames on a coroutine's heap call stack: pushing a frame for a call
 * (fixed parameters in place, extra arguments saved as varargs) and returning results to the
 * caller, including the continuation kinds of pcall and metamethod frames.
 */
final class Frames {
    private Frames() {}


    /** Pushes a frame for closure {@code cl} whose function slot is {@code func}. */
    static CallFrame pushLua(Coroutine co, LuaClosure cl, int func, int nargs, int nresults) {
        Prototype p = cl.p;
        int base = func + 1;
        co.ensureStack(base + Math.max(nargs, p.numParams) + p.maxStack);
        Object[] s = co.stack;
        int np = p.numParams;
        Object[] varargs = null;
        if (p.isVararg) {
            int extra = nargs - np;
            if (extra > 0) {
                varargs = new Object[extra];
                System.arraycopy(s, base + np, varargs, 0, extra);
            } else {
                varargs = Interpreter.EMPTY;
            }
        }
        for (int j = nargs; j < np; j++) s[base + j] = null;
        CallFrame f = co.pushFrame();
        f.closure = cl;
        f.p = p;
        f.base = base;
        f.ret = func;
        f.pc = 0;
        f.nresults = nresults;
        f.flags = 0;
        f.top = base;
        f.varargs = varargs;
        f.handler = null;
        return f;
    }

    /** Returns from the top frame with results s[src .. src+n). True when stopDepth is reached. */
    static void doReturn(Coroutine co, CallFrame f, int src, int n) {
        Object[] s = co.stack;
        int flags = f.flags;
        int ret = f.ret;
        int wanted = f.nresults;
        co.depth--;
        f.varargs = null;
        f.closure = null;
        if ((flags & ~CallFrame.BOUNDARY) == 0) {
            copyResults(co, s, src, n, ret, wanted);
            return;
        }
        if ((flags & CallFrame.PCALL) != 0) {
            s[ret] = Boolean.TRUE;
            if (wanted == 0) {
                co.lastTop = ret;
                return;
            }
            copyResults(co, s, src, n, ret + 1, wanted < 0 ? -1 : wanted - 1);
            return;
        }
        Object first = n > 0 ? s[src] : null;
        CallFrame caller = co.frames[co.depth - 1];
        if ((flags & CallFrame.CONT_STORE) != 0) {
            s[caller.base + f.contReg] = first;
        } else if ((flags & CallFrame.CONT_COND) != 0) {
            boolean truth = LuaValues.isTruthy(first);
            if ((flags & CallFrame.CONT_NEGATE) != 0) truth = !truth;
            if (truth != (f.contReg != 0)) caller.pc++;
        }
    }

    private static void copyResults(Coroutine co, Object[] s, int src, int n, int ret, int wanted) {
        if (wanted < 0) {
            System.arraycopy(s, src, s, ret, n);
            co.lastTop = ret + n;
            if (co.depth > 0) co.frames[co.depth - 1].top = ret + n;
            return;
        }
        if (n >= wanted) {
            System.arraycopy(s, src, s, ret, wanted);
        } else {
            System.arraycopy(s, src, s, ret, n);
            for (int j = n; j < wanted; j++) s[ret + j] = null;
        }
        co.lastTop = ret + wanted;
    }
}
