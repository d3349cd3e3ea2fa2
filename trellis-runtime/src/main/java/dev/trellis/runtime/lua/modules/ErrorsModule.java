package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.ProcessError;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaValues;
import java.util.Set;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.Payloads;

/**
 * The {@code errors} global (Wippy's errors module): make error objects in Lua with a kind, a
 * retryable flag and details, wrap them with context, and test their kind.
 *
 * <pre>{@code
 * local err = errors.new({message = "no such user", kind = errors.NOT_FOUND, retryable = false,
 *                         details = {id = 42}})
 * if errors.is(err, errors.NOT_FOUND) then ... end       -- also err:kind() == errors.NOT_FOUND
 * local wrapped = errors.wrap(err, "loading profile")    -- "loading profile: no such user", same kind
 * errors.unwrap(wrapped) == err                          -- true
 * return nil, err                                        -- an error exit; a service is not restarted
 * }</pre>
 *
 * <p>Kinds are strings: the core's ({@code NOT_FOUND}, {@code INVALID}, {@code ALREADY_EXISTS},
 * {@code UNAVAILABLE}, {@code PERMISSION_DENIED}, {@code LIMIT_EXCEEDED}, {@code INTERNAL}) and
 * Wippy's others ({@code CANCELED}, {@code CONFLICT}, {@code TIMEOUT}, {@code RATE_LIMITED},
 * {@code UNKNOWN}); {@code errors.new} rejects any other kind. Without a kind an error is
 * {@code UNKNOWN}; without {@code retryable} it is retryable. Details are deep-copied in and out,
 * so an error object stays immutable and may travel between processes.
 *
 * <p>Thread-safety: the table is frozen and shared; error objects are immutable.
 */
final class ErrorsModule {

    /** The kinds Wippy has and the core has no constant for: carried by {@link LuaErrors.Details}. */
    private static final Set<String> EXTRA_KINDS = Set.of("CANCELED", "CONFLICT", "TIMEOUT", "RATE_LIMITED", "UNKNOWN");

    private ErrorsModule() {
    }

    /** {@return the frozen {@code errors} table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        for (ErrorKind k : ErrorKind.values()) {
            t.rawset(k.name(), k.name());
        }
        for (String k : EXTRA_KINDS) {
            t.rawset(k, k);
        }
        BuiltInModules.fn(t, "new", (s, a) -> new Object[] {create(a)});
        BuiltInModules.fn(t, "wrap", (s, a) -> {
            ProcessError inner = LuaErrors.unwrap(arg(a, 0));
            if (inner == null) {
                if (arg(a, 0) == null) {
                    return new Object[] {null};   // wrapping nil gives nil, so `return nil, errors.wrap(err, …)` is safe
                }
                inner = LuaErrors.toProcessError(arg(a, 0));
            }
            String context = LuaStrings.toJava(LuaArgs.checkString(a, 1, "wrap"));
            LuaErrors.Details d = inner.cause() instanceof LuaErrors.Details dd ? dd : null;
            return new Object[] {LuaErrors.object(new ProcessError(inner.kind(), context + ": " + inner.message(),
                    new LuaErrors.Details(d == null ? null : d.kind(), d == null ? explicitRetryable(inner) : d.retryable(),
                            d == null ? null : d.details(), inner)))};
        });
        BuiltInModules.fn(t, "unwrap", (s, a) -> new Object[] {LuaErrors.unwrapped(check(a, 0, "unwrap"))});
        BuiltInModules.fn(t, "is", (s, a) -> {
            ProcessError e = LuaErrors.unwrap(arg(a, 0));
            String kind = LuaArgs.checkString(a, 1, "is");
            return new Object[] {e != null && LuaErrors.kindOf(e).equals(kind)};
        });
        BuiltInModules.fn(t, "kind", (s, a) -> new Object[] {LuaErrors.kindOf(check(a, 0, "kind"))});
        BuiltInModules.fn(t, "message", (s, a) -> new Object[] {LuaErrors.luaMessage(check(a, 0, "message"))});
        BuiltInModules.fn(t, "retryable", (s, a) -> new Object[] {LuaErrors.retryable(check(a, 0, "retryable"))});
        BuiltInModules.fn(t, "details", (s, a) -> new Object[] {LuaErrors.details(check(a, 0, "details"))});
        return t.freeze();
    }

    /** {@code errors.new(message)} or {@code errors.new{message, kind, retryable, details}}. */
    private static Object create(Object[] a) {
        Object spec = arg(a, 0);
        if (spec instanceof String || spec instanceof Long || spec instanceof Double) {
            String msg = LuaStrings.toJava(LuaArgs.checkString(a, 0, "new"));
            return LuaErrors.object(new ProcessError(ErrorKind.INTERNAL, msg, new LuaErrors.Details("UNKNOWN", null, null, null)));
        }
        if (!(spec instanceof LuaTable opts)) {
            throw LuaArgs.typeError(a, 0, "new", "string or table");
        }
        Object message = opts.rawgetStr("message");
        if (!(message instanceof String m)) {
            throw new LuaError("bad argument #1 to 'new' (field 'message' must be a string, got " + LuaValues.typeName(message) + ")");
        }
        Object kindValue = opts.rawgetStr("kind");
        String kind = "UNKNOWN";
        if (kindValue != null) {
            if (!(kindValue instanceof String k) || !(EXTRA_KINDS.contains(k) || isCoreKind(k))) {
                throw new LuaError("bad argument #1 to 'new' (field 'kind' must be one of the errors.* kinds, got "
                        + (kindValue instanceof String k ? "'" + k + "'" : LuaValues.typeName(kindValue)) + ")");
            }
            kind = k;
        }
        Object retry = opts.rawgetStr("retryable");
        if (retry != null && !(retry instanceof Boolean)) {
            throw new LuaError("bad argument #1 to 'new' (field 'retryable' must be a boolean, got " + LuaValues.typeName(retry) + ")");
        }
        Object details = opts.rawgetStr("details");
        if (details != null && !(details instanceof LuaTable)) {
            throw new LuaError("bad argument #1 to 'new' (field 'details' must be a table, got " + LuaValues.typeName(details) + ")");
        }
        ErrorKind core = isCoreKind(kind) ? ErrorKind.valueOf(kind) : ErrorKind.INTERNAL;
        return LuaErrors.object(new ProcessError(core, LuaStrings.toJava(m),
                new LuaErrors.Details(isCoreKind(kind) ? null : kind, (Boolean) retry,
                        details == null ? null : Payloads.export(details), null)));
    }

    private static boolean isCoreKind(String k) {
        for (ErrorKind e : ErrorKind.values()) {
            if (e.name().equals(k)) {
                return true;
            }
        }
        return false;
    }

    private static Boolean explicitRetryable(ProcessError e) {
        return LuaErrors.retryable(e) ? null : Boolean.FALSE;
    }

    private static ProcessError check(Object[] a, int i, String fname) {
        ProcessError e = LuaErrors.unwrap(arg(a, i));
        if (e == null) {
            throw LuaArgs.typeError(a, i, fname, "error");
        }
        return e;
    }

}
