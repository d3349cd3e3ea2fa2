package dev.trellis.runtime.lua.modules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the actor and scope live in a process context: under keys no Lua code can spell through
 * {@code ctx} (they open with a NUL byte, and {@code ctx.get}/{@code ctx.all} skip them), so the
 * security identity is inherited with the other context values but cannot be forged by
 * {@code process.with_context({...})}.
 *
 * <p>Thread-safety: stateless.
 */
final class SecurityContext {

    static final String ACTOR_KEY = "\0security.actor";
    static final String SCOPE_KEY = "\0security.scope";

    private SecurityContext() {
    }

    /** {@return true for the keys this class owns, which {@code ctx} must not show} */
    static boolean isHidden(String key) {
        return !key.isEmpty() && key.charAt(0) == '\0';
    }

    static SecurityActor actor(Map<String, Object> ctx) {
        return ctx.get(ACTOR_KEY) instanceof SecurityActor a ? a : null;
    }

    static SecurityScope scope(Map<String, Object> ctx) {
        return ctx.get(SCOPE_KEY) instanceof SecurityScope s ? s : null;
    }

    /** {@return {@code ctx} with {@code key} set to {@code value}} */
    static Map<String, Object> with(Map<String, Object> ctx, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(ctx);
        out.put(key, value);
        return Map.copyOf(out);
    }

    /** {@return only the security part of {@code ctx}: what a plain {@code process.spawn} passes on} */
    static Map<String, Object> securityOnly(Map<String, Object> ctx) {
        Object a = ctx.get(ACTOR_KEY);
        Object s = ctx.get(SCOPE_KEY);
        if (a == null && s == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (a != null) {
            out.put(ACTOR_KEY, a);
        }
        if (s != null) {
            out.put(SCOPE_KEY, s);
        }
        return Map.copyOf(out);
    }
}
