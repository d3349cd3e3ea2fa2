package dev.trellis.bench.macro;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import java.util.OptionalDouble;

/**
 * Idle processes: N processes each report ready and park in receive; the heap's growth after full
 * collections (see {@link HeapMeter}) divided by N. Bytes per process.
 *
 * <pre>{@code
 * double bytesPerProcess = new IdleMemory().run(1_000_000);
 * }</pre>
 *
 * <p>The pid array is allocated before the first reading, so only the processes are counted (their
 * pid objects included: a process has its pid).
 */
public final class IdleMemory extends NodeWorkload {

    public IdleMemory() {
        super("idle_memory", "B/proc", Direction.LOWER_IS_BETTER, 1_000_000,
                "N processes parked in receive; heap growth after full GC / N");
    }

    @Override
    public OptionalDouble designAnchor() {
        return OptionalDouble.of(2650);
    }

    @Override
    protected double drive(Node node, Proc driver, int size) {
        Pid self = driver.pid();
        ProcessBody idle = proc -> {
            proc.send(self, "ready");
            proc.inbox().receive();
            return null;
        };
        Pid[] pids = new Pid[size];
        long before = HeapMeter.usedAfterGc();
        for (int i = 0; i < size; i++) {
            pids[i] = driver.spawn(idle);
        }
        receive(driver, "ready", size);
        long after = HeapMeter.usedAfterGc();
        if (node.processCount() != size + 1) {
            throw new IllegalStateException("idle_memory: expected " + (size + 1) + " live processes, found "
                    + node.processCount());
        }
        for (Pid pid : pids) {
            driver.send(pid, "stop");
        }
        awaitProcessCount(node, driver, 1);
        return (double) (after - before) / size;
    }
}
