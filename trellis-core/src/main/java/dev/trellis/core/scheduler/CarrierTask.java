package dev.trellis.core.scheduler;

import java.util.concurrent.ForkJoinTask;

/**
 * A task of the {@link ProcessScheduler}'s pool: runs one submitted task (a virtual thread's
 * continuation), then whatever that left in its carrier's run-next slot. Being a
 * {@code ForkJoinTask} itself saves the adapter the pool would wrap around a plain Runnable.
 */
final class CarrierTask extends ForkJoinTask<Void> {
    private final Runnable task;

    CarrierTask(Runnable task) {
        this.task = task;
    }

    @Override
    protected boolean exec() {
        ((Carrier) Thread.currentThread()).runChain(task);
        return true;
    }

    @Override
    public Void getRawResult() {
        return null;
    }

    @Override
    protected void setRawResult(Void value) {
    }
}
