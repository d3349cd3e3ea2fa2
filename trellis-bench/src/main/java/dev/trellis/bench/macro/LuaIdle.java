package dev.trellis.bench.macro;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.Spawner;
import dev.trellis.runtime.lua.LuaProgram;
import dev.trellis.runtime.lua.LuaRuntime;
import java.util.OptionalDouble;

/**
 * Idle Lua processes: N Lua processes ({@code bench:idle}) each report ready and block in
 * {@code process.inbox():receive()}; the heap's growth after full collections (see
 * {@link HeapMeter}) divided by N. Bytes per process; DESIGN.md's target is at most 3 KB.
 *
 * <pre>{@code
 * double bytesPerProcess = new LuaIdle().run(100_000);
 * }</pre>
 *
 * <p>Measured as {@link IdleMemory} measures Java processes: the pid array is allocated, the app
 * compiled and one Lua process run to its end (loading the shared Lua library) before the first
 * reading, so only what each process holds is counted: its virtual thread and stack chunk, core
 * process and mailbox, Lua state and globals, coroutine scheduler, and the Lua inbox object.
 */
public final class LuaIdle extends LuaNodeWorkload {

    public LuaIdle() {
        super("lua_idle", "B/proc", Direction.LOWER_IS_BETTER, 100_000,
                "N Lua processes blocked in process.inbox():receive(); heap growth after full GC / N");
    }

    @Override
    public OptionalDouble target() {
        return OptionalDouble.of(3_072);
    }

    /** Five times the size: see {@link LuaNodeWorkload#warmupSize(int)}. */
    @Override
    public int warmupSize(int size) {
        return luaWarmupSize(size);
    }

    @Override
    protected double drive(LuaRuntime runtime, Proc driver, int size) {
        Node node = runtime.node();
        LuaProgram idle = program(runtime, LuaBenchApp.IDLE);
        Spawner host = driver.spawner().on(LuaBenchApp.HOST);
        // Loads the shared Lua library before the first reading. Not runOnce: the driver must not
        // subscribe its events channel here. With two subscriptions, the core's retry of pending
        // mailbox items (Router.retryPending) scans all N queued "ready" messages on every receive
        // (it stops early only once every subscription has refused), so N = 100 000 took 50 s and
        // 200 000 took 220 s instead of a few seconds.
        host.spawn(program(runtime, LuaBenchApp.NOOP));
        awaitProcessCount(node, driver, 1);
        String self = driver.pid().toString();
        Pid[] pids = new Pid[size];
        long before = HeapMeter.usedAfterGc();
        for (int i = 0; i < size; i++) {
            pids[i] = host.spawn(idle, self);
        }
        receive(driver, "ready", size);
        long after = HeapMeter.usedAfterGc();
        if (node.processCount() != size + 1) {
            throw new IllegalStateException("lua_idle: expected " + (size + 1) + " live processes, found "
                    + node.processCount());
        }
        for (Pid pid : pids) {
            driver.send(pid, "stop");
        }
        awaitProcessCount(node, driver, 1);
        return (double) (after - before) / size;
    }
}
