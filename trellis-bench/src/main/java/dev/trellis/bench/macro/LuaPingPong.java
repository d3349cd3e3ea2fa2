package dev.trellis.bench.macro;

import dev.trellis.core.Proc;
import dev.trellis.runtime.lua.LuaRuntime;
import java.util.OptionalDouble;

/**
 * Lua ping-pong: two Lua processes exchange N round trips, both sides in Lua: {@code bench:ping}
 * sends {@code process.send(peer, "ping", i)} and waits for the reply in its inbox;
 * {@code bench:pong} answers {@code process.send(m:from(), "pong", m:payload():data())}. Nanoseconds
 * per round trip, timed by the driver from its {@code go} to ping's {@code done}; DESIGN.md's target
 * is at most 2 µs.
 *
 * <pre>{@code
 * double nsPerRoundTrip = new LuaPingPong().run(200_000);
 * }</pre>
 *
 * <p>Ping checks every reply's payload; both processes are monitored, so a Lua error fails the run
 * with its message.
 */
public final class LuaPingPong extends LuaNodeWorkload {

    public LuaPingPong() {
        super("lua_ping_pong", "ns/rt", Direction.LOWER_IS_BETTER, 200_000,
                "N ping/pong round trips between two Lua processes (topic + payload each way)");
    }

    @Override
    public OptionalDouble target() {
        return OptionalDouble.of(2_000);
    }

    /** Five times the size: see {@link LuaNodeWorkload#warmupSize(int)}. */
    @Override
    public int warmupSize(int size) {
        return luaWarmupSize(size);
    }

    @Override
    protected double drive(LuaRuntime runtime, Proc driver, int size) {
        return timeRoundTrips(runtime, driver, LuaBenchApp.PONG, LuaBenchApp.PING, size, (d, pong) -> d.send(pong, "stop"));
    }
}
