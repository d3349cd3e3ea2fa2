package dev.trellis.lua;

/**
 * A Lua error: carries any Lua value (usually a message string) and, once it has crossed a protected
 * boundary or the embedding API, the Lua stack traceback taken where it was raised.
 *
 * <pre>{@code
 * try {
 *     state.call(fn);
 * } catch (LuaError e) {
 *     Object value = e.value();        // what error(...) was given, or a runtime message
 *     String where = e.luaTraceback(); // "stack traceback:\n\t..."
 * }
 * }</pre>
 *
 * <p>Errors raised by the VM itself (indexing nil, arithmetic on a table, ...) start without a
 * position; the interpreter adds {@code chunk:line:} and the variable description before the error
 * leaves the failing instruction, exactly as PUC Lua words them.
 */
public class LuaError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Object value;
    /** Set for VM runtime errors that still need "chunk:line:" prepended by the interpreter. */
    boolean needsPosition;
    /** Set for VM runtime errors whose message may get a "(local 'x')" suffix. */
    boolean wantsVarInfo;
    /** Raised by the VM core: no position when a Java function was running. */
    boolean vmLevel;
    String luaTraceback;
    /** True once an xpcall handler or traceback capture has seen this error. */
    boolean tracebackTaken;

    /** An error whose value is {@code value} (any Lua value). */
    public LuaError(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    /**
     * An error raised by a Java function the way {@code luaL_error} raises it: the message gets
     * the position of the calling Lua code ({@code "chunk:line: message"}).
     */
    public static LuaError error(String message) {
        return runtime(LuaStrings.fromJava(message));
    }

    /** A VM runtime error: the interpreter prefixes the current position. */
    static LuaError runtime(String message) {
        LuaError e = new LuaError(message);
        e.needsPosition = true;
        return e;
    }

    /** A VM runtime error about an operand, whose variable name the interpreter may append. */
    static LuaError operand(String message) {
        LuaError e = vm(message);
        e.wantsVarInfo = true;
        return e;
    }

    /**
     * An error raised by the VM core (luaG_runerror): positioned only when a Lua instruction
     * raised it, not when a Java function did.
     */
    static LuaError vm(String message) {
        LuaError e = runtime(message);
        e.vmLevel = true;
        return e;
    }

    /** The Lua value carried by this error. */
    public Object value() {
        return value;
    }

    void setValue(Object value) {
        this.value = value;
    }

    /** The Lua traceback captured when the error was raised, or null when none was taken. */
    public String luaTraceback() {
        return luaTraceback;
    }

    @Override
    public String getMessage() {
        Object v = value;
        if (v instanceof String s) {
            return LuaStrings.decodeForJava(s);
        }
        if (v == null) {
            return "nil";
        }
        if (v instanceof Long || v instanceof Double) {
            return LuaValues.tostring(v);
        }
        return "(error object is a " + LuaValues.typeName(v) + " value)";
    }
}
