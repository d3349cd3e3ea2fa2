package dev.trellis.bench.macro;

import dev.trellis.core.Proc;
import dev.trellis.core.Spawner;
import dev.trellis.runtime.lua.LuaProgram;
import dev.trellis.runtime.lua.LuaRuntime;
import java.util.OptionalDouble;

/**
 * Lua spawn+exit: the driver spawns N Lua processes ({@code bench:noop}, whose function returns at
 * once) on the app's host and is timed until the node's process count is back to just the driver.
 * Processes per second; DESIGN.md's target for Lua processes is at least 250 000.
 *
 * <pre>{@code
 * double perSecond = new LuaSpawnExit().run(200_000);
 * }</pre>
 *
 * <p>Each spawn creates the process's Lua state (globals over the shared library), runs the shared
 * compiled chunk to find {@code noop}, and calls it; the Erlang twin spawns plain processes.
 */
public final class LuaSpawnExit extends LuaNodeWorkload {

    public LuaSpawnExit() {
        super("lua_spawn_exit", "proc/s", Direction.HIGHER_IS_BETTER, 200_000,
                "spawn N Lua processes that return at once; until the process count is back to the start");
    }

    @Override
    public OptionalDouble target() {
        return OptionalDouble.of(250_000);
    }

    /** Five times the size: see {@link LuaNodeWorkload#warmupSize(int)}. */
    @Override
    public int warmupSize(int size) {
        return luaWarmupSize(size);
    }

    @Override
    protected double drive(LuaRuntime runtime, Proc driver, int size) {
        LuaProgram noop = program(runtime, LuaBenchApp.NOOP);
        runOnce(runtime, driver, LuaBenchApp.NOOP);
        Spawner host = driver.spawner().on(LuaBenchApp.HOST);
        long start = System.nanoTime();
        for (int i = 0; i < size; i++) {
            host.spawn(noop);
        }
        awaitProcessCount(runtime.node(), driver, 1);
        return size / seconds(start);
    }
}
