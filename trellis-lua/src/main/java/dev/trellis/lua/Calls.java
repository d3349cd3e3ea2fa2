package dev.trellis.lua;

/**
 * Entering and leaving Lua from Java: calls from host code ({@link #call}), coroutine resumes,
 * calls of Java functions and {@code __call} values from the interpreter, and closing of
 * upvalues and to-be-closed variables. Each nested entry is one level of Java recursion, bounded
 * by the state's C-call limit ("C stack overflow"), and cannot be yielded across.
 */
final class Calls {
    private Calls() {}

    static final Object[] EMPTY = Interpreter.EMPTY;

    // ---------------------------------------------------------------- entry points

    /** Calls {@code fn} from Java on the state's running coroutine (not yieldable across). */
    static Object[] call(LuaState L, Object fn, Object[] args) {
        Coroutine co = L.running();
        if (fn instanceof JavaFunction jf) {
            enterNested(L);
            JavaFunction saved = co.currentJava;
            int savedC = co.cCallDepth;
            co.currentJava = jf;
            co.cCallDepth = co.depth;
            try {
                Object[] r = jf.call(L, args);
                if (r == LuaState.YIELD) throw new LuaError("attempt to yield across a C-call boundary");
                return r;
            } finally {
                co.cCallDepth = savedC;
                co.currentJava = saved;
                L.nestedCalls--;
            }
        }
        if (!(fn instanceof LuaClosure cl)) {
            Object mm = Metamethods.get(L, fn, "__call");
            if (mm == null) throw new LuaError("attempt to call a " + LuaValues.typeName(fn) + " value");
            Object[] a2 = new Object[args.length + 1];
            a2[0] = fn;
            System.arraycopy(args, 0, a2, 1, args.length);
            return call(L, mm, a2);
        }
        enterNested(L);
        int depth = co.depth;
        int func = watermark(co);
        co.ensureStack(func + 1 + args.length + cl.p.maxStack);
        Object[] s = co.stack;
        s[func] = cl;
        System.arraycopy(args, 0, s, func + 1, args.length);
        co.nny++;
        try {
            Frames.pushLua(co, cl, func, args.length, -1).flags = CallFrame.BOUNDARY;
            Interpreter.run(co, depth);
            int n = co.lastTop - func;
            Object[] out = n == 0 ? EMPTY : new Object[n];
            System.arraycopy(co.stack, func, out, 0, n);
            return out;
        } finally {
            if (co.depth == 0) co.releaseStack();
            co.nny--;
            L.nestedCalls--;
        }
    }

    private static void enterNested(LuaState L) {
        if (++L.nestedCalls > L.maxNestedCalls) {
            L.nestedCalls--;
            throw LuaError.runtime("C stack overflow");
        }
    }

    /** First stack slot not used by the running frame. */
    static int watermark(Coroutine co) {
        if (co.depth == 0) return co.lastTopSafe();
        CallFrame f = co.frames[co.depth - 1];
        return Math.max(f.base + f.p.maxStack, co.javaTop); // multi-value calls raise javaTop (Calls.callOther)
    }

    static Object[] resume(Coroutine co, Object[] args) {
        LuaState L = co.state;
        if (co.status == Coroutine.Status.DEAD) throw new LuaError("cannot resume dead coroutine");
        if (co.status != Coroutine.Status.SUSPENDED) throw new LuaError("cannot resume non-suspended coroutine");
        enterNested(L);
        Coroutine prev = L.current;
        co.resumer = prev;
        if (prev != null) prev.status = Coroutine.Status.NORMAL;
        co.status = Coroutine.Status.RUNNING;
        L.current = co;
        try {
            boolean finished;
            if (!co.started) {
                co.started = true;
                Object body = co.body;
                co.body = null;
                if (body instanceof LuaClosure cl) {
                    co.ensureStack(1 + args.length + cl.p.maxStack);
                    co.stack[0] = cl;
                    System.arraycopy(args, 0, co.stack, 1, args.length);
                    Frames.pushLua(co, cl, 0, args.length, -1);
                    finished = Interpreter.run(co, 0);
                } else {
                    Object[] r = call(L, body, args);
                    co.status = Coroutine.Status.DEAD;
                    return r;
                }
            } else {
                JavaFunction.Body k = co.pendingContinuation;
                Object[] vals = args;
                if (k != null) {
                    // the Java function that yielded continues with the resume values
                    co.pendingContinuation = null;
                    co.hostYield = false;
                    try {
                        vals = k.call(L, args);
                    } catch (LuaError e) {
                        vals = null;
                        if (!Errors.handle(co, e, 0)) throw e;
                    }
                    if (vals == LuaState.YIELD) {
                        co.status = Coroutine.Status.SUSPENDED;
                        Object[] t = co.transfer;
                        co.transfer = null;
                        return t;
                    }
                }
                co.hostYield = false;
                if (vals != null) deliver(co, vals);
                finished = Interpreter.run(co, 0);
            }
            if (finished) {
                co.status = Coroutine.Status.DEAD;
                int n = co.lastTop;
                Object[] out = n == 0 ? EMPTY : new Object[n];
                System.arraycopy(co.stack, 0, out, 0, n);
                java.util.Arrays.fill(co.stack, null);
                return out;
            }
            co.status = Coroutine.Status.SUSPENDED;
            Object[] t = co.transfer;
            co.transfer = null;
            return t;
        } catch (LuaError | LuaKill e) {
            co.status = Coroutine.Status.DEAD;
            if (e instanceof LuaError le) co.deathError = le.value();
            throw e;
        } finally {
            L.current = prev;
            if (prev != null) prev.status = Coroutine.Status.RUNNING;
            L.nestedCalls--;
        }
    }

    /** Places the values of a resume where the yielding call's results belong. */
    private static void deliver(Coroutine co, Object[] vals) {
        int ret = co.pendingRet;
        int n = vals.length;
        if (co.pendingPcall) {
            co.ensureStack(ret + n + 2);
            co.stack[ret++] = Boolean.TRUE;
        }
        placeResults(co, co.frames[co.depth - 1], ret, vals, co.pendingN, co.pendingPcall ? 1 : 0);
    }

    /** Copies Java results to {@code ret}, adjusted to {@code wanted}; sets the frame's top. */
    static void placeResults(Coroutine co, CallFrame f, int ret, Object[] vals, int wanted, int already) {
        int n = vals.length;
        if (wanted < 0) {
            co.ensureStack(ret + n + 1);
            System.arraycopy(vals, 0, co.stack, ret, n);
            f.top = ret + n;
            return;
        }
        int want = wanted - already;
        if (want <= 0) return;
        co.ensureStack(ret + want + 1);
        Object[] s = co.stack;
        if (n >= want) {
            System.arraycopy(vals, 0, s, ret, want);
        } else {
            System.arraycopy(vals, 0, s, ret, n);
            for (int j = n; j < want; j++) s[ret + j] = null;
        }
    }


    static void unwindAll(Coroutine co, int stopDepth) {
        if (co.depth > stopDepth) {
            CallFrame bottom = co.frames[stopDepth];
            co.closeUpvalues(bottom.ret);
            while (co.tbcCount > 0 && co.tbc[co.tbcCount - 1] >= bottom.ret) co.tbcCount--;
            for (int d = stopDepth; d < co.depth; d++) {
                co.frames[d].closure = null;
                co.frames[d].varargs = null;
            }
            co.depth = stopDepth;
        }
    }

    // ---------------------------------------------------------------- calls of non-Lua values

    /**
     * Calls a Java function or a value with {@code __call} whose slot is {@code a}. Returns false
     * when the coroutine yielded.
     */
    static boolean callOther(Coroutine co, CallFrame f, int a, int nargs, int nres) {
        LuaState L = co.state;
        while (true) {
            Object fn = co.stack[a];
            if (fn instanceof JavaFunction jf) {
                if (jf instanceof ProtectedCall pf) {
                    return pf.callProtected(co, f, a, nargs, nres);
                }
                Object[] s = co.stack;
                Object[] args = nargs == 0 ? EMPTY : new Object[nargs];
                System.arraycopy(s, a + 1, args, 0, nargs);
                int savedTop = co.javaTop;
                int savedC = co.cCallDepth;
                co.javaTop = Math.max(a + 1 + nargs, f.base + f.p.maxStack);
                co.cCallDepth = -1;
                co.currentJava = jf;
                Object[] r;
                try {
                    r = jf.call(L, args);
                } finally {
                    co.javaTop = savedTop;
                    co.cCallDepth = savedC;
                }
                co.currentJava = null;
                if (r == LuaState.YIELD) {
                    if (co.isMain || co.nny > 0) {
                        co.pendingContinuation = null;
                        co.hostYield = false;
                        co.transfer = null;
                        if (co.isMain) throw LuaError.runtime("attempt to yield from outside a coroutine");
                        throw LuaError.runtime("attempt to yield across a C-call boundary");
                    }
                    co.pendingRet = a;
                    co.pendingN = nres;
                    co.pendingPcall = false;
                    return false;
                }
                placeResults(co, f, a, r, nres, 0);
                return true;
            }
            if (fn instanceof LuaClosure lc) {
                Frames.pushLua(co, lc, a, nargs, nres);
                return true;
            }
            Object mm = Metamethods.get(L, fn, "__call");
            if (mm == null) {
                throw LuaError.operand("attempt to call a " + LuaValues.typeName(fn) + " value");
            }
            co.ensureStack(a + nargs + 2 + 1);
            Object[] s = co.stack;
            System.arraycopy(s, a, s, a + 1, nargs + 1);
            s[a] = mm;
            nargs++;
        }
    }

    // ---------------------------------------------------------------- closing variables

    /** Closes upvalues and to-be-closed variables at or above stack index {@code level}. */
    static void closeLevel(Coroutine co, int level, Object error) {
        if (co.tbcCount > 0 && co.tbc[co.tbcCount - 1] >= level) closeTbc(co, level, error);
        if (co.openUpvals != null) co.closeUpvalues(level);
    }

    /** Calls {@code __close} of each to-be-closed variable at or above {@code level}, newest first. */
    static void closeTbc(Coroutine co, int level, Object error) {
        while (co.tbcCount > 0 && co.tbc[co.tbcCount - 1] >= level) {
            int idx = co.tbc[--co.tbcCount];
            Object v = co.stack[idx];
            Object mm = Metamethods.get(co.state, v, "__close");
            if (mm != null) {
                co.closeUpvalues(idx);
                call(co.state, mm, new Object[] {v, error});
            }
        }
    }
}
