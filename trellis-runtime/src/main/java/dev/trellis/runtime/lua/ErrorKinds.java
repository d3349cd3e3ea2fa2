package dev.trellis.runtime.lua;

import dev.trellis.core.ErrorKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error kinds as Lua code spells them, Wippy's way: {@code errors.NOT_FOUND} is {@code "NotFound"},
 * {@code errors.UNKNOWN} is the empty string. The core's kinds map one to one (plus
 * {@code LIMIT_EXCEEDED}, {@code "LimitExceeded"}, which Wippy has no constant for); Wippy's others
 * ({@code Canceled}, {@code Conflict}, {@code Timeout}, {@code RateLimited}) and any kind a script
 * makes up travel as INTERNAL in the core, with the Lua kind kept beside it.
 *
 * <pre>{@code
 * ErrorKinds.lua(ErrorKind.NOT_FOUND)    // "NotFound"
 * ErrorKinds.core("AlreadyExists")       // ErrorKind.ALREADY_EXISTS
 * ErrorKinds.core("Timeout")             // ErrorKind.INTERNAL (not a core kind)
 * }</pre>
 *
 * <p>Immutable.
 */
public final class ErrorKinds {

    /** The {@code errors.*} constants: name → Lua kind, in the order docs list them. */
    public static final Map<String, String> CONSTANTS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("NOT_FOUND", "NotFound");
        m.put("ALREADY_EXISTS", "AlreadyExists");
        m.put("INVALID", "Invalid");
        m.put("PERMISSION_DENIED", "PermissionDenied");
        m.put("UNAVAILABLE", "Unavailable");
        m.put("INTERNAL", "Internal");
        m.put("CANCELED", "Canceled");
        m.put("CONFLICT", "Conflict");
        m.put("TIMEOUT", "Timeout");
        m.put("RATE_LIMITED", "RateLimited");
        m.put("UNKNOWN", "");
        m.put("LIMIT_EXCEEDED", "LimitExceeded");
        CONSTANTS = java.util.Collections.unmodifiableMap(m);
    }

    private ErrorKinds() {
    }

    /** {@return the Lua spelling of a core kind} */
    public static String lua(ErrorKind kind) {
        return CONSTANTS.get(kind.name());
    }

    /** {@return the core kind of a Lua kind: the same kind for the core's own, INTERNAL for any other} */
    public static ErrorKind core(String luaKind) {
        for (ErrorKind k : ErrorKind.values()) {
            if (lua(k).equals(luaKind)) {
                return k;
            }
        }
        return ErrorKind.INTERNAL;
    }

    /** {@return whether the Lua kind is one of the core's (so the core kind alone carries it)} */
    public static boolean isCore(String luaKind) {
        for (ErrorKind k : ErrorKind.values()) {
            if (lua(k).equals(luaKind)) {
                return true;
            }
        }
        return false;
    }
}
