package dev.trellis.runtime.lua;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import dev.trellis.lua.LuaValues;

/**
 * Error values as Lua sees them: a userdata wrapping a core {@link ProcessError}, with
 * {@code tostring(err)}, {@code err:kind()}, {@code err:message()}, {@code err:retryable()} and
 * {@code "prefix: " .. err} (a {@code __concat} metamethod), as Wippy's error objects. Every
 * string function reads an error object as its message ({@link ErrorUserdata}), so
 * {@code string.find(err, "not found")} works as in Wippy.
 *
 * <pre>{@code
 * LuaUserdata err = LuaErrors.object(ProcessError.of(ErrorKind.NOT_FOUND, "process not found"));
 * return new Object[] {null, err};                      // Lua: local ok, err = process.send(...)
 * ProcessError back = LuaErrors.toProcessError(luaValue); // any Lua error value → a core error
 * }</pre>
 *
 * <p>Thread-safe: the metatable is built once and frozen; error objects are immutable.
 */
public final class LuaErrors {

    /**
     * The cause of an error a script returned ({@code return nil, "msg"}): Wippy treats it as
     * non-retryable, so a service that returns it is not restarted.
     */
    public static final class ScriptReturn extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScriptReturn(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What {@code errors.new}/{@code errors.wrap} add to a core error: a kind that the core has no
     * constant for ({@code TIMEOUT}, {@code CANCELED}…), an explicit retryable flag, details (a
     * frozen-by-copy Lua table), and the error it wraps. Immutable.
     */
    public static final class Details extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String kind;
        final Boolean retryable;
        final transient Object details;
        final ProcessError wrapped;

        public Details(String kind, Boolean retryable, Object details, ProcessError wrapped) {
            super(kind, null, false, false);
            this.kind = kind;
            this.retryable = retryable;
            this.details = details;
            this.wrapped = wrapped;
        }

        /** {@return the kind, or null for the core error's own} */
        public String kind() {
            return kind;
        }

        /** {@return the explicit retryable flag, or null when not set} */
        public Boolean retryable() {
            return retryable;
        }

        /** {@return the details table (not to be handed to Lua without a copy), or null} */
        public Object details() {
            return details;
        }

        /** {@return the error this one wraps, or null} */
        public ProcessError wrapped() {
            return wrapped;
        }
    }

    private static final LuaTable METATABLE = buildMetatable();

    private LuaErrors() {
    }

    /** {@return a Lua error object for {@code error}} */
    public static LuaUserdata object(ProcessError error) {
        return new ErrorUserdata(error, METATABLE);
    }

    /** {@return a Lua error object with kind INVALID and {@code message}} */
    public static LuaUserdata invalid(String message) {
        return object(ProcessError.of(ErrorKind.INVALID, message));
    }

    /** {@return the pair {@code nil, err} for a failed call} */
    public static Object[] fail(ProcessError error) {
        return new Object[] {null, object(error)};
    }

    /** {@return the pair {@code nil, err} with kind and message} */
    public static Object[] fail(ErrorKind kind, String message) {
        return fail(ProcessError.of(kind, message));
    }

    /** {@return the pair {@code nil, err} for bad input that retrying cannot fix ({@code err:retryable()} is false)} */
    public static Object[] failNotRetryable(ErrorKind kind, String message) {
        return fail(new ProcessError(kind, message, new Details(null, Boolean.FALSE, null, null)));
    }

    /** {@return whether {@code v} is a Lua error object} */
    public static boolean isErrorObject(Object v) {
        return v instanceof LuaUserdata u && u.getMetatable() == METATABLE;
    }

    /** {@return the core error of a Lua error object, or null when {@code v} is not one} */
    public static ProcessError unwrap(Object v) {
        return isErrorObject(v) ? (ProcessError) ((LuaUserdata) v).value() : null;
    }

    /**
     * {@return the core error for what a Lua {@code error(...)} raised: an error object's own error,
     * a string as an INTERNAL error with that message, anything else by its {@code tostring}}
     */
    public static ProcessError toProcessError(Object luaValue) {
        ProcessError e = unwrap(luaValue);
        if (e != null) {
            return e;
        }
        if (luaValue instanceof String s) {
            return ProcessError.of(ErrorKind.INTERNAL, LuaStrings.toJava(s));
        }
        if (luaValue == null) {
            return ProcessError.of(ErrorKind.INTERNAL, "nil");
        }
        if (luaValue instanceof Long || luaValue instanceof Double) {
            return ProcessError.of(ErrorKind.INTERNAL, LuaValues.tostring(luaValue));
        }
        return ProcessError.of(ErrorKind.INTERNAL, "(error object is a " + LuaValues.typeName(luaValue) + " value)");
    }

    /** {@return the core error for a {@link LuaError}} */
    public static ProcessError toProcessError(LuaError e) {
        return toProcessError(e.value());
    }

    /** {@return the error of a script's second return value: a string or an error object, else null} */
    public static ProcessError fromReturn(Object second) {
        if (second instanceof String s) {
            return new ProcessError(ErrorKind.INTERNAL, LuaStrings.toJava(s), new ScriptReturn(LuaStrings.toJava(s)));
        }
        return unwrap(second);
    }

    /** {@return the pair {@code nil, err} for what a runtime call threw} */
    public static Object[] fail(RuntimeException e) {
        if (e instanceof ProcessException pe) {
            return fail(pe.error());
        }
        return fail(ErrorKind.INVALID, String.valueOf(e.getMessage()));
    }

    /** {@return the kind of an error as Lua sees it: the core kind's name unless errors.new gave another} */
    public static String kindOf(ProcessError e) {
        if (e.cause() instanceof Details d && d.kind != null) {
            return d.kind;
        }
        return e.kind().name();
    }

    /**
     * {@return whether a supervisor may retry after this error: false for an error a script
     * returned and for {@code errors.new{retryable = false}}, true otherwise}
     */
    public static boolean retryable(ProcessError e) {
        if (e.cause() instanceof ScriptReturn) {
            return false;
        }
        if (e.cause() instanceof Details d && d.retryable != null) {
            return d.retryable;
        }
        return true;
    }

    /** {@return what an error reads as where Lua expects a string: its message, as a Lua string} */
    static String text(ProcessError e) {
        return luaMessage(e);
    }

    /** {@return the message of an error as a Lua string} */
    public static String luaMessage(ProcessError e) {
        return LuaStrings.fromJava(e.message());
    }

    private static LuaTable buildMetatable() {
        LuaTable methods = new LuaTable();
        methods.rawset("kind", JavaFunction.of("kind", (s, a) -> new Object[] {kindOf(self(a, "kind"))}));
        methods.rawset("message", JavaFunction.of("message", (s, a) -> new Object[] {luaMessage(self(a, "message"))}));
        methods.rawset("retryable", JavaFunction.of("retryable",
                (s, a) -> new Object[] {retryable(self(a, "retryable"))}));
        methods.rawset("details", JavaFunction.of("details", (s, a) -> new Object[] {details(self(a, "details"))}));
        methods.rawset("unwrap", JavaFunction.of("unwrap", (s, a) -> new Object[] {unwrapped(self(a, "unwrap"))}));
        LuaTable mt = new LuaTable();
        mt.rawset("__index", methods);
        mt.rawset("__name", "error");
        mt.rawset("__tostring", JavaFunction.of("tostring", (s, a) -> new Object[] {luaMessage(self(a, "tostring"))}));
        mt.rawset("__concat", JavaFunction.of("concat", (s, a) -> new Object[] {text(s, a[0]) + text(s, a[1])}));
        mt.rawset("__eq", JavaFunction.of("eq", (s, a) -> new Object[] {
                unwrap(a[0]) != null && unwrap(a[0]).equals(unwrap(a[1]))}));
        methods.freeze();
        mt.freeze();
        return mt;
    }

    private static ProcessError self(Object[] a, String method) {
        ProcessError e = a.length > 0 ? unwrap(a[0]) : null;
        if (e == null) {
            throw new LuaError("bad argument #1 to '" + method + "' (error expected)");
        }
        return e;
    }

    private static String text(dev.trellis.lua.LuaState s, Object v) {
        ProcessError e = unwrap(v);
        if (e != null) {
            return luaMessage(e);
        }
        if (v instanceof String str) {
            return str;
        }
        if (v instanceof Long || v instanceof Double) {
            return LuaValues.tostring(v);
        }
        throw new LuaError("attempt to concatenate a " + LuaValues.typeName(v) + " value");
    }

    /** {@return a fresh copy of the error's details table, or nil} */
    public static Object details(ProcessError e) {
        return e.cause() instanceof Details d && d.details != null ? Payloads.export(d.details) : null;
    }

    /** {@return the error object {@code e} wraps, or nil} */
    public static Object unwrapped(ProcessError e) {
        return e.cause() instanceof Details d && d.wrapped != null ? object(d.wrapped) : null;
    }
}
