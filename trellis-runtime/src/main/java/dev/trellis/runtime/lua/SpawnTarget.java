package dev.trellis.runtime.lua;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Node;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.lua.LuaStrings;

/**
 * What a Lua spawn ({@code process.spawn*}, a Spawner's {@code spawn*}, {@code process.exec})
 * names, resolved: the program of the entry id and the host to run it on.
 *
 * <pre>{@code
 * SpawnTarget t = SpawnTarget.resolve(LuaProc.of(state), "app.workers:task", "processes");
 * if (t.error() != null) return LuaErrors.fail(t.error());   // factory not found: app.workers:task
 * proc.spawner().on(t.host()).spawn(t.program(), args);      // host "app:processes"
 * }</pre>
 *
 * <p>Hosts resolve as references do in YAML: a full id ({@code app:processes}) is taken as it is,
 * and a bare name ({@code processes}) means the host of that name in the caller's entry namespace,
 * when the node has one. Errors keep Wippy's words and add what was not found:
 * {@code factory not found: app.workers:nope}, {@code host not found: app:procs}.
 *
 * @param program the program, or null when {@code error} is set
 * @param host the resolved host id, or null when {@code error} is set
 * @param error why the spawn cannot happen, or null
 */
public record SpawnTarget(LuaProgram program, String host, ProcessError error) {

    /** Resolves {@code id} and {@code host} (Lua strings) for a spawn made by {@code caller}. */
    public static SpawnTarget resolve(LuaProc caller, String id, String host) {
        LuaProgram program = caller.program().runtime().program(id);
        if (program == null) {
            return failed(ErrorKind.NOT_FOUND, "factory not found: " + LuaStrings.toJava(id));
        }
        Node node = caller.proc().node();
        if (hasHost(node, host)) {
            return new SpawnTarget(program, host, null);
        }
        if (host.indexOf(':') < 0) {
            String inNamespace = caller.program().id().namespace() + ":" + host;
            if (hasHost(node, inNamespace)) {
                return new SpawnTarget(program, inNamespace, null);
            }
        }
        return failed(ErrorKind.NOT_FOUND, "host not found: " + LuaStrings.toJava(host));
    }

    private static SpawnTarget failed(ErrorKind kind, String message) {
        return new SpawnTarget(null, null, ProcessError.of(kind, message));
    }

    private static boolean hasHost(Node node, String id) {
        try {
            node.host(id);
            return true;
        } catch (ProcessException e) {
            return false;
        }
    }
}
