package dev.trellis.core.scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * One carrier thread of a {@link ProcessScheduler}: a fork-join worker with a one-task
 * <em>run-next</em> slot, which holds the process woken last by whatever runs on this carrier.
 *
 * <p><b>Thread-safety and invariants:</b>
 * <ul>
 *   <li>{@code current} and {@code hops} are written only by this carrier thread (by the task it
 *       runs, or by the JDK code that parks a virtual thread on it). {@code hops} is read by the
 *       guard with opaque reads, where a stale value only delays a steal.</li>
 *   <li>{@code runNext} is set and taken by this carrier thread with atomic swaps, and taken by the
 *       guard only with a compare-and-set from the value it saw; so a task in the slot is taken
 *       exactly once, by one of the two.</li>
 *   <li>{@code seenHops} and {@code seenRunNext} belong to the guard thread.</li>
 * </ul>
 */
final class Carrier extends ForkJoinWorkerThread {
    private static final VarHandle RUN_NEXT;
    private static final VarHandle HOPS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            RUN_NEXT = l.findVarHandle(Carrier.class, "runNext", Runnable.class);
            HOPS = l.findVarHandle(Carrier.class, "hops", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final ProcessScheduler scheduler;

    // --- this carrier thread only ---
    /** The task running now, or null between tasks: a wake-up of it is a yield, not a hand-off. */
    Runnable current;
    /** Counts the tasks this carrier has started; the guard's sign that the carrier moves on. */
    @SuppressWarnings("unused")
    private int hops;

    // --- this carrier thread and the guard ---
    @SuppressWarnings("unused")
    private volatile Runnable runNext;

    // --- the guard thread only ---
    int seenHops;
    Runnable seenRunNext;

    Carrier(ForkJoinPool pool, ProcessScheduler scheduler) {
        super(null, pool, true);
        this.scheduler = scheduler;
    }

    @Override
    protected void onStart() {
        super.onStart();
        scheduler.started(this);
    }

    @Override
    protected void onTermination(Throwable exception) {
        scheduler.terminated(this);
        super.onTermination(exception);
    }

    /**
     * Runs {@code first}, then, while its run-next slot is filled when a task gives the carrier
     * back, the task in the slot: a process woken by the one that has just parked runs here at
     * once, with no queue, no signal to another carrier and no OS wake-up. Every
     * {@code budget} tasks in a row (the scheduler's), if the pool has queued work, the next task
     * goes to the pool's queue instead, so that two processes that keep waking each other do not starve the queued ones. (Queuing it
     * unconditionally would signal an idle carrier each time: about 100 ns per hop in a ring.)
     */
    void runChain(Runnable first) {
        int budget = scheduler.budget;
        Runnable task = first;
        for (int left = budget; ; ) {
            current = task;
            HOPS.setOpaque(this, hops + 1);
            try {
                task.run();
            } finally {
                current = null;
            }
            task = takeRunNext();
            if (task == null) {
                return;
            }
            if (--left == 0) {
                if (scheduler.hasQueuedWork()) {
                    scheduler.requeue(task);
                    return;
                }
                left = budget;
            }
        }
    }

    /** Puts {@code task} in the slot. Carrier thread only. {@return the task it displaced, or null} */
    Runnable offerRunNext(Runnable task) {
        return (Runnable) RUN_NEXT.getAndSet(this, task);
    }

    /** {@return the task in the slot, now removed, or null} Carrier thread only. */
    private Runnable takeRunNext() {
        return runNext == null ? null : (Runnable) RUN_NEXT.getAndSet(this, null);
    }

    /** {@return the task in the slot, or null} Any thread. */
    Runnable peekRunNext() {
        return runNext;
    }

    /** Takes {@code expected} out of the slot if it is still there. Guard thread. */
    boolean stealRunNext(Runnable expected) {
        return RUN_NEXT.compareAndSet(this, expected, null);
    }

    /** {@return how many tasks this carrier has started} Guard thread (a possibly stale count). */
    int hops() {
        return (int) HOPS.getOpaque(this);
    }
}
