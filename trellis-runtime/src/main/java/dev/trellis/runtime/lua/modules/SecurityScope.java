package dev.trellis.runtime.lua.modules;

import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.SecurityPolicy;
import dev.trellis.runtime.entry.SecurityPolicy.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of policies that decides what an actor may do, as {@code security.new_scope},
 * {@code security.named_scope} or an entry's {@code lifecycle.security} makes it. It travels in the
 * process context beside the actor.
 *
 * <p>How it decides: every policy is asked; one deny decides "deny" (a deny wins over any allow);
 * otherwise one allow decides "allow"; when no policy matches, or there is none, the answer is
 * "undefined", which {@code security.can} and the runtime's permission checks read as "no".
 *
 * <pre>{@code
 * local scope = security.new_scope({security.policy("app:read_docs")})
 * scope:evaluate(actor, "read", "doc:1")                       -- "allow"
 * scope:with(security.policy("app:no_secrets")):evaluate(actor, "read", "secret:1")   -- "deny"
 * }</pre>
 *
 * <p>Thread-safety: immutable ({@code with}/{@code without} make new scopes).
 *
 * @param policies the policies, each id once, in the order they were added
 */
record SecurityScope(List<SecurityPolicy> policies) {

    SecurityScope {
        List<SecurityPolicy> unique = new ArrayList<>();
        for (SecurityPolicy p : policies) {
            if (unique.stream().noneMatch(q -> q.id().equals(p.id()))) {
                unique.add(p);
            }
        }
        policies = List.copyOf(unique);
    }

    /** {@return the combined decision of the policies for {@code action} on {@code resource}} */
    Decision evaluate(SecurityActor actor, String action, String resource) {
        boolean allowed = false;
        for (SecurityPolicy p : policies) {
            switch (p.decide(action, resource)) {
                case DENY -> {
                    return Decision.DENY;
                }
                case ALLOW -> allowed = true;
                case UNDEFINED -> { }
            }
        }
        return allowed ? Decision.ALLOW : Decision.UNDEFINED;
    }

    boolean contains(EntryId id) {
        return policies.stream().anyMatch(p -> p.id().equals(id));
    }

    /** {@return this scope with {@code policy} added (replacing one of the same id)} */
    SecurityScope with(SecurityPolicy policy) {
        List<SecurityPolicy> out = new ArrayList<>(without(policy.id()).policies);
        out.add(policy);
        return new SecurityScope(out);
    }

    /** {@return this scope without the policy {@code id} (itself when it has none)} */
    SecurityScope without(EntryId id) {
        if (!contains(id)) {
            return this;
        }
        return new SecurityScope(policies.stream().filter(p -> !p.id().equals(id)).toList());
    }
}
