package dev.trellis.bench.macro;

import dev.trellis.core.Message;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.supervision.ExitReason;
import dev.trellis.core.supervision.StartResult;
import dev.trellis.core.supervision.Supervisor;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.SupervisionEntry;
import dev.trellis.runtime.lua.LuaRuntime;
import dev.trellis.runtime.lua.supervision.LuaSupervision;
import java.util.OptionalDouble;

/**
 * Lua supervisor restart latency: the YAML {@code process.supervisor} {@code bench:crash_sup}
 * (one_for_one, restart limit {@code Integer.MAX_VALUE}) runs one Lua child, {@code bench:crasher},
 * which tells the driver its pid and raises on its first message. The driver sends {@code crash}
 * and waits for the restarted child's {@code started}: microseconds per crash + restart, Lua error
 * and Lua process start included. The target is at most 10 µs.
 *
 * <pre>{@code
 * double micros = new LuaSupRestart().run(1_000);
 * }</pre>
 *
 * <p>The Erlang twin is {@code sup_restart}'s OTP supervisor at this row's size: Erlang has no Lua.
 */
public final class LuaSupRestart extends LuaNodeWorkload {

    public LuaSupRestart() {
        super("lua_sup_restart", "us/restart", Direction.LOWER_IS_BETTER, 1_000,
                "a Lua child of a YAML one_for_one supervisor raises on a message, is restarted, reports; per kill");
    }

    @Override
    public OptionalDouble target() {
        return OptionalDouble.of(10);
    }

    /** As {@link SupRestart}: enough kills for the JIT to compile the restart path and the Lua start. */
    @Override
    public int warmupSize(int size) {
        return Math.max(size, SupRestart.WARMUP_KILLS);
    }

    @Override
    protected double drive(LuaRuntime runtime, Proc driver, int size) {
        driver.register("bench_driver");
        SupervisionEntry entry = runtime.supervision(EntryId.parse("bench:crash_sup"));
        if (entry == null) {
            throw new IllegalStateException(name() + ": the bench's Lua app has no supervisor entry bench:crash_sup");
        }
        StartResult started = new LuaSupervision(runtime).start(driver, entry);
        Pid sup = started.pidOrNull();
        if (sup == null) {
            throw new IllegalStateException(name() + ": the supervisor did not start: " + started);
        }
        Pid current = nextStarted(driver);
        long start = System.nanoTime();
        for (int i = 0; i < size; i++) {
            driver.send(current, "crash", (long) i);
            Pid next = nextStarted(driver);
            if (next.equals(current)) {
                throw new IllegalStateException(name() + ": restarted child has the old pid " + current);
            }
            current = next;
        }
        long elapsed = System.nanoTime() - start;
        Supervisor.stop(driver, sup, ExitReason.NORMAL);
        awaitProcessCount(runtime.node(), driver, 1);
        driver.unregister("bench_driver");
        return elapsed / 1e3 / size;
    }

    /** The pid in the next {@code started} message (a Lua pid string). */
    private Pid nextStarted(Proc driver) {
        Message m = awaitMessage(driver, "started");
        return Pid.parse(String.valueOf(m.payload()));
    }
}
