package dev.trellis.runtime.lua.modules;

import dev.trellis.core.ErrorKind;
import dev.trellis.runtime.entry.SecurityPolicy.Decision;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProc;

/**
 * The runtime's permission checks on {@code process.*} calls. A process that acts for an actor
 * within a scope (given by its entry's {@code lifecycle.security}, by a Spawner's
 * {@code with_actor}/{@code with_scope}, or inherited from its parent) may do only what its scope
 * allows; a process with no actor or no scope is not checked (Wippy's default, non-strict mode).
 *
 * <pre>{@code
 * Object[] denied = PermissionChecks.denied(p, "process.send", pid.toString(), "not allowed to send: " + dest);
 * if (denied != null) return denied;     // nil, err: PermissionDenied, not retryable
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class PermissionChecks {

    private PermissionChecks() {
    }

    /** {@return whether {@code p} acts for an actor within a scope, so that its calls are checked} */
    static boolean active(LuaProc p) {
        var ctx = p.context();
        return !ctx.isEmpty() && SecurityContext.actor(ctx) != null && SecurityContext.scope(ctx) != null;
    }

    /**
     * {@return null when {@code p} may do {@code action} on {@code resource}, else the
     * {@code nil, err} pair to return: kind PERMISSION_DENIED, {@code message}, not retryable}
     */
    static Object[] denied(LuaProc p, String action, String resource, String message) {
        if (!active(p)) {
            return null;
        }
        var ctx = p.context();
        Decision d = SecurityContext.scope(ctx).evaluate(SecurityContext.actor(ctx), action, resource);
        return d == Decision.ALLOW ? null : LuaErrors.failNotRetryable(ErrorKind.PERMISSION_DENIED, message);
    }

    /**
     * The checks before a spawn of entry {@code id}: {@code process.spawn} (or, for
     * {@code process.exec}, {@code process.exec}) on the id, then {@code process.spawn.monitored}
     * and {@code process.spawn.linked} when asked for. {@return null when allowed, else nil, err}
     */
    static Object[] spawnDenied(LuaProc p, String id, boolean exec, boolean monitored, boolean linked) {
        if (!active(p)) {
            return null;
        }
        String shown = dev.trellis.lua.LuaStrings.toJava(id);
        Object[] denied = exec
                ? denied(p, "process.exec", shown, "not allowed to exec process: " + shown)
                : denied(p, "process.spawn", shown, "not allowed to spawn process: " + shown);
        if (denied == null && monitored) {
            denied = denied(p, "process.spawn.monitored", shown, "not allowed to spawn monitored process: " + shown);
        }
        if (denied == null && linked) {
            denied = denied(p, "process.spawn.linked", shown, "not allowed to spawn linked process: " + shown);
        }
        return denied;
    }

    /** {@return null when {@code p} may start processes on {@code host} (a resolved host id), else nil, err} */
    static Object[] hostDenied(LuaProc p, String host) {
        return denied(p, "process.host", host, "not allowed to spawn on host: " + host);
    }
}
