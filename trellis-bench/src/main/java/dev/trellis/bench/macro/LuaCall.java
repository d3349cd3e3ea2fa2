package dev.trellis.bench.macro;

import dev.trellis.core.Proc;
import dev.trellis.runtime.lua.LuaRuntime;

/**
 * Lua call: N {@code server.call} round trips between two Lua processes: {@code bench:caller}
 * calls {@code bench:echo_server}, a {@code server.run} server whose {@code handle_call} answers
 * each request with itself. Nanoseconds per call, timed by the driver from its {@code go} to the
 * caller's {@code done}. The Erlang twin is {@code gen_server:call} to an echo gen_server; the
 * target is at least Erlang's figure.
 *
 * <pre>{@code
 * double nsPerCall = new LuaCall().run(200_000);
 * }</pre>
 *
 * <p>The caller checks every reply; both processes are monitored, so a Lua error fails the run
 * with its message. A call costs more than a ping-pong round trip: a fresh reference, the
 * callee's endpoint, and a timeout timer armed and cancelled per call.
 */
public final class LuaCall extends LuaNodeWorkload {

    public LuaCall() {
        super("lua_call", "ns/call", Direction.LOWER_IS_BETTER, 200_000,
                "N server.call round trips between two Lua processes (vs gen_server:call)");
    }

    /** Five times the size: see {@link LuaNodeWorkload#warmupSize(int)}. */
    @Override
    public int warmupSize(int size) {
        return luaWarmupSize(size);
    }

    @Override
    protected double drive(LuaRuntime runtime, Proc driver, int size) {
        return timeRoundTrips(runtime, driver, LuaBenchApp.ECHO_SERVER, LuaBenchApp.CALLER, size, Proc::cancel);
    }
}
