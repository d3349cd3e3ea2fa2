package dev.trellis.runtime.entry;

import java.util.List;
import java.util.Objects;

/**
 * A {@code security.policy}: a rule that allows or denies actions on resources. A scope made of
 * policies ({@code security.new_scope}, an entry's {@code lifecycle.security}) asks each of them;
 * one that does not match the action and the resource has no say ({@link Decision#UNDEFINED}).
 *
 * <pre>{@code
 * - name: spawn_workers            # id app:spawn_workers
 *   kind: security.policy
 *   policy:
 *     actions: [process.spawn, process.host]   # or one string
 *     resources: ["app.workers:*", app:processes]
 *     effect: allow                # or deny
 *   groups: [workers]              # app:workers, a named scope
 * }</pre>
 *
 * <p>A pattern is {@code *} (anything), an exact name, or a prefix followed by {@code *} or
 * {@code .*}: {@code process.*} matches every name that starts with {@code process} (the dot
 * included in neither the prefix nor the test, as Wippy matches), {@code app.workers:*} every id
 * of that namespace.
 *
 * @param actions the action patterns (at least one)
 * @param resources the resource patterns (at least one)
 * @param effect what the policy decides when both match
 * @param groups the policy groups (named scopes) it belongs to
 */
public record SecurityPolicy(EntryId id, Meta meta, Location location, List<String> actions, List<String> resources,
                             Effect effect, List<EntryId> groups) implements Entry {

    /** What a matching policy says. */
    public enum Effect { ALLOW, DENY }

    /** A policy's or a scope's answer, spelled as Lua sees it ({@link #luaName()}). */
    public enum Decision {
        ALLOW, DENY, UNDEFINED;

        /** {@return "allow", "deny" or "undefined"} */
        public String luaName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SecurityPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(effect, "effect");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        groups = List.copyOf(groups);
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException("a policy needs at least one action and one resource pattern");
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.SECURITY_POLICY;
    }

    /** {@return the effect when some action pattern matches {@code action} and some resource pattern {@code resource}, else UNDEFINED} */
    public Decision decide(String action, String resource) {
        if (!anyMatches(actions, action) || !anyMatches(resources, resource)) {
            return Decision.UNDEFINED;
        }
        return effect == Effect.ALLOW ? Decision.ALLOW : Decision.DENY;
    }

    private static boolean anyMatches(List<String> patterns, String value) {
        for (String p : patterns) {
            if (matches(p, value)) {
                return true;
            }
        }
        return false;
    }

    /** {@return whether {@code pattern} (see the class comment) matches {@code value}} */
    static boolean matches(String pattern, String value) {
        if (pattern.equals("*") || pattern.equals(value)) {
            return true;
        }
        if (pattern.endsWith(".*") && pattern.length() > 2) {
            return value.startsWith(pattern.substring(0, pattern.length() - 2));
        }
        if (pattern.endsWith("*")) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return false;
    }
}
