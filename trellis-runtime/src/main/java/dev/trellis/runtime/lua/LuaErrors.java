package dev.trellis.runtime.lua;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaStackFrame;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import dev.trellis.lua.LuaValues;
import java.util.List;

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
     * What {@code errors.new}/{@code errors.wrap} add to a core error: the Lua kind when the core
     * kind does not carry it ({@code "Timeout"}, {@code ""} for unknown…), an explicit retryable
     * flag, details (a frozen-by-copy Lua table), the error it wraps with the context it was
     * wrapped in, and the Lua stack where it was made. Immutable.
     */
    public static final class Details extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String kind;
        final Boolean retryable;
        final transient Object details;
        final ProcessError wrapped;
        final String context;
        final transient List<LuaStackFrame> stack;

        public Details(String kind, Boolean retryable, Object details, ProcessError wrapped) {
            this(kind, retryable, details, wrapped, null, null);
        }

        public Details(String kind, Boolean retryable, Object details, ProcessError wrapped, String context,
                List<LuaStackFrame> stack) {
            super(kind, null, false, false);
            this.kind = kind;
            this.retryable = retryable;
            this.details = details;
            this.wrapped = wrapped;
            this.context = context;
            this.stack = stack == null ? null : List.copyOf(stack);
        }

        /** {@return the Lua kind, or null for the core error's own} */
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

        /** {@return the context {@code errors.wrap} was given, or null} */
        public String context() {
            return context;
        }

        /** {@return the Lua frames where the error was made, innermost first, or null} */
        public List<LuaStackFrame> stack() {
            return stack;
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

    /** {@return the kind of an error as Lua sees it ({@link ErrorKinds}): the one errors.new gave, else the core kind's} */
    public static String kindOf(ProcessError e) {
        if (e.cause() instanceof Details d && d.kind != null) {
            return d.kind;
        }
        return ErrorKinds.lua(e.kind());
    }

    /**
     * {@return {@code err:retryable()}: the flag errors.new or the runtime set, false for an error a
     * script returned, nil (null) when nobody said}
     */
    public static Boolean retryableFlag(ProcessError e) {
        if (e.cause() instanceof ScriptReturn) {
            return Boolean.FALSE;
        }
        return e.cause() instanceof Details d ? d.retryable : null;
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

    /**
     * {@return {@code err:message()} as a Lua string} The core message of a wrapped error is
     * {@code "context: inner"} (what logs show); Lua sees the inner text only, as in Wippy, and
     * finds the context in {@code err:stack()}.
     */
    public static String luaMessage(ProcessError e) {
        String m = e.message();
        if (e.cause() instanceof Details d && d.context != null && m.startsWith(d.context + ": ")) {
            m = m.substring(d.context.length() + 2);
        }
        return LuaStrings.fromJava(m);
    }

    /**
     * {@return {@code err:stack()}: for the error and each error it wraps, its context on a line,
     * then one line {@code "  source:line (name)"} per Lua frame where it was made}
     */
    public static String stackText(ProcessError e) {
        StringBuilder sb = new StringBuilder();
        for (ProcessError cur = e; cur != null; cur = cur.cause() instanceof Details d ? d.wrapped : null) {
            if (!(cur.cause() instanceof Details d)) {
                break;
            }
            if (d.context != null) {
                sb.append(d.context).append('\n');
            }
            if (d.stack != null) {
                for (LuaStackFrame f : d.stack) {
                    sb.append("  ").append(f.source()).append(':').append(f.line()).append(" (").append(f.name()).append(")\n");
                }
            }
        }
        return LuaStrings.fromJava(sb.toString());
    }

    /** {@return the Lua frames where the error was made, or null when it was not made in Lua} */
    public static List<LuaStackFrame> stackOf(ProcessError e) {
        return e.cause() instanceof Details d ? d.stack : null;
    }

    private static LuaTable buildMetatable() {
        LuaTable methods = new LuaTable();
        methods.rawset("kind", JavaFunction.of("kind", (s, a) -> new Object[] {kindOf(self(a, "kind"))}));
        methods.rawset("message", JavaFunction.of("message", (s, a) -> new Object[] {luaMessage(self(a, "message"))}));
        methods.rawset("retryable", JavaFunction.of("retryable",
                (s, a) -> new Object[] {retryableFlag(self(a, "retryable"))}));
        methods.rawset("stack", JavaFunction.of("stack", (s, a) -> new Object[] {stackText(self(a, "stack"))}));
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
