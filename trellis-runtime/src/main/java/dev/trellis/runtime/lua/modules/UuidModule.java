package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.core.ErrorKind;
import dev.trellis.lua.LuaTable;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.Uuids;
import java.util.UUID;

/**
 * The {@code uuid} module (Wippy's), loaded with {@code require("uuid")} by entries that list it in
 * {@code modules}: make UUIDs of versions 1, 3, 4, 5 and 7 and read them back.
 *
 * <pre>{@code
 * local uuid = require("uuid")
 * local id = uuid.v4()                                  -- "550e8400-e29b-41d4-a716-446655440000"
 * local same = uuid.v5(ns, "example.com")               -- deterministic
 * uuid.validate(id)                                     -- true; false for anything else, never an error
 * uuid.parse(uuid.v7())                                 -- {version = 7, variant = "RFC4122", timestamp = ...}
 * uuid.format(id, "simple")                             -- 32 hex digits; "urn" and "standard" too
 * local v, err = uuid.version("nope")                   -- nil, err (kind errors.INVALID, not retryable)
 * }</pre>
 *
 * <p>Every failure is {@code nil, err} with kind {@code errors.INVALID} and {@code retryable()} false.
 *
 * <p>Thread-safety: the table is frozen and shared; the generators are thread-safe ({@link Uuids}).
 */
final class UuidModule {

    private UuidModule() {
    }

    /** {@return the frozen module table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        BuiltInModules.fn(t, "v1", (s, a) -> ok(Uuids.v1().toString()));
        BuiltInModules.fn(t, "v4", (s, a) -> ok(Uuids.v4().toString()));
        BuiltInModules.fn(t, "v7", (s, a) -> ok(Uuids.v7().toString()));
        BuiltInModules.fn(t, "v3", (s, a) -> hashed(a, 3));
        BuiltInModules.fn(t, "v5", (s, a) -> hashed(a, 5));
        BuiltInModules.fn(t, "validate", (s, a) -> new Object[] {arg(a, 0) instanceof String str && Uuids.parse(str) != null});
        BuiltInModules.fn(t, "version", (s, a) -> {
            Object u = parsed(a, "uuid.version");
            return u instanceof UUID id ? ok((long) Uuids.version(id)) : (Object[]) u;
        });
        BuiltInModules.fn(t, "variant", (s, a) -> {
            Object u = parsed(a, "uuid.variant");
            return u instanceof UUID id ? ok(Uuids.variant(id)) : (Object[]) u;
        });
        BuiltInModules.fn(t, "parse", (s, a) -> {
            Object u = parsed(a, "uuid.parse");
            if (!(u instanceof UUID id)) {
                return (Object[]) u;
            }
            LuaTable info = new LuaTable();
            int version = Uuids.version(id);
            info.rawset("version", (long) version);
            info.rawset("variant", Uuids.variant(id));
            if (version == 1 || version == 7) {
                info.rawset("timestamp", Uuids.unixSeconds(id));
            }
            if (version == 1) {
                info.rawset("node", Uuids.nodeBytes(id));
            }
            return ok(info);
        });
        BuiltInModules.fn(t, "format", (s, a) -> {
            Object u = parsed(a, "uuid.format");
            if (!(u instanceof UUID id)) {
                return (Object[]) u;
            }
            String format = arg(a, 1) instanceof String f ? f : "standard";
            return switch (format) {
                case "standard" -> ok(id.toString());
                case "simple" -> ok(id.toString().replace("-", ""));
                case "urn" -> ok("urn:uuid:" + id);
                default -> invalid("uuid.format: unsupported format '" + format + "' (standard, simple or urn)");
            };
        });
        return t.freeze();
    }

    private static Object[] ok(Object value) {
        return new Object[] {value, null};
    }

    private static Object[] invalid(String message) {
        return LuaErrors.failNotRetryable(ErrorKind.INVALID, message);
    }

    /** v3/v5: both arguments strings, the namespace a UUID. */
    private static Object[] hashed(Object[] a, int version) {
        String fname = "uuid.v" + version;
        if (!(arg(a, 0) instanceof String ns) || !(arg(a, 1) instanceof String name)) {
            return invalid(fname + ": namespace and name must be strings");
        }
        UUID namespace = Uuids.parse(ns);
        if (namespace == null) {
            return invalid(fname + ": invalid namespace UUID '" + ns + "'");
        }
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);   // a Lua string: one byte per char
        return ok((version == 3 ? Uuids.v3(namespace, bytes) : Uuids.v5(namespace, bytes)).toString());
    }

    /** {@return the UUID of argument 1, or the {@code nil, err} pair saying why there is none} */
    private static Object parsed(Object[] a, String fname) {
        if (!(arg(a, 0) instanceof String text)) {
            return invalid(fname + ": input must be a string, got " + dev.trellis.lua.LuaValues.typeName(arg(a, 0)));
        }
        UUID id = Uuids.parse(text);
        return id != null ? id : invalid(fname + ": invalid UUID format '" + text + "'");
    }
}
