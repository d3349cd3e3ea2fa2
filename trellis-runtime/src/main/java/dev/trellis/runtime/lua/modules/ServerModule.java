package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Pid;
import dev.trellis.core.supervision.CallException;
import dev.trellis.core.supervision.Server;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.runtime.lua.Durations;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProc;
import dev.trellis.runtime.lua.Payloads;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code require("server")}: GenServer's role in Lua. A server is a process that holds a state and
 * answers calls, casts and other messages one at a time through callbacks; its clients call it by
 * pid or registered name.
 *
 * <pre>{@code
 * local server = require("server")
 * -- the server: a process.lua entry whose main runs the loop
 * local function main(initial)
 *     return server.run({
 *         init = function(items) return items end,
 *         handle_call = function(request, from, items)
 *             if request == "dequeue" then return table.remove(items, 1), items end
 *             return items, items                                  -- "queue": the whole list
 *         end,
 *         handle_cast = function(request, items) table.insert(items, request.enqueue) return items end,
 *     }, initial)
 * end
 * -- a client
 * server.cast("simple_queue", { enqueue = 4 })   -- true
 * server.call("simple_queue", "dequeue")          -- 1
 * local v, err = server.call("nobody", "queue")   -- nil, "process not found: nobody"
 * }</pre>
 *
 * <p>The wire protocol is the core's {@link Server}: a Java {@code Server.call} reaches a Lua
 * server, and {@code server.call} reaches a Java one. A call waits in the caller's mailbox; the
 * callee is watched for the call, so a server that exits (or was never there) fails it at once
 * rather than after the timeout. A call to a process that is alive but not (yet) serving waits:
 * the request is answered once that process enters {@code server.run}, or times out.
 *
 * <p>A process whose calls are checked (it acts for an actor within a scope) needs
 * {@code process.send} on the server's pid for a call or a cast, as for {@code process.send}.
 *
 * <p>Errors: {@code server.call} returns {@code nil, err}: NOT_FOUND {@code process not found: X}
 * (no such process or name), UNAVAILABLE {@code timeout: ...} (no reply within the timeout, 5 s by
 * default; a late reply is dropped), UNAVAILABLE {@code process X exited before replying}. A bad
 * argument (a destination that is not a string, a bad timeout, a callback that is not a function)
 * raises an error naming the function and the argument.
 */
final class ServerModule {

    private ServerModule() {
    }

    /** {@return the frozen {@code server} module table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        BuiltInModules.fn(t, "call", ServerModule::call);
        BuiltInModules.fn(t, "cast", (s, a) -> {
            Object dest = CallTargets.of(a, 0, "cast", "server pid or registered name");
            LuaProc p = LuaProc.of(s);
            Object[] denied = sendDenied(p, dest);
            if (denied != null) {
                return denied;
            }
            Server.cast(p.proc(), dest, Payloads.export(arg(a, 1)));
            return new Object[] {Boolean.TRUE};
        });
        BuiltInModules.fn(t, "run", ServerModule::run);
        return t.freeze();
    }

    private static Object[] call(LuaState s, Object[] a) {
        Object dest = CallTargets.of(a, 0, "call", "server pid or registered name");
        Object request = Payloads.export(arg(a, 1));
        Duration timeout = Durations.timeoutArg(a, 2, "call", Server.DEFAULT_CALL_TIMEOUT);
        LuaProc p = LuaProc.of(s);
        Object[] denied = sendDenied(p, dest);
        if (denied != null) {
            return denied;
        }
        try {
            return new Object[] {Payloads.toLua(Server.call(p.proc(), dest, request, timeout))};
        } catch (CallException e) {
            return switch (e.kind()) {
                case NOPROC -> LuaErrors.fail(ErrorKind.NOT_FOUND, "process not found: " + dest);
                case TIMEOUT -> LuaErrors.fail(ErrorKind.UNAVAILABLE, "timeout: no reply from " + dest + " within "
                        + timeout.toMillis() + " ms");
                case CALLEE_EXITED -> LuaErrors.fail(ErrorKind.UNAVAILABLE, "process " + dest
                        + " exited before replying");
            };
        }
    }

    /**
     * A call or a cast is a send: a checked process needs {@code process.send} on the server's pid
     * (an unknown name is left to the call, which reports it as not found).
     */
    private static Object[] sendDenied(LuaProc p, Object dest) {
        if (!PermissionChecks.active(p)) {
            return null;
        }
        Pid pid = dest instanceof Pid known ? known : p.proc().node().registry().whereis((String) dest);
        return pid == null ? null
                : PermissionChecks.denied(p, "process.send", pid.toString(), "not allowed to send: " + dest);
    }

    /** {@code server.run(callbacks, ...)}: this process becomes the server until it is cancelled. */
    private static Object[] run(LuaState s, Object[] a) {
        LuaTable callbacks = LuaArgs.checkTable(a, 0, "run");
        LuaServerCallbacks server = LuaServerCallbacks.of(s, callbacks);
        Object initial = server.initialState(Arrays.copyOfRange(a, Math.min(1, a.length), a.length));
        try {
            Server.enterLoop(LuaProc.of(s).proc(), server, initial);
        } catch (RuntimeException e) {
            throw e;   // a callback's error (a LuaError with its traceback) fails the process as raised
        } catch (Exception e) {
            throw new LuaError("server: " + e.getMessage());
        }
        return new Object[0];
    }
}
