package dev.trellis.core.channel;

/**
 * One parked channel operation: a plain receive or send, or a whole select over several cases.
 * Each case parks a {@link Slot} on its channel; the first partner operation (or the router
 * delivering a mailbox item) completes the waiter, and the other slots become dead and are withdrawn.
 *
 * <pre>{@code
 * Waiter w = new Waiter() {
 *     @Override protected void onComplete() { scheduler.makeRunnable(coroutine); }
 * };
 * ch.parkReceiver(w, 0);
 * }</pre>
 *
 * <p><b>Thread-safety:</b> none; a waiter belongs to one process and is touched only on its thread.
 */
public class Waiter {
    private boolean done;
    private boolean sendClosed;
    private int index = -1;
    private Object value;
    private boolean ok;

    /** {@return whether an operation completed this waiter} */
    public final boolean isDone() {
        return done;
    }

    /** {@return the index of the case that completed the waiter, or -1} */
    public final int index() {
        return index;
    }

    /** {@return the received value, or the sent value for a send case} */
    public final Object value() {
        return value;
    }

    /** {@return false only when a receive completed because its channel was closed} */
    public final boolean ok() {
        return ok;
    }

    /** {@return true when a send case completed because its channel was closed} */
    public final boolean sendClosed() {
        return sendClosed;
    }

    /**
     * Gives this operation up for good: no channel operation or mailbox delivery completes it any
     * more, and {@link #onComplete()} never runs. The channels it is parked on drop its slots as
     * they meet them, so a value that would have gone to it stays in the channel for the next
     * receiver. For a runtime that throws away the code that was waiting (a process replacing its
     * code in place); call it on the owner's thread.
     */
    public final void abandon() {
        done = true;
    }

    /**
     * Hook run once, on the owner's thread, right after the waiter completes. The blocking Java layer
     * needs nothing here; a cooperative scheduler marks the parked coroutine runnable. It runs in the
     * middle of a channel operation or of mailbox routing, so it must not operate on channels itself.
     */
    protected void onComplete() {
    }

    final void complete(int caseIndex, Object v, boolean okFlag) {
        done = true;
        index = caseIndex;
        value = v;
        ok = okFlag;
        onComplete();
    }

    final void completeSendClosed(int caseIndex, Object v) {
        sendClosed = true;
        complete(caseIndex, v, false);
    }

    /** A waiter's place in one channel's queue of parked receivers or senders. */
    record Slot(Waiter waiter, int index, Object value) {
    }
}
