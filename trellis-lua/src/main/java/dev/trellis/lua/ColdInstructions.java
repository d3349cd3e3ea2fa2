package dev.trellis.lua;

import static dev.trellis.lua.OpCode.*;

/**
 * The less frequent instructions and the call helpers of {@link Interpreter}: tail calls,
 * generic-for iterator calls, closing of to-be-closed variables as frames, and SETLIST, CLOSE,
 * TBC, CLOSURE, VARARG. Kept out of the dispatch method so it stays small for the JIT.
 *
 * <pre>{@code
 * int next = ColdInstructions.coldOp(co, frame, instruction, a, pc); // -1: a frame was pushed
 * }</pre>
 */
final class ColdInstructions {
    private ColdInstructions() {}

    /** A tail call of a Lua function: the callee replaces the running frame (no stack growth). */
    static void tailCall(Coroutine co, CallFrame f, int a, int nargs, LuaClosure lc) {
        int base = f.base;
        Upvalue ou = co.openUpvals;
        if (ou != null && ou.index >= base) co.closeUpvalues(base);
        int func = base - 1;
        Object[] s = co.stack;
        System.arraycopy(s, a, s, func, nargs + 1);
        int flags = f.flags, ret = f.ret, nresults = f.nresults, contReg = f.contReg;
        Object handler = f.handler;
        co.depth--;
        CallFrame nf = Frames.pushLua(co, lc, func, nargs, nresults);
        nf.flags = flags;
        nf.ret = ret;
        nf.contReg = contReg;
        nf.handler = handler;
    }

    /**
     * The call of a generic {@code for}'s iterator: {@code next} and the ipairs iterator over
     * plain tables run inline (returns 0); otherwise a frame is pushed or a Java function called
     * (returns 1), or the coroutine yielded (returns -1).
     */
    static int forCall(Coroutine co, CallFrame f, int i, int a) {
        Object[] s = co.stack;
        s[a + 4] = s[a];
        s[a + 5] = s[a + 1];
        s[a + 6] = s[a + 2];
        int nres = (i >>> 14) & 0x1FF;
        Object fn = s[a + 4];
        if (s[a + 5] instanceof LuaTable t) {
            if (fn == BaseLib.NEXT) {
                if (!t.next(s[a + 6], s, a + 4)) s[a + 4] = null;
                for (int j = 2; j < nres; j++) s[a + 4 + j] = null;
                return 0;
            }
            if (fn == BaseLib.IPAIRS_ITER && t.getMetatable() == null && s[a + 6] instanceof Long ctl) {
                long idx = ctl + 1;
                Object v = t.rawgetInt(idx);
                if (v == null) {
                    s[a + 4] = null;
                } else {
                    s[a + 4] = LuaValues.valueOf(idx);
                    s[a + 5] = v;
                }
                for (int j = 2; j < nres; j++) s[a + 4 + j] = null;
                return 0;
            }
        }
        if (fn instanceof LuaClosure lc) {
            Frames.pushLua(co, lc, a + 4, 2, nres);
            return 1;
        }
        return Calls.callOther(co, f, a + 4, 2, nres) ? 1 : -1;
    }

    /**
     * Runs the newest to-be-closed variable at or above {@code level} whose {@code __close} is a
     * Lua function as a frame (so it may yield, as Lua 5.4 allows) and arranges for the closing
     * instruction at {@code instructionPc} to run again afterwards for the rest. False when there
     * is no such variable on top (the caller then closes directly).
     */
    static boolean closeInFrame(Coroutine co, CallFrame f, int level, int instructionPc) {
        if (co.tbcCount == 0 || co.tbc[co.tbcCount - 1] < level) return false;
        int idx = co.tbc[co.tbcCount - 1];
        Object v = co.stack[idx];
        if (!(Metamethods.get(co.state, v, "__close") instanceof LuaClosure lc)) return false;
        co.tbcCount--;
        co.closeUpvalues(idx);
        f.pc = instructionPc;
        Metamethods.callMeta(co, f, lc, v, null, null, 2, CallFrame.CONT_DISCARD, 0);
        return true;
    }

    /**
     * SETLIST, CLOSE, TBC, CLOSURE and VARARG. Returns the next pc (SETLIST may consume an extra
     * word), or -1 when a {@code __close} frame was pushed.
     */
    static int coldOp(Coroutine co, CallFrame f, int i, int a, int pc) {
        Object[] s = co.stack;
        int base = f.base;
        Prototype p = f.p;
        switch (i & 0x3F) {
            case SETLIST: {
                int n = i >>> 23;
                int c = (i >>> 14) & 0x1FF;
                if (c == 0) {
                    c = p.code[pc++];
                    f.pc = pc;
                }
                if (n == 0) n = f.top - a - 1;
                LuaTable t = (LuaTable) s[a];
                long start = (long) (c - 1) * FIELDS_PER_FLUSH;
                for (int j = 1; j <= n; j++) t.rawsetInt(start + j, s[a + j]);
                return pc;
            }
            case CLOSE:
                if (closeInFrame(co, f, a, pc - 1)) return -1;
                Calls.closeLevel(co, a, null);
                return pc;
            case TBC: {
                Object v = s[a];
                if (v != null && v != Boolean.FALSE) {
                    if (Metamethods.get(co.state, v, "__close") == null) {
                        String name = p.localName(a - base, pc - 1);
                        throw LuaError.runtime("variable '" + (name == null ? "?" : name) + "' got a non-closable value");
                    }
                    co.addTbc(a);
                }
                return pc;
            }
            case CLOSURE: {
                Prototype np = p.protos[i >>> 14];
                Upvalue[] up = f.closure.upvals;
                int nu = np.upvalIndex.length;
                Upvalue[] uv = new Upvalue[nu];
                for (int j = 0; j < nu; j++) {
                    uv[j] = np.upvalInStack[j] ? co.findUpvalue(base + np.upvalIndex[j]) : up[np.upvalIndex[j]];
                }
                s[a] = new LuaClosure(np, uv);
                return pc;
            }
            case VARARG: {
                int b = i >>> 23;
                Object[] va = f.varargs;
                int n = va.length;
                if (b == 0) {
                    co.ensureStack(a + n + 1);
                    s = co.stack;
                    System.arraycopy(va, 0, s, a, n);
                    f.top = a + n;
                } else {
                    int want = b - 1;
                    for (int j = 0; j < want; j++) s[a + j] = j < n ? va[j] : null;
                }
                return pc;
            }
            default:
                throw new IllegalStateException("bad opcode " + (i & 0x3F));
        }
    }
}
