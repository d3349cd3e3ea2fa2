package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;
import static dev.trellis.lua.LuaArgs.checkString;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessException;
import dev.trellis.lua.LuaTable;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProc;

/**
 * {@code process.registry} (docs/process-model.md, Registry): the node-local name registry.
 *
 * <pre>{@code
 * process.registry.register("db")            -- true; again by the same pid: true
 * process.registry.register("db", other)     -- nil, err "name already registered" (ALREADY_EXISTS)
 * process.registry.lookup("db")              -- the pid string, or nil, err "name not registered"
 * process.registry.unregister("db")          -- true, then false
 * }</pre>
 *
 * <p>Only the LOCAL scope exists on one node: the cluster scopes answer {@code nil, err}. Names of a
 * process are released when it exits, before its EXIT is sent.
 */
final class RegistryModule {

    static final long LOCAL = 0;

    private RegistryModule() {
    }

    static LuaTable create() {
        LuaTable t = new LuaTable();
        t.rawset("LOCAL", LOCAL);
        t.rawset("EVENTUAL", 1L);
        t.rawset("CONSISTENT", 2L);
        t.rawset("STRONG", 3L);
        BuiltInModules.fn(t, "register", (s, a) -> {
            String name = checkString(a, 0, "register");
            Object pidArg = arg(a, 1);
            Object scope = arg(a, 2);
            if (scope != null && !(scope instanceof Long || scope instanceof Double)) {
                return LuaErrors.fail(ErrorKind.INVALID, "scope must be a number");
            }
            if (scope != null && ((Number) scope).longValue() != LOCAL) {
                return LuaErrors.fail(ErrorKind.INTERNAL, "global registry not available");
            }
            LuaProc p = LuaProc.of(s);
            try {
                if (pidArg == null) {
                    p.proc().register(name);
                } else if (pidArg instanceof String text) {
                    Pid pid;
                    try {
                        pid = Pid.parse(text);
                    } catch (IllegalArgumentException e) {
                        return LuaErrors.fail(ErrorKind.INVALID, e.getMessage());
                    }
                    p.proc().node().registry().register(name, pid);
                } else {
                    return LuaErrors.fail(ErrorKind.INVALID, "pid must be a string");
                }
                return new Object[] {Boolean.TRUE};
            } catch (ProcessException e) {
                return LuaErrors.fail(e.error());
            }
        });
        BuiltInModules.fn(t, "lookup", (s, a) -> {
            String name = checkString(a, 0, "lookup");
            try {
                return new Object[] {LuaProc.of(s).proc().lookup(name).toString()};
            } catch (ProcessException e) {
                return LuaErrors.fail(e.error());
            }
        });
        BuiltInModules.fn(t, "unregister", (s, a) ->
                new Object[] {LuaProc.of(s).proc().unregister(checkString(a, 0, "unregister"))});
        return t.freeze();
    }
}
