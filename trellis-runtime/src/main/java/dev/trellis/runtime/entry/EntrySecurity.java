package dev.trellis.runtime.entry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entry's {@code lifecycle.security}: the actor the runtime starts its process as, and the
 * policies of its scope (listed one by one, or by group). Its process, and every process that
 * process spawns, then acts for that actor within that scope: {@code process.spawn},
 * {@code send}, {@code terminate}... are checked against it.
 *
 * <pre>{@code
 * lifecycle:
 *   security:
 *     actor: {id: billing, meta: {role: service}}   # default: the entry's id, no meta
 *     policies: [app:spawn_workers]                 # security.policy entries
 *     groups: [app:workers]                         # every policy in these groups
 * }</pre>
 *
 * @param actorId the actor's id
 * @param actorMeta the actor's metadata (YAML values)
 * @param policies the policy entries of the scope
 * @param groups the policy groups whose policies join the scope
 */
public record EntrySecurity(String actorId, Map<String, Object> actorMeta, List<EntryId> policies, List<EntryId> groups) {

    public EntrySecurity {
        Objects.requireNonNull(actorId, "actorId");
        actorMeta = Map.copyOf(actorMeta);
        policies = List.copyOf(policies);
        groups = List.copyOf(groups);
    }
}
