package dev.trellis.bench.macro;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures the Java heap in use after full collections: the figure the idle-memory workload takes
 * before and after parking its processes.
 *
 * <pre>{@code
 * long before = HeapMeter.usedAfterGc();
 * Object[] big = new Object[1_000_000];
 * long grown = HeapMeter.usedAfterGc() - before;   // about 4 or 8 MB, depending on the GC
 * }</pre>
 *
 * <p>Method: {@link System#gc()} (a full, compacting collection with Parallel GC; a full cycle with
 * ZGC — {@code -XX:+ExplicitGCInvokesConcurrent} must not be set) repeated until the used heap stops
 * shrinking by more than 1 %, then {@link MemoryMXBean#getHeapMemoryUsage()}{@code .getUsed()}.
 * A parked virtual thread keeps its stack as a heap object (a stack chunk), so the heap delta counts
 * the process's stack, its thread object and everything the runtime allocates for it.
 *
 * <p>Thread-safety: stateless; safe from any thread, but the figure is only meaningful while no
 * other thread allocates.
 */
public final class HeapMeter {

    private static final int MAX_COLLECTIONS = 8;

    private HeapMeter() {
    }

    /** Bytes of heap in use after the heap has been collected until it stops shrinking. */
    public static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            System.gc();
            used = memory.getHeapMemoryUsage().getUsed();
            if (used > previous - previous / 100) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
