package dev.trellis.lua;

/**
 * A Lua coroutine (type "thread"): its own value stack and call frames on the heap, no Java thread.
 * Resuming runs it on the caller's thread until it yields, returns or fails; a switch costs a few
 * hundred nanoseconds.
 *
 * <pre>{@code
 * Coroutine co = state.newCoroutine(fn);
 * Object[] yielded = co.resume(1, 2);       // runs until coroutine.yield(...) or a host yield
 * if (co.status() == Coroutine.Status.SUSPENDED) {
 *     Object[] done = co.resume("answer");  // the answer is what yield returns inside
 * }
 * }</pre>
 *
 * <p>A host function suspends the running coroutine by returning {@link LuaState#yield(Object...)};
 * the values it yields come out of {@link #resume}, and the values given to the next resume become
 * the host function's results.
 *
 * <p>Not thread-safe: a coroutine belongs to its state, which one thread runs at a time.
 */
public final class Coroutine {
    /** The life cycle of a coroutine, named as {@code coroutine.status} names it. */
    public enum Status {
        SUSPENDED("suspended"), RUNNING("running"), NORMAL("normal"), DEAD("dead");

        private final String luaName;

        Status(String luaName) {
            this.luaName = luaName;
        }

        public String luaName() {
            return luaName;
        }
    }

    /**
     * Slots a new coroutine's stack starts with. Small, since an idle process keeps one coroutine
     * per waiting task; the stack grows (doubling) when a call needs more.
     */
    static final int INITIAL_STACK = 16;

    final LuaState state;
    final boolean isMain;
    Object[] stack;
    CallFrame[] frames = new CallFrame[4];
    int depth;
    /** Open upvalues, highest stack index first. */
    Upvalue openUpvals;
    /** Stack indices of live to-be-closed variables, in order of creation. */
    int[] tbc;
    int tbcCount;
    Status status = Status.SUSPENDED;
    Object body;
    boolean started;
    /** Nested interpreter runs on this coroutine that cannot be yielded across. */
    int nny;
    /** Where the results of the call that yielded go when resumed. */
    int pendingRet;
    int pendingN;
    boolean pendingPcall;
    /** Java code to run with the resume values before they reach the yielding call, or null. */
    JavaFunction.Body pendingContinuation;
    /** The last yield was a host yield: it passes through Lua-level coroutine.resume. */
    boolean hostYield;
    /** Values moving across resume/yield. */
    Object[] transfer;
    /** The coroutine that resumed this one. */
    Coroutine resumer;
    /** The Java function running right now (for tracebacks), or null. */
    JavaFunction currentJava;
    /** First free slot after the last boundary return's results. */
    int lastTop;
    /** Frame depth at which a Java function was called directly by Java (pcall(error)), else -1. */
    int cCallDepth = -1;
    /** Lowest free slot while a Java function runs (nested calls go above it). */
    int javaTop;
    /** While an xpcall handler runs: the Java function that raised the error, or null. */
    JavaFunction handlerRaisedIn;
    /** The error that killed this coroutine, for coroutine.close. */
    Object deathError;

    Coroutine(LuaState state, Object body, boolean isMain) {
        this.state = state;
        this.body = body;
        this.isMain = isMain;
        this.stack = new Object[isMain ? 64 : INITIAL_STACK];
        if (isMain) status = Status.RUNNING;
    }

    public Status status() {
        return status;
    }

    public LuaState state() {
        return state;
    }

    /**
     * Resumes the coroutine with {@code args}: the body's arguments on the first resume, the
     * results of the pending yield afterwards. Returns the values yielded or, once the body
     * returns, its results. A Lua error inside kills the coroutine and is rethrown.
     */
    public Object[] resume(Object... args) {
        return Calls.resume(this, args);
    }

    /**
     * True when the coroutine is suspended in a host yield ({@link LuaState#yieldToHost}): the
     * values {@link #resume} returned are a request for the host, not values for Lua code.
     */
    public boolean isHostYield() {
        return hostYield && status == Status.SUSPENDED;
    }

    /**
     * {@return this coroutine's Lua stack as {@code debug.traceback} prints it} For a suspended
     * coroutine the top frame is where it yields (or waits, in a host's blocking call). Call it on
     * the thread that runs the state.
     */
    public String traceback() {
        return Errors.traceback(this, null);
    }

    /**
     * {@return the Lua functions on this coroutine's stack, innermost first} Java functions are
     * left out. Call it on the thread that runs the state.
     */
    public java.util.List<LuaStackFrame> stackFrames() {
        return Errors.frames(this);
    }

    /** True once the body returned or failed. */
    public boolean isDead() {
        return status == Status.DEAD;
    }

    int lastTopSafe() {
        return javaTop;
    }

    /**
     * Drops the values left in the stack once nothing runs on it, so that they can be collected
     * (and weak tables see them go); a stack that grew large is replaced by a small one.
     */
    void releaseStack() {
        if (stack.length > 1024) stack = new Object[isMain ? 64 : INITIAL_STACK];
        else java.util.Arrays.fill(stack, null);
        javaTop = 0;
    }

    void ensureStack(int needed) {
        if (needed <= stack.length) return;
        if (needed > state.maxStackSlots) {
            throw LuaError.runtime("stack overflow");
        }
        int n = Math.max(needed + 16, Math.min(stack.length * 2, state.maxStackSlots));
        Object[] s = new Object[n];
        System.arraycopy(stack, 0, s, 0, stack.length);
        for (Upvalue u = openUpvals; u != null; u = u.nextOpen) u.stack = s;
        stack = s;
    }

    CallFrame pushFrame() {
        if (depth == frames.length) {
            if (depth >= state.maxCallDepth) throw LuaError.runtime("stack overflow");
            CallFrame[] f = new CallFrame[Math.min(depth * 2, state.maxCallDepth + 8)];
            System.arraycopy(frames, 0, f, 0, depth);
            frames = f;
        }
        CallFrame f = frames[depth];
        if (f == null) frames[depth] = f = new CallFrame();
        depth++;
        return f;
    }

    Upvalue findUpvalue(int index) {
        Upvalue prev = null;
        Upvalue u = openUpvals;
        while (u != null && u.index > index) {
            prev = u;
            u = u.nextOpen;
        }
        if (u != null && u.index == index) return u;
        Upvalue n = new Upvalue(stack, index);
        n.nextOpen = u;
        if (prev == null) openUpvals = n;
        else prev.nextOpen = n;
        return n;
    }

    void closeUpvalues(int level) {
        Upvalue u = openUpvals;
        while (u != null && u.index >= level) {
            u.close();
            u = u.nextOpen;
        }
        openUpvals = u;
    }

    void addTbc(int index) {
        if (tbc == null) tbc = new int[4];
        if (tbcCount == tbc.length) tbc = java.util.Arrays.copyOf(tbc, tbcCount * 2);
        tbc[tbcCount++] = index;
    }
}
