package dev.trellis.runtime.lua.modules;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.ProcessException;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.EntrySecurity;
import dev.trellis.runtime.entry.SecurityPolicy;
import dev.trellis.runtime.lua.LuaRuntime;
import dev.trellis.runtime.lua.Payloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process context an entry's {@code lifecycle.security} starts its process with: the actor
 * and the scope of the listed policies and groups, under the keys the {@code security} module
 * reads. The runtime passes it when it starts the entry (a {@code process.service}, an
 * auto-started {@code process.lua}).
 *
 * <pre>{@code
 * Map<String, Object> ctx = EntrySecurityContexts.of(runtime, service.lifecycle().security().get());
 * proc.spawner().on(host).spawn(new LuaStart(program, ctx, null), args);
 * }</pre>
 *
 * <p>Thread-safety: stateless; the map it returns is immutable.
 */
public final class EntrySecurityContexts {

    private EntrySecurityContexts() {
    }

    /**
     * {@return the context holding the actor and scope {@code security} describes}
     *
     * @throws ProcessException NOT_FOUND naming a group no policy belongs to, or a policy that is
     *         not a {@code security.policy} entry of the app
     */
    public static Map<String, Object> of(LuaRuntime runtime, EntrySecurity security) {
        List<SecurityPolicy> policies = new ArrayList<>();
        for (EntryId id : security.policies()) {
            SecurityPolicy p = runtime.policy(id);
            if (p == null) {
                throw new ProcessException(ErrorKind.NOT_FOUND, "lifecycle.security: policy not found: " + id);
            }
            policies.add(p);
        }
        for (EntryId g : security.groups()) {
            List<SecurityPolicy> group = runtime.policyGroup(g);
            if (group == null) {
                throw new ProcessException(ErrorKind.NOT_FOUND,
                        "lifecycle.security: policy group not found: " + g + " (no security.policy lists it in its groups)");
            }
            policies.addAll(group);
        }
        Map<String, Object> meta = new LinkedHashMap<>(security.actorMeta());
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put(SecurityContext.ACTOR_KEY, new SecurityActor(dev.trellis.lua.LuaStrings.fromJava(security.actorId()), Payloads.fromJava(meta)));
        ctx.put(SecurityContext.SCOPE_KEY, new SecurityScope(policies));
        return Map.copyOf(ctx);
    }
}
