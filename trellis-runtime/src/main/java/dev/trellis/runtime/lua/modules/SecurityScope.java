package dev.trellis.runtime.lua.modules;

import java.util.List;

/**
 * A set of policies that decides what an actor may do, as {@code security.new_scope} makes it. It
 * travels in the process context beside the actor. A scope with no policies decides nothing: every
 * question answers "undefined", which {@code security.can} reads as "no".
 *
 * <pre>{@code
 * local scope = security.new_scope()
 * #scope:policies()                                  -- 0
 * scope:evaluate(actor, "read", "doc:1")             -- "undefined"
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param policies the policy ids in the scope, in the order they were added
 */
record SecurityScope(List<String> policies) {

    SecurityScope {
        policies = List.copyOf(policies);
    }

    /** {@return the decision for an action: "undefined" while policies have no rules to run} */
    String evaluate(SecurityActor actor, String action, String resource) {
        return "undefined";
    }
}
