package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.ProcessError;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaStackFrame;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaValues;
import dev.trellis.runtime.lua.ErrorKinds;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.Payloads;
import java.util.List;
import java.util.Map;

/**
 * The {@code errors} global (Wippy's errors module): make error objects in Lua with a kind, a
 * retryable flag and details, wrap them with context, test their kind, read where they were made.
 *
 * <pre>{@code
 * local err = errors.new({message = "no such user", kind = errors.NOT_FOUND, retryable = false,
 *                         details = {id = 42}})
 * if errors.is(err, errors.NOT_FOUND) then ... end       -- also err:kind() == errors.NOT_FOUND ("NotFound")
 * local wrapped = errors.wrap(err, "loading profile")    -- same kind, retryable, details and message
 * wrapped:stack()                                        -- "loading profile\n  app.lua:3 (load)\n..."
 * errors.unwrap(wrapped) == err                          -- true
 * return nil, err                                        -- an error exit; a service is not restarted
 * }</pre>
 *
 * <p>Kinds are Wippy's strings ({@link ErrorKinds}): {@code errors.NOT_FOUND == "NotFound"},
 * {@code errors.UNKNOWN == ""}. {@code errors.new} takes any string as a kind, as Wippy does.
 * Without a kind an error's kind is {@code ""}; without {@code retryable}, {@code err:retryable()}
 * is nil; empty details are nil. Details are deep-copied in and out, so an error object stays
 * immutable and may travel between processes.
 *
 * <p>Thread-safety: the table is frozen and shared; error objects are immutable.
 */
final class ErrorsModule {

    private ErrorsModule() {
    }

    /** {@return the frozen {@code errors} table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        for (Map.Entry<String, String> k : ErrorKinds.CONSTANTS.entrySet()) {
            t.rawset(k.getKey(), k.getValue());
        }
        BuiltInModules.fn(t, "new", ErrorsModule::create);
        BuiltInModules.fn(t, "wrap", ErrorsModule::wrap);
        BuiltInModules.fn(t, "is", (s, a) -> {
            ProcessError e = LuaErrors.unwrap(arg(a, 0));
            String kind = LuaArgs.checkString(a, 1, "is");
            return new Object[] {e != null && LuaErrors.kindOf(e).equals(kind)};
        });
        BuiltInModules.fn(t, "call_stack", (s, a) -> new Object[] {callStack(arg(a, 0))});
        // Trellis's own additions: the methods as functions, and unwrap
        BuiltInModules.fn(t, "unwrap", (s, a) -> new Object[] {LuaErrors.unwrapped(check(a, 0, "unwrap"))});
        BuiltInModules.fn(t, "kind", (s, a) -> new Object[] {LuaErrors.kindOf(check(a, 0, "kind"))});
        BuiltInModules.fn(t, "message", (s, a) -> new Object[] {LuaErrors.luaMessage(check(a, 0, "message"))});
        BuiltInModules.fn(t, "retryable", (s, a) -> new Object[] {LuaErrors.retryableFlag(check(a, 0, "retryable"))});
        BuiltInModules.fn(t, "details", (s, a) -> new Object[] {LuaErrors.details(check(a, 0, "details"))});
        return t.freeze();
    }

    /** {@code errors.new(message)} or {@code errors.new{message, kind, retryable, details}}. */
    private static Object[] create(LuaState s, Object[] a) {
        Object spec = arg(a, 0);
        List<LuaStackFrame> stack = s.running().stackFrames();
        if (spec instanceof String || spec instanceof Long || spec instanceof Double) {
            String msg = LuaStrings.toJava(LuaArgs.checkString(a, 0, "new"));
            return new Object[] {LuaErrors.object(new ProcessError(ErrorKind.INTERNAL, msg,
                    new LuaErrors.Details("", null, null, null, null, stack)))};
        }
        if (!(spec instanceof LuaTable opts)) {
            throw LuaArgs.typeError(a, 0, "new", "string or table");
        }
        Object message = opts.rawgetStr("message");
        if (!(message instanceof String m)) {
            throw new LuaError("bad argument #1 to 'new' (field 'message' must be a string, got " + LuaValues.typeName(message) + ")");
        }
        Object kindValue = opts.rawgetStr("kind");
        if (kindValue != null && !(kindValue instanceof String)) {
            throw new LuaError("bad argument #1 to 'new' (field 'kind' must be a string such as errors.INVALID, got "
                    + LuaValues.typeName(kindValue) + ")");
        }
        String kind = kindValue == null ? "" : LuaStrings.toJava((String) kindValue);
        Object retry = opts.rawgetStr("retryable");
        if (retry != null && !(retry instanceof Boolean)) {
            throw new LuaError("bad argument #1 to 'new' (field 'retryable' must be a boolean, got " + LuaValues.typeName(retry) + ")");
        }
        Object details = opts.rawgetStr("details");
        if (details != null && !(details instanceof LuaTable)) {
            throw new LuaError("bad argument #1 to 'new' (field 'details' must be a table, got " + LuaValues.typeName(details) + ")");
        }
        boolean core = ErrorKinds.isCore(kind);
        return new Object[] {LuaErrors.object(new ProcessError(ErrorKinds.core(kind), LuaStrings.toJava(m),
                new LuaErrors.Details(core ? null : kind, (Boolean) retry, nonEmpty(details), null, null, stack)))};
    }

    /** {@return a copy of the details table, or null when it is empty (Wippy gives nil then)} */
    private static Object nonEmpty(Object details) {
        if (details instanceof LuaTable d && d.next(null, new Object[2])) {
            return Payloads.export(d);
        }
        return null;
    }

    /**
     * {@code errors.wrap(err, context)}: an error with the same kind, retryable flag and details
     * whose message is the wrapped one's full text; a string is wrapped as an error of unknown
     * kind; nil gives nil, so {@code return nil, errors.wrap(err, "…")} is safe when err is nil.
     */
    private static Object[] wrap(LuaState s, Object[] a) {
        Object target = arg(a, 0);
        if (target == null) {
            return new Object[] {null};
        }
        ProcessError inner = LuaErrors.unwrap(target);
        if (inner == null) {
            if (!(target instanceof String str)) {
                throw LuaArgs.typeError(a, 0, "wrap", "error or string");
            }
            inner = new ProcessError(ErrorKind.INTERNAL, LuaStrings.toJava(str), new LuaErrors.Details("", null, null, null));
        }
        Object contextValue = arg(a, 1);
        ProcessError contextError = LuaErrors.unwrap(contextValue);
        String context = contextError != null ? LuaStrings.toJava(LuaErrors.luaMessage(contextError))
                : contextValue instanceof String c ? LuaStrings.toJava(c) : null;
        if (context == null) {
            throw LuaArgs.typeError(a, 1, "wrap", "string or error");
        }
        LuaErrors.Details d = inner.cause() instanceof LuaErrors.Details dd ? dd : null;
        // the core message is the full text ("context: inner's full text"); Lua's message() drops this context only
        return new Object[] {LuaErrors.object(new ProcessError(inner.kind(), context + ": " + inner.message(),
                new LuaErrors.Details(d == null ? null : d.kind(), LuaErrors.retryableFlag(inner),
                        d == null ? null : d.details(), inner, context, s.running().stackFrames())))};
    }

    /** {@code errors.call_stack(err)}: {frames = {{level, source, line, name, type}…}} or nil (no thread id, unlike Wippy). */
    private static Object callStack(Object v) {
        ProcessError e = LuaErrors.unwrap(v);
        List<LuaStackFrame> frames = e == null ? null : LuaErrors.stackOf(e);
        if (frames == null || frames.isEmpty()) {
            return null;
        }
        LuaTable result = new LuaTable();
        LuaTable list = new LuaTable();
        for (int i = 0; i < frames.size(); i++) {
            LuaStackFrame f = frames.get(i);
            LuaTable frame = new LuaTable();
            frame.rawset("level", (long) i);
            frame.rawset("source", f.source());
            frame.rawset("line", (long) f.line());
            frame.rawset("name", f.name());
            frame.rawset("type", f.what());
            list.rawset((long) (i + 1), frame);
        }
        result.rawset("frames", list);
        return result;
    }

    private static ProcessError check(Object[] a, int i, String fname) {
        ProcessError e = LuaErrors.unwrap(arg(a, i));
        if (e == null) {
            throw LuaArgs.typeError(a, i, fname, "error");
        }
        return e;
    }
}
