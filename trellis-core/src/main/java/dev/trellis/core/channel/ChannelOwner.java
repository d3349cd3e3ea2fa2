package dev.trellis.core.channel;

/**
 * The process that owns a set of channels: the only thread allowed to touch them, and the source of
 * every wake-up a blocked channel operation can get.
 *
 * <pre>{@code
 * // inside a process: the blocking layer of Channel and Select is written against this interface
 * Waiter w = new Waiter();
 * ch.parkReceiver(w, 0);
 * owner.routePending();                 // pending mailbox items may complete w at once
 * while (!w.isDone()) owner.awaitMailbox();
 * }</pre>
 *
 * <p><b>Thread-safety:</b> every method must be called on the owner's thread. A process parks only
 * in {@link #awaitMailbox()}; channel operations themselves never block and never synchronise.
 *
 * <p><b>Cooperative schedulers</b> (the Lua runtime runs many coroutines inside one process on its one
 * thread) use the same two steps: run every runnable coroutine until it parks a {@link Waiter} on
 * some channel; call {@link #routePending()}, which may complete waiters (their
 * {@link Waiter#onComplete()} hook makes the coroutine runnable again); when nothing is runnable,
 * call {@link #awaitMailbox()} to park the process until its mailbox receives something.
 */
public interface ChannelOwner {

    /**
     * Checks that the caller is the owner's thread and that the owner has not been asked to die.
     *
     * @throws IllegalStateException if called from another thread
     * @throws Error the runtime's kill signal when the process is being terminated (do not catch)
     */
    void checkpoint();

    /**
     * Routes every item currently in the mailbox, without blocking: messages and events go to the
     * subscribed channels (completing parked receivers), timer fires complete their channels.
     * Items that cannot be delivered yet stay queued, in order.
     */
    void routePending();

    /**
     * Parks until at least one new mailbox item arrives, then routes it and everything else queued.
     * Releases the host's run permit while parked and takes it back before returning.
     */
    void awaitMailbox();

    /**
     * Lets the other processes of the host and of the carrier run for a moment, then carries on:
     * gives back the host's run permit and the carrier thread, takes them back, and runs the kill
     * check. For code that computes for long without a blocking call (the Lua runtime calls it from
     * a busy script every few milliseconds). The default, for owners without a host, only yields
     * the thread.
     *
     * @throws Error the runtime's kill signal when the process is being terminated (do not catch)
     */
    default void yieldPermit() {
        Thread.yield();
        checkpoint();
    }

    /**
     * Called by a subscribed channel when it may accept a value it refused before (a receiver parked
     * on it, or a buffer slot was freed), so that queued mailbox items are retried.
     *
     * @param channel the channel that can accept again
     */
    void demand(Channel<?> channel);
}
