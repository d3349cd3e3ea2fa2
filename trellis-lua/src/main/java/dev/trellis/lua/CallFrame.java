package dev.trellis.lua;

/**
 * One activation of a Lua function on a coroutine's heap-allocated call stack. Frames are reused:
 * a coroutine keeps an array of them and resets the fields on each call. A frame above the
 * current depth may still reference the closure it last ran until that depth is reused.
 */
final class CallFrame {
    /** Results are placed with {@code true} prepended (a frame run by pcall/xpcall). */
    static final int PCALL = 1;
    /** A metamethod frame whose first result goes to register {@link #contReg} of the caller. */
    static final int CONT_STORE = 2;
    /** A comparison metamethod frame: truth of the result vs {@link #contReg} decides a skip. */
    static final int CONT_COND = 4;
    /** A metamethod frame whose results are dropped (__newindex). */
    static final int CONT_DISCARD = 8;
    /** A comparison metamethod frame whose result is negated first. */
    static final int CONT_NEGATE = 16;
    /** A frame entered from Java ({@link Interpreter#call}); its caller is not Lua code. */
    static final int BOUNDARY = 32;

    LuaClosure closure;
    Prototype p;
    /** Stack index of register 0. */
    int base;
    /** Stack index where results go. */
    int ret;
    int pc;
    /** Wanted results (-1: all). */
    int nresults;
    int flags;
    int contReg;
    /** First free slot after a multi-value result (CALL with C=0, VARARG with B=0). */
    int top;
    Object[] varargs;
    /** Message handler of an xpcall frame. */
    Object handler;
}
