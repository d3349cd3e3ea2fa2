package dev.trellis.core.scheduler;

import java.util.concurrent.locks.LockSupport;

/**
 * The background thread that keeps a run-next slot from holding a task for long: a task put there
 * waits for the task running on that carrier to park, which a process that computes, or a carrier
 * blocked in the OS, may not do soon. Every {@code period} the guard looks at each carrier; a task
 * seen in the same slot at two looks in a row, while the carrier ran no other task, is taken out
 * and queued to the pool, where an idle carrier picks it up. So a woken process waits at most about
 * two periods, and the hand-off costs the hot path nothing but a volatile read of {@code sleeping}.
 *
 * <p>After {@value #IDLE_LOOKS} looks in a row with every slot empty the guard sleeps until a task
 * enters an empty slot ({@link #wakeIfSleeping}).
 *
 * <p><b>Invariants:</b> no wake-up is lost: the guard sets {@code sleeping} and then re-reads every
 * slot before it parks; a carrier fills a slot (a full-fence swap) and then reads {@code sleeping};
 * of two such orderings at least one side sees the other. A task is queued by the guard only after
 * it won the compare-and-set that empties the slot, so it never runs twice.
 */
final class RunNextGuard implements Runnable {
    /** Looks with every slot empty before the guard sleeps. */
    static final int IDLE_LOOKS = 200;

    private final ProcessScheduler scheduler;
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean sleeping;
    private volatile boolean stopped;

    RunNextGuard(ProcessScheduler scheduler, long periodNanos) {
        this.scheduler = scheduler;
        this.periodNanos = periodNanos;
        this.thread = Thread.ofPlatform().daemon().name("trellis-scheduler-guard").unstarted(this);
    }

    void start() {
        thread.start();
    }

    /** Wakes the guard if it sleeps. Called by a carrier after filling an empty slot. */
    void wakeIfSleeping() {
        if (sleeping) {
            sleeping = false;
            LockSupport.unpark(thread);
        }
    }

    /** Ends the guard thread (a scheduler made for a test). */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        int idleLooks = 0;
        while (!stopped) {
            if (look()) {
                idleLooks = 0;
            } else if (++idleLooks >= IDLE_LOOKS) {
                sleepUntilWoken();
                idleLooks = 0;
            }
            LockSupport.parkNanos(this, periodNanos);
        }
    }

    /** One look at every carrier. {@return whether any slot was filled} */
    private boolean look() {
        boolean filled = false;
        for (Carrier c : scheduler.carriers()) {
            Runnable task = c.peekRunNext();
            if (task == null) {
                c.seenRunNext = null;
                continue;
            }
            filled = true;
            int hops = c.hops();
            if (task == c.seenRunNext && hops == c.seenHops) {
                c.seenRunNext = null;
                if (c.stealRunNext(task)) {
                    scheduler.submit(task);
                }
            } else {
                c.seenRunNext = task;
                c.seenHops = hops;
            }
        }
        return filled;
    }

    private void sleepUntilWoken() {
        sleeping = true;
        for (Carrier c : scheduler.carriers()) {
            if (c.peekRunNext() != null) {
                sleeping = false;
                return;
            }
        }
        while (sleeping && !stopped) {
            LockSupport.park(this);
        }
    }
}
