package dev.trellis.core;

import dev.trellis.core.scheduler.ProcessScheduler;

/**
 * Runs, once per JVM and before the first process starts, the code paths of the JDK's virtual
 * threads that no process would otherwise run until the first one ends.
 *
 * <pre>{@code
 * JitPriming.prime();   // Node's static initializer does this
 * }</pre>
 *
 * <p><b>Why.</b> The JIT compiles a call it has never seen resolved as a trap that deoptimizes the
 * calling frame. A process's bottom frame is {@code VirtualThread.run}, compiled while the first
 * processes were being spawned; if none of them has ended yet, its exit path (it reads the JFR end
 * event's state) is such a trap. Every process parked in that frame then deoptimizes when it ends:
 * a first link cascade of 100 000 processes measured 10 to 13 µs per link instead of about 1, with
 * 100 000 deoptimizations of {@code VirtualThread.run} in the log. Ending one virtual thread first
 * resolves that path in the interpreter, before anything is compiled.
 *
 * <p><b>Thread-safety:</b> {@link #prime} may be called from any thread, any number of times.
 */
final class JitPriming {
    private JitPriming() {
    }

    /** Starts one virtual thread and waits for it to end. */
    static void prime() {
        try {
            Thread t = ProcessScheduler.processThreads().newThread(() -> { });
            t.setName("trellis-jit-priming");
            t.start();
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
