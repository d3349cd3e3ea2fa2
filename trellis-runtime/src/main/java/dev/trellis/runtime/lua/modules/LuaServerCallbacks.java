package dev.trellis.runtime.lua.modules;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Message;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessError;
import dev.trellis.core.supervision.ExitReason;
import dev.trellis.core.supervision.Server;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaFunction;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaValues;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProc;
import dev.trellis.runtime.lua.Payloads;

/**
 * A Lua callbacks table as a core {@link Server}: what {@code server.run} hands to the core's server
 * loop, so a Lua server speaks the same protocol as a Java one (a Java {@code Server.call} reaches
 * it, and {@code server.call} reaches a Java server).
 *
 * <pre>{@code
 * LuaServerCallbacks cb = LuaServerCallbacks.of(state, callbacksTable);   // checks the field types
 * Server.enterLoop(proc, cb, cb.init(args));
 * }</pre>
 *
 * <p>Values: a request arrives as the caller's copy and becomes this process's own; a reply is
 * copied on the way out (it may share tables with the state, which stays here). The state is a
 * plain Lua value of this process, never copied. A callback that returns no state keeps the
 * current one ({@code handle_call} returning only its reply, a {@code handle_cast} with no
 * {@code return}); one that returns {@code nil} as the state sets it to nil.
 *
 * <p>Thread-safety: none; runs on the server's process only.
 */
final class LuaServerCallbacks implements Server<Object> {

    private final LuaState state;
    private final LuaProc process;
    private final LuaFunction init;
    private final LuaFunction handleCall;
    private final LuaFunction handleCast;
    private final LuaFunction handleInfo;
    private final LuaFunction terminate;

    private LuaServerCallbacks(LuaState state, LuaTable callbacks) {
        this.state = state;
        this.process = LuaProc.of(state);
        this.init = field(callbacks, "init");
        this.handleCall = field(callbacks, "handle_call");
        this.handleCast = field(callbacks, "handle_cast");
        this.handleInfo = field(callbacks, "handle_info");
        this.terminate = field(callbacks, "terminate");
    }

    /** {@return the callbacks of {@code table}}, raising a bad-argument error for a field that is not a function */
    static LuaServerCallbacks of(LuaState state, LuaTable table) {
        return new LuaServerCallbacks(state, table);
    }

    private static LuaFunction field(LuaTable callbacks, String name) {
        Object v = callbacks.rawget(name);
        if (v == null || v instanceof LuaFunction) {
            return (LuaFunction) v;
        }
        throw new LuaError("bad argument #1 to 'run' (callbacks." + name + " must be a function, got "
                + LuaValues.typeName(v) + ")");
    }

    /** {@return the initial state: {@code init(...)}'s first result, or the first argument when there is no init} */
    Object initialState(Object[] args) {
        if (init == null) {
            return args.length > 0 ? args[0] : null;
        }
        Object[] r = state.call(init, args);
        return r.length > 0 ? r[0] : null;
    }

    @Override
    public Object init(Object arg) {
        throw new UnsupportedOperationException("a Lua server starts with initialState, in its own process");
    }

    @Override
    public Reply<Object> handleCall(Object request, Pid from, Object current) {
        if (handleCall == null) {
            throw new LuaError("server " + process.pidText() + " has no handle_call for the call "
                    + LuaValues.tostring(Payloads.toLua(request)));
        }
        Object[] r = state.call(handleCall, Payloads.toLua(request), from == null ? null : from.toString(), current);
        Object reply = r.length > 0 ? r[0] : null;
        return Reply.of(Payloads.export(reply), r.length > 1 ? r[1] : current);
    }

    @Override
    public Object handleCast(Object message, Object current) {
        return handleCast == null ? current : next(state.call(handleCast, Payloads.toLua(message), current), current);
    }

    @Override
    public Object handleInfo(Object event, Object current) {
        return handleInfo == null ? current : next(state.call(handleInfo, LuaProc.received(event), current), current);
    }

    @Override
    public Object handleMessage(Message message, Object current) {
        return handleInfo == null ? current : next(state.call(handleInfo, LuaProc.received(message), current), current);
    }

    @Override
    public void terminate(ExitReason reason, Object current) {
        if (terminate != null) {
            state.call(terminate, reasonValue(reason), current);
        }
    }

    /** {@return the Lua face of an exit reason: "normal", "shutdown", or the failure as an error object} */
    private static Object reasonValue(ExitReason reason) {
        return switch (reason) {
            case ExitReason.Normal n -> "normal";
            case ExitReason.Shutdown s -> "shutdown";
            case ExitReason.Failed f when f.error() instanceof LuaError e -> LuaErrors.object(LuaErrors.toProcessError(e));
            case ExitReason.Failed f when f.error() instanceof ProcessError e -> LuaErrors.object(e);
            case ExitReason.Failed f -> LuaErrors.object(ProcessError.of(ErrorKind.INTERNAL, String.valueOf(f.error())));
            case ExitReason.Killed k -> "killed";
        };
    }

    private static Object next(Object[] results, Object current) {
        return results.length > 0 ? results[0] : current;
    }
}
