package dev.trellis.bench.macro;

import dev.trellis.core.Event;
import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.Spawner;
import dev.trellis.core.channel.Selected;
import dev.trellis.runtime.lua.LuaProgram;
import dev.trellis.runtime.lua.LuaRuntime;
import dev.trellis.runtime.lua.modules.BuiltInModules;

/**
 * The frame of the Lua rows: each run boots a fresh node shaped like the one {@code trellis run}
 * boots for {@link LuaBenchApp} (see there), compiles the app into a {@link LuaRuntime} (untimed), and
 * hands the Java driver process the runtime to spawn the app's Lua processes from.
 *
 * <pre>{@code
 * final class Noop extends LuaNodeWorkload {
 *     Noop() { super("lua_noop", "ns/op", Direction.LOWER_IS_BETTER, 1_000, "spawns one Lua process"); }
 *     protected double drive(LuaRuntime runtime, Proc driver, int size) {
 *         driver.spawner().on(LuaBenchApp.HOST).spawn(program(runtime, LuaBenchApp.NOOP));
 *         awaitProcessCount(runtime.node(), driver, 1);
 *         return 1.0;
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safety: one run at a time; each run has its own node and runtime.
 */
public abstract class LuaNodeWorkload extends NodeWorkload {

    protected LuaNodeWorkload(String name, String unit, Direction direction, int fullSize, String description) {
        super(name, unit, direction, fullSize, description);
    }

    @Override
    protected final Node startNode() {
        return LuaBenchApp.startNode();
    }

    @Override
    protected final double drive(Node node, Proc driver, int size) throws Exception {
        return drive(new LuaRuntime(LuaBenchApp.application(), node, System.out, BuiltInModules.standard()), driver, size);
    }

    /**
     * The run itself, on the driver process (a Java process on the control host); the runtime's
     * {@link LuaRuntime#node() node} is the run's node.
     */
    protected abstract double drive(LuaRuntime runtime, Proc driver, int size) throws Exception;

    /**
     * The warm-up size of the Lua rows: five times the measured size. With one warm-up run at the
     * row's own size the first measured run still ran partly interpreted code (the Lua interpreter's
     * dispatch loop is large and the JIT compiles it late, later still on a loaded machine): at load
     * 3, 0.66 M spawns/s against 1.3–1.45 M in the next runs, 6.9 µs per round trip against 2.3–2.9 µs,
     * and 3160 bytes per idle process against 2640–2660 (interpreted frames make larger stack chunks).
     */
    static int luaWarmupSize(int size) {
        return Math.multiplyExact(size, 5);
    }

    // --- shared steps ----------------------------------------------------------------------------

    /** The program of one of {@link LuaBenchApp}'s entries; fails naming the entry when it is missing. */
    protected static LuaProgram program(LuaRuntime runtime, String entry) {
        LuaProgram program = runtime.program(entry);
        if (program == null) {
            throw new IllegalStateException("the bench's Lua app has no process.lua entry " + entry);
        }
        return program;
    }

    /**
     * Receives the next inbox message, which must have {@code topic}, while watching the driver's
     * events: the EXIT of a monitored process that failed fails the run with its Lua error (instead
     * of leaving the driver waiting for a message that never comes). Normal EXITs are skipped.
     */
    protected final Message awaitMessage(Proc driver, String topic) {
        var inbox = driver.inbox();
        var events = driver.events();
        for (;;) {
            Selected s = driver.select(inbox.receiveCase(), events.receiveCase());
            if (s.channel() == inbox) {
                Message m = s.value();
                if (!m.topic().equals(topic)) {
                    throw new IllegalStateException(name() + ": expected a '" + topic + "' message, got " + m);
                }
                return m;
            }
            Event e = s.value();
            if (e.kind() == Event.Kind.EXIT && e.isError()) {
                throw new IllegalStateException(name() + ": Lua process " + e.from() + " failed: " + e.error());
            }
        }
    }

    /**
     * Runs one {@code entry} process (monitored, with {@code args}) to its end and fails the run if it
     * failed: proves the entry runs before a row times thousands of it, and loads the shared Lua
     * runtime library before anything is measured.
     */
    protected final void runOnce(LuaRuntime runtime, Proc driver, String entry, Object... args) {
        var pid = driver.spawner().on(LuaBenchApp.HOST).monitored().spawn(program(runtime, entry), args);
        var events = driver.events();
        for (;;) {
            Event e = events.receive();
            if (e.kind() == Event.Kind.EXIT && e.from().equals(pid)) {
                if (e.isError()) {
                    throw new IllegalStateException(name() + ": Lua process " + entry + " failed: " + e.error());
                }
                return;
            }
        }
    }

    /**
     * Times one run of a two-process Lua row: {@code peer} (no arguments) answers, {@code client}
     * gets {@code (driver, peer, size)}, reports {@code ready}, waits for the driver's {@code go},
     * does {@code size} round trips and reports {@code done} with their count. Both are monitored.
     * {@return the nanoseconds from go to done, per round trip}; {@code stopPeer} ends the peer.
     */
    protected final double timeRoundTrips(LuaRuntime runtime, Proc driver, String peer, String client, int size,
                                          java.util.function.BiConsumer<Proc, Pid> stopPeer) {
        Spawner host = driver.spawner().on(LuaBenchApp.HOST).monitored();
        Pid peerPid = host.spawn(program(runtime, peer));
        Pid clientPid = host.spawn(program(runtime, client), driver.pid().toString(), peerPid.toString(), (long) size);
        awaitMessage(driver, "ready");
        long start = System.nanoTime();
        driver.send(clientPid, "go");
        Message done = awaitMessage(driver, "done");
        long elapsed = System.nanoTime() - start;
        if (!Long.valueOf(size).equals(done.payload())) {
            throw new IllegalStateException(name() + ": " + client + " reported " + done.payload()
                    + " round trips, not " + size);
        }
        stopPeer.accept(driver, peerPid);
        awaitProcessCount(runtime.node(), driver, 1);
        return (double) elapsed / size;
    }
}
