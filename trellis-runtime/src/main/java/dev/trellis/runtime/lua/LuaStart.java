package dev.trellis.runtime.lua;

import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * How a Lua process starts when its spawner gives it more than arguments: the context values it
 * inherits ({@code process.with_context}) and, for a named spawn, a gate that holds it until its
 * name is registered and its first messages are queued (spawn-or-signal: docs/process-model.md,
 * Registry).
 *
 * <pre>{@code
 * LuaStart.Gate gate = new LuaStart.Gate();
 * Pid pid = proc.spawner().on(host).spawn(new LuaStart(program, context, gate), args);
 * node.registry().register(name, pid);     // before the child runs a single Lua instruction
 * gate.open();                             // or gate.abort(): the child ends at once, normally
 * }</pre>
 *
 * <p>Thread-safety: immutable; the gate is opened by the spawning thread and awaited by the child.
 *
 * @param program the program to run
 * @param context the inherited context values (exported Lua values; never mutated)
 * @param gate the start gate, or null to start at once
 */
public record LuaStart(LuaProgram program, Map<String, Object> context, Gate gate) implements ProcessBody {

    /** Holds a named child until the spawner has registered its name (or lost the race for it). */
    public static final class Gate {
        private final CountDownLatch latch = new CountDownLatch(1);
        private volatile boolean aborted;

        /** Lets the child run. */
        public void open() {
            latch.countDown();
        }

        /** Makes the child end at once with no result (its name went to another process). */
        public void abort() {
            aborted = true;
            latch.countDown();
        }
    }

    @Override
    public Object run(Proc proc) throws Exception {
        if (gate != null) {
            try {
                gate.latch.await();
            } catch (InterruptedException e) {
                proc.owner().checkpoint();   // a kill: unwinds with the core's kill signal
                throw e;
            }
            if (gate.aborted) {
                return null;
            }
        }
        return new LuaProc(program, proc, context).run();
    }
}
