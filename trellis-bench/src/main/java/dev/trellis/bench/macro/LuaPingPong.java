package dev.trellis.bench.macro;

import dev.trellis.core.Message;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.Spawner;
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
        Spawner host = driver.spawner().on(LuaBenchApp.HOST).monitored();
        Pid pong = host.spawn(program(runtime, LuaBenchApp.PONG));
        Pid ping = host.spawn(program(runtime, LuaBenchApp.PING), driver.pid().toString(), pong.toString(),
                (long) size);
        awaitMessage(driver, "ready");
        long start = System.nanoTime();
        driver.send(ping, "go");
        Message done = awaitMessage(driver, "done");
        long elapsed = System.nanoTime() - start;
        if (!Long.valueOf(size).equals(done.payload())) {
            throw new IllegalStateException("lua_ping_pong: ping reported " + done.payload() + " round trips, not " + size);
        }
        driver.send(pong, "stop");
        awaitProcessCount(runtime.node(), driver, 1);
        return (double) elapsed / size;
    }
}
