package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;
import static dev.trellis.lua.LuaArgs.checkString;

import dev.trellis.core.ErrorKind;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.SecurityPolicy;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProc;
import dev.trellis.runtime.lua.LuaRuntime;
import dev.trellis.runtime.lua.Payloads;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code security} module: the actor and scope of the running process, and making new ones to
 * hand to a child through the Spawner's {@code with_actor}/{@code with_scope}.
 *
 * <pre>{@code
 * local security = require("security")
 * local actor = security.new_actor("user1", {role = "admin"})
 * process.with_context({}):with_actor(actor):with_scope(security.new_scope()):spawn(id, host)
 * -- in the child (and in anything it spawns):
 * security.actor():id()                 -- "user1"
 * security.can("read", "doc:1")         -- false: the scope has no policy that allows it
 * local scope = security.new_scope():with(security.policy("app:read_docs"))   -- policies are entries
 * local workers = security.named_scope("app:workers")                        -- a policy group
 * }</pre>
 *
 * <p>Thread-safety: the module table and metatables are frozen; the functions run on their process's thread.
 */
final class SecurityModule {

    private static final LuaTable ACTOR_MT = new LuaTable();
    private static final LuaTable SCOPE_MT = new LuaTable();
    private static final LuaTable POLICY_MT = new LuaTable();

    static {
        LuaTable actor = new LuaTable();
        BuiltInModules.fn(actor, "id", (s, a) -> new Object[] {checkActor(a, 0, "id").id()});
        BuiltInModules.fn(actor, "meta", (s, a) -> new Object[] {Payloads.export(checkActor(a, 0, "meta").meta())});
        ACTOR_MT.rawset("__index", actor.freeze());
        ACTOR_MT.rawset("__name", "security.Actor");
        ACTOR_MT.freeze();

        LuaTable policy = new LuaTable();
        BuiltInModules.fn(policy, "id", (s, a) -> new Object[] {checkPolicy(a, 0, "id").id().toString()});
        BuiltInModules.fn(policy, "evaluate", (s, a) -> {
            SecurityPolicy p = checkPolicy(a, 0, "evaluate");
            checkActor(a, 1, "evaluate");
            return new Object[] {p.decide(checkString(a, 2, "evaluate"), checkString(a, 3, "evaluate")).luaName()};
        });
        POLICY_MT.rawset("__index", policy.freeze());
        POLICY_MT.rawset("__name", "security.Policy");
        POLICY_MT.freeze();

        LuaTable scope = new LuaTable();
        BuiltInModules.fn(scope, "policies", (s, a) -> {
            SecurityScope sc = checkScope(a, 0, "policies");
            LuaTable out = new LuaTable(sc.policies().size(), 0);
            for (int i = 0; i < sc.policies().size(); i++) {
                out.rawset((long) i + 1, policyUserdata(sc.policies().get(i)));
            }
            return new Object[] {out};
        });
        BuiltInModules.fn(scope, "contains", (s, a) ->
                new Object[] {checkScope(a, 0, "contains").contains(policyIdArg(a, 1, "contains"))});
        BuiltInModules.fn(scope, "with", (s, a) ->
                new Object[] {scopeUserdata(checkScope(a, 0, "with").with(checkPolicy(a, 1, "with")))});
        BuiltInModules.fn(scope, "without", (s, a) ->
                new Object[] {scopeUserdata(checkScope(a, 0, "without").without(policyIdArg(a, 1, "without")))});
        BuiltInModules.fn(scope, "evaluate", (s, a) -> {
            SecurityScope sc = checkScope(a, 0, "evaluate");
            SecurityActor who = checkActor(a, 1, "evaluate");
            return new Object[] {sc.evaluate(who, checkString(a, 2, "evaluate"), checkString(a, 3, "evaluate")).luaName()};
        });
        SCOPE_MT.rawset("__index", scope.freeze());
        SCOPE_MT.rawset("__name", "security.Scope");
        SCOPE_MT.freeze();
    }

    private SecurityModule() {
    }

    /** {@return the frozen {@code security} module table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        BuiltInModules.fn(t, "actor", (s, a) -> {
            SecurityActor actor = SecurityContext.actor(LuaProc.of(s).context());
            return new Object[] {actor == null ? null : new LuaUserdata(actor, ACTOR_MT)};
        });
        BuiltInModules.fn(t, "scope", (s, a) -> {
            SecurityScope scope = SecurityContext.scope(LuaProc.of(s).context());
            return new Object[] {scope == null ? null : scopeUserdata(scope)};
        });
        BuiltInModules.fn(t, "new_actor", (s, a) -> {
            String id = checkString(a, 0, "new_actor");
            Object meta = arg(a, 1) == null ? new LuaTable() : LuaArgs.checkTable(a, 1, "new_actor");
            return new Object[] {new LuaUserdata(new SecurityActor(id, Payloads.export(meta)), ACTOR_MT)};
        });
        BuiltInModules.fn(t, "new_scope", (s, a) -> {
            List<SecurityPolicy> policies = new ArrayList<>();
            if (arg(a, 0) != null) {
                LuaTable list = LuaArgs.checkTable(a, 0, "new_scope");
                LuaRuntime rt = LuaProc.of(s).program().runtime();
                for (long i = 1; list.rawget(i) != null; i++) {
                    Object v = list.rawget(i);
                    if (v instanceof LuaUserdata u && u.getMetatable() == POLICY_MT) {
                        policies.add((SecurityPolicy) u.value());
                    } else if (v instanceof String id) {
                        EntryId eid = EntryId.parseOrNull(id);
                        SecurityPolicy p = eid == null ? null : rt.policy(eid);
                        if (p == null) {
                            throw LuaArgs.argError(0, "new_scope", "policy not found: " + LuaStrings.toJava(id));
                        }
                        policies.add(p);
                    } else {
                        throw LuaArgs.argError(0, "new_scope", "policies must be security.Policy objects or policy ids");
                    }
                }
            }
            return new Object[] {scopeUserdata(new SecurityScope(policies))};
        });
        BuiltInModules.fn(t, "policy", (s, a) -> {
            String id = checkString(a, 0, "policy");
            EntryId eid = EntryId.parseOrNull(id);
            SecurityPolicy p = eid == null ? null : LuaProc.of(s).program().runtime().policy(eid);
            if (p == null) {
                return LuaErrors.failNotRetryable(ErrorKind.INTERNAL, "get policy: policy not found: " + LuaStrings.toJava(id));
            }
            return new Object[] {policyUserdata(p), null};
        });
        BuiltInModules.fn(t, "named_scope", (s, a) -> {
            String id = checkString(a, 0, "named_scope");
            EntryId eid = EntryId.parseOrNull(id);
            List<SecurityPolicy> group = eid == null ? null : LuaProc.of(s).program().runtime().policyGroup(eid);
            if (group == null) {
                return LuaErrors.failNotRetryable(ErrorKind.INTERNAL,
                        "get policy group: policy group not found: " + LuaStrings.toJava(id));
            }
            return new Object[] {scopeUserdata(new SecurityScope(group)), null};
        });
        BuiltInModules.fn(t, "can", SecurityModule::can);
        return t.freeze();
    }

    private static Object[] can(LuaState s, Object[] a) {
        String action = checkString(a, 0, "can");
        String resource = checkString(a, 1, "can");
        var ctx = LuaProc.of(s).context();
        SecurityActor actor = SecurityContext.actor(ctx);
        SecurityScope scope = SecurityContext.scope(ctx);
        // No scope means nothing was granted: deny, as a scope that cannot decide does.
        boolean allowed = actor != null && scope != null
                && scope.evaluate(actor, action, resource) == SecurityPolicy.Decision.ALLOW;
        return new Object[] {allowed};
    }

    static SecurityActor checkActor(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaUserdata u && u.getMetatable() == ACTOR_MT) {
            return (SecurityActor) u.value();
        }
        throw LuaArgs.typeError(a, i, fname, "security.Actor");
    }

    static LuaUserdata scopeUserdata(SecurityScope scope) {
        return new LuaUserdata(scope, SCOPE_MT);
    }

    private static LuaUserdata policyUserdata(SecurityPolicy policy) {
        return new LuaUserdata(policy, POLICY_MT);
    }

    static SecurityPolicy checkPolicy(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaUserdata u && u.getMetatable() == POLICY_MT) {
            return (SecurityPolicy) u.value();
        }
        throw LuaArgs.typeError(a, i, fname, "security.Policy");
    }

    /** A policy named by its id ({@code "ns:name"}), a Policy object, or a table {@code {ns = ..., name = ...}}. */
    private static EntryId policyIdArg(Object[] a, int i, String fname) {
        Object v = arg(a, i);
        if (v instanceof LuaUserdata u && u.getMetatable() == POLICY_MT) {
            return ((SecurityPolicy) u.value()).id();
        }
        EntryId id = null;
        if (v instanceof String text) {
            id = EntryId.parseOrNull(LuaStrings.toJava(text));
        } else if (v instanceof LuaTable t && t.rawgetStr("ns") instanceof String ns && t.rawgetStr("name") instanceof String name) {
            id = EntryId.parseOrNull(LuaStrings.toJava(ns) + ":" + LuaStrings.toJava(name));
        } else {
            throw LuaArgs.typeError(a, i, fname, "policy id, security.Policy or {ns, name} table");
        }
        if (id == null) {
            throw LuaArgs.argError(i, fname, "a policy id is namespace:name");
        }
        return id;
    }

    static SecurityScope checkScope(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaUserdata u && u.getMetatable() == SCOPE_MT) {
            return (SecurityScope) u.value();
        }
        throw LuaArgs.typeError(a, i, fname, "security.Scope");
    }
}
