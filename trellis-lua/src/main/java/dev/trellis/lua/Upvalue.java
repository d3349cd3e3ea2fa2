package dev.trellis.lua;

/**
 * A variable captured by a closure: open (still a register in a coroutine's stack) or closed (its
 * own cell). Open upvalues of a coroutine form a list sorted by stack index, highest first.
 */
final class Upvalue {
    /** The stack while open, null once closed. */
    Object[] stack;
    final int index;
    Object value;
    Upvalue nextOpen;

    Upvalue(Object[] stack, int index) {
        this.stack = stack;
        this.index = index;
    }

    static Upvalue closed(Object value) {
        Upvalue u = new Upvalue(null, -1);
        u.value = value;
        return u;
    }

    Object get() {
        Object[] s = stack;
        return s != null ? s[index] : value;
    }

    void set(Object v) {
        Object[] s = stack;
        if (s != null) s[index] = v;
        else value = v;
    }

    void close() {
        value = stack[index];
        stack = null;
    }
}
