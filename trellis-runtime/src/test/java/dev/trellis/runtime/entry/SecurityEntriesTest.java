package dev.trellis.runtime.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trellis.runtime.entry.SecurityPolicy.Decision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code security.policy} entries and {@code lifecycle.security}: what loads, what is refused and why. */
class SecurityEntriesTest {

    @TempDir
    Path tmp;

    private static final String HEADER = """
            namespace: app
            entries:
              - {name: processes, kind: process.host}
              - {name: w, kind: process.lua, source: file://w.lua}
            """;

    private List<String> problems(String entries) {
        AppDir dir = new AppDir(tmp).lua("w.lua").file("_index.yaml", HEADER + entries);
        ApplicationException e = catchThrowableOfType(ApplicationException.class, dir::load);
        assertThat(e).as("loading should fail").isNotNull();
        return e.problems().stream().map(Problem::message).toList();
    }

    @Test
    void aPolicyLoadsWithItsPatternsEffectAndGroupsAndAServiceWithItsSecurity() throws Exception {
        Application app = new AppDir(tmp).lua("w.lua").file("_index.yaml", HEADER + """
                  - name: p
                    kind: security.policy
                    policy: {actions: [process.spawn, "process.host"], resources: "w*", effect: allow}
                    groups: [g, other:g2]
                  - name: s
                    kind: process.service
                    process: w
                    host: processes
                    lifecycle:
                      security:
                        actor: {id: svc, meta: {role: robot}}
                        policies: [p]
                        groups: [g]
                """).load();
        SecurityPolicy p = app.entry(EntryId.parse("app:p"), SecurityPolicy.class).orElseThrow();
        assertThat(p.actions()).containsExactly("process.spawn", "process.host");
        assertThat(p.resources()).containsExactly("w*");
        assertThat(p.groups()).containsExactly(EntryId.parse("app:g"), EntryId.parse("other:g2"));
        EntrySecurity sec = app.entry(EntryId.parse("app:s"), LuaService.class).orElseThrow().lifecycle().security().orElseThrow();
        assertThat(sec.actorId()).isEqualTo("svc");
        assertThat(sec.actorMeta()).isEqualTo(Map.of("role", "robot"));
        assertThat(sec.policies()).containsExactly(EntryId.parse("app:p"));
        assertThat(sec.groups()).containsExactly(EntryId.parse("app:g"));
    }

    @Test
    void patternsMatchAsWippysDo() {
        SecurityPolicy p = new SecurityPolicy(EntryId.parse("app:p"), Meta.EMPTY, new Location(tmp, 1),
                List.of("process.*", "exact"), List.of("app.workers:*"), SecurityPolicy.Effect.DENY, List.of());
        assertThat(p.decide("process.spawn", "app.workers:x")).isEqualTo(Decision.DENY);
        assertThat(p.decide("processes", "app.workers:x")).as("a .* prefix does not need the dot").isEqualTo(Decision.DENY);
        assertThat(p.decide("exact", "app.workers:")).isEqualTo(Decision.DENY);
        assertThat(p.decide("exactly", "app.workers:x")).isEqualTo(Decision.UNDEFINED);
        assertThat(p.decide("process.spawn", "app.other:x")).isEqualTo(Decision.UNDEFINED);
        assertThat(SecurityPolicy.matches("*", "")).isTrue();
    }

    @Test
    void badPoliciesAreReportedFieldByField() {
        assertThat(problems("""
                  - name: bad_effect
                    kind: security.policy
                    policy: {actions: "*", resources: "*", effect: maybe}
                  - name: conditions
                    kind: security.policy
                    policy:
                      actions: "*"
                      resources: "*"
                      effect: allow
                      conditions: [{field: actor.id, operator: eq, value: x}]
                  - name: empty
                    kind: security.policy
                    policy: {actions: [], resources: "", effect: deny}
                  - name: missing
                    kind: security.policy
                """)).containsExactly(
                "field 'policy.effect' must be allow or deny, got \"maybe\"",
                "field 'policy.conditions' is not supported yet: a policy here decides by its actions and resources only",
                "field 'policy.actions' must list at least one pattern",
                "field 'policy.resources' must not be empty",
                "missing field 'policy' (a mapping with actions, resources and effect)");
    }

    @Test
    void lifecycleSecurityMustNamePoliciesAndKnownGroups() {
        assertThat(problems("""
                  - name: s
                    kind: process.service
                    process: w
                    host: processes
                    lifecycle:
                      security:
                        actor: {name: x}
                        policies: [w]
                        groups: [nobody]
                        extra: 1
                """)).containsExactlyInAnyOrder(
                "missing field 'lifecycle.security.actor.id'",
                "unknown field 'lifecycle.security.actor.name' in lifecycle.security.actor (known fields: id, meta)",
                "unknown field 'lifecycle.security.extra' in lifecycle.security (known fields: actor, policies, groups)",
                "field 'lifecycle.security.policies' names 'app:w', which is a process.lua, not a security.policy",
                "field 'lifecycle.security.groups' names 'app:nobody', a group no security.policy lists in its groups");
    }
}
