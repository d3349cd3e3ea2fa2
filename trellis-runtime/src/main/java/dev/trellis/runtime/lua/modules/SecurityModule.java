package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;
import static dev.trellis.lua.LuaArgs.checkString;

import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import dev.trellis.runtime.lua.LuaProc;
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
 * }</pre>
 *
 * <p>Thread-safety: the module table and metatables are frozen; the functions run on their process's thread.
 */
final class SecurityModule {

    private static final LuaTable ACTOR_MT = new LuaTable();
    private static final LuaTable SCOPE_MT = new LuaTable();

    static {
        LuaTable actor = new LuaTable();
        BuiltInModules.fn(actor, "id", (s, a) -> new Object[] {checkActor(a, 0, "id").id()});
        BuiltInModules.fn(actor, "meta", (s, a) -> new Object[] {Payloads.export(checkActor(a, 0, "meta").meta())});
        ACTOR_MT.rawset("__index", actor.freeze());
        ACTOR_MT.rawset("__name", "security.Actor");
        ACTOR_MT.freeze();

        LuaTable scope = new LuaTable();
        BuiltInModules.fn(scope, "policies", (s, a) -> {
            SecurityScope sc = checkScope(a, 0, "policies");
            LuaTable out = new LuaTable(sc.policies().size(), 0);
            for (int i = 0; i < sc.policies().size(); i++) {
                out.rawset((long) i + 1, sc.policies().get(i));
            }
            return new Object[] {out};
        });
        BuiltInModules.fn(scope, "contains", (s, a) ->
                new Object[] {checkScope(a, 0, "contains").policies().contains(checkString(a, 1, "contains"))});
        BuiltInModules.fn(scope, "evaluate", (s, a) -> {
            SecurityScope sc = checkScope(a, 0, "evaluate");
            SecurityActor who = checkActor(a, 1, "evaluate");
            return new Object[] {sc.evaluate(who, checkString(a, 2, "evaluate"), checkString(a, 3, "evaluate"))};
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
            return new Object[] {scope == null ? null : new LuaUserdata(scope, SCOPE_MT)};
        });
        BuiltInModules.fn(t, "new_actor", (s, a) -> {
            String id = checkString(a, 0, "new_actor");
            Object meta = arg(a, 1) == null ? new LuaTable() : LuaArgs.checkTable(a, 1, "new_actor");
            return new Object[] {new LuaUserdata(new SecurityActor(id, Payloads.export(meta)), ACTOR_MT)};
        });
        BuiltInModules.fn(t, "new_scope", (s, a) -> {
            List<String> ids = new ArrayList<>();
            if (arg(a, 0) != null) {
                LuaTable list = LuaArgs.checkTable(a, 0, "new_scope");
                for (long i = 1; list.rawget(i) != null; i++) {
                    if (!(list.rawget(i) instanceof String id)) {
                        throw LuaArgs.argError(0, "new_scope", "policies must be policy ids (strings)");
                    }
                    ids.add(id);
                }
            }
            return new Object[] {new LuaUserdata(new SecurityScope(ids), SCOPE_MT)};
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
        boolean allowed = actor != null && scope != null && "allow".equals(scope.evaluate(actor, action, resource));
        return new Object[] {allowed};
    }

    static SecurityActor checkActor(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaUserdata u && u.getMetatable() == ACTOR_MT) {
            return (SecurityActor) u.value();
        }
        throw LuaArgs.typeError(a, i, fname, "security.Actor");
    }

    static SecurityScope checkScope(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaUserdata u && u.getMetatable() == SCOPE_MT) {
            return (SecurityScope) u.value();
        }
        throw LuaArgs.typeError(a, i, fname, "security.Scope");
    }
}
