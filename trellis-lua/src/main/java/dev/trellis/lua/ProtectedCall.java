package dev.trellis.lua;

/**
 * {@code pcall} and {@code xpcall}. They are not ordinary Java functions: the interpreter runs the
 * protected Lua function as a flagged frame in its own loop, so the callee may yield (as Lua 5.4
 * allows) and an error unwinds to that frame without Java recursion.
 */
abstract class ProtectedCall extends JavaFunction {
    ProtectedCall(String name) {
        super(name);
    }

    static final ProtectedCall PCALL = new ProtectedCall("pcall") {
        @Override
        boolean callProtected(Coroutine co, CallFrame f, int a, int nargs, int nres) {
            if (nargs == 0) throw LuaError.runtime("bad argument #1 to 'pcall' (value expected)");
            Object callee = co.stack[a + 1];
            if (callee instanceof LuaClosure lc) {
                CallFrame nf = Frames.pushLua(co, lc, a + 1, nargs - 1, nres);
                nf.ret = a;
                nf.flags = CallFrame.PCALL;
                return true;
            }
            Object[] args = new Object[nargs - 1];
            System.arraycopy(co.stack, a + 2, args, 0, nargs - 1);
            return callOutside(co, f, a, callee, args, null, nres);
        }
    };

    static final ProtectedCall XPCALL = new ProtectedCall("xpcall") {
        @Override
        boolean callProtected(Coroutine co, CallFrame f, int a, int nargs, int nres) {
            Object[] s = co.stack;
            if (nargs < 2 || !(s[a + 2] instanceof LuaFunction)) {
                throw LuaError.runtime("bad argument #2 to 'xpcall' (function expected, got "
                        + (nargs < 2 ? "no value" : LuaValues.typeName(s[a + 2])) + ")");
            }
            Object callee = s[a + 1];
            Object handler = s[a + 2];
            System.arraycopy(s, a + 3, s, a + 2, nargs - 2);
            if (callee instanceof LuaClosure lc) {
                CallFrame nf = Frames.pushLua(co, lc, a + 1, nargs - 2, nres);
                nf.ret = a;
                nf.flags = CallFrame.PCALL;
                nf.handler = handler;
                return true;
            }
            Object[] args = new Object[nargs - 2];
            System.arraycopy(co.stack, a + 2, args, 0, nargs - 2);
            return callOutside(co, f, a, callee, args, handler, nres);
        }
    };

    /** Runs the protected call; false when the coroutine yielded. */
    abstract boolean callProtected(Coroutine co, CallFrame f, int a, int nargs, int nres);

    @Override
    public Object[] call(LuaState state, Object[] args) {
        // Called from Java (not from the interpreter loop): plain nested protected call.
        boolean x = this == XPCALL;
        if (!x && args.length < 1) throw new LuaError("bad argument #1 to 'pcall' (value expected)");
        if (x && (args.length < 2 || !(args[1] instanceof LuaFunction))) {
            throw new LuaError("bad argument #2 to 'xpcall' (function expected, got "
                    + (args.length < 2 ? "no value" : LuaValues.typeName(args[1])) + ")");
        }
        Object[] rest = new Object[args.length - (x ? 2 : 1)];
        System.arraycopy(args, x ? 2 : 1, rest, 0, rest.length);
        try {
            Object[] r = state.call(args[0], rest);
            Object[] out = new Object[r.length + 1];
            out[0] = Boolean.TRUE;
            System.arraycopy(r, 0, out, 1, r.length);
            return out;
        } catch (LuaError e) {
            Object v = e.value();
            if (x) v = firstOf(state.call(args[1], v));
            return new Object[] {Boolean.FALSE, v};
        }
    }

    private static boolean callOutside(Coroutine co, CallFrame f, int a, Object callee, Object[] args,
                                       Object handler, int nres) {
        LuaState L = co.state;
        Object[] r;
        try {
            if (callee instanceof JavaFunction jf && !(jf instanceof ProtectedCall)) {
                int savedTop = co.javaTop;
                int savedC = co.cCallDepth;
                co.javaTop = Math.max(co.javaTop, f.base + f.p.maxStack);
                co.cCallDepth = co.depth;
                try {
                    r = jf.call(L, args);
                } finally {
                    co.javaTop = savedTop;
                    co.cCallDepth = savedC;
                }
                if (r == LuaState.YIELD) {
                    if (co.isMain) throw new LuaError("attempt to yield from outside a coroutine");
                    if (co.nny > 0) throw new LuaError("attempt to yield across a C-call boundary");
                    co.pendingRet = a;
                    co.pendingN = nres;
                    co.pendingPcall = true;
                    return false;
                }
            } else {
                r = Calls.call(L, callee, args);
            }
        } catch (LuaError e) {
            Object v = e.value();
            if (e.needsPosition && v instanceof String msg && !(callee instanceof JavaFunction)) {
                v = msg;
            }
            if (handler != null) v = handle(L, handler, v);
            else v = qualify(callee, v);
            co.ensureStack(a + Math.max(nres, 2) + 1);
            Object[] s = co.stack;
            s[a] = Boolean.FALSE;
            s[a + 1] = v;
            if (nres < 0) f.top = a + 2;
            else for (int j = 2; j < nres; j++) s[a + j] = null;
            return true;
        }
        co.ensureStack(a + r.length + 2);
        co.stack[a] = Boolean.TRUE;
        Object[] out = r;
        if (nres < 0) {
            System.arraycopy(out, 0, co.stack, a + 1, out.length);
            f.top = a + 1 + out.length;
        } else {
            for (int j = 1; j < nres; j++) co.stack[a + j] = j - 1 < out.length ? out[j - 1] : null;
        }
        return true;
    }

    /** Runs an xpcall message handler; an error inside it gives "error in error handling". */
    static Object handle(LuaState L, Object handler, Object v) {
        try {
            return firstOf(Calls.call(L, handler, new Object[] {v}));
        } catch (LuaError he) {
            return "error in error handling";
        }
    }

    /** Names a library function as PUC does when it was called by pcall: 'string.rep'. */
    private static Object qualify(Object callee, Object v) {
        if (callee instanceof JavaFunction jf && jf.qualifiedName != null && v instanceof String s
                && s.startsWith("bad argument #")) {
            return s.replace(" to '" + jf.name() + "' (", " to '" + jf.qualifiedName + "' (");
        }
        return v;
    }

    static Object firstOf(Object[] r) {
        return r.length > 0 ? r[0] : null;
    }
}
