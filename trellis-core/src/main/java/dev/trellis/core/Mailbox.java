package dev.trellis.core;

import dev.trellis.core.scheduler.ProcessScheduler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A process's only wake-up source: an unbounded, lock-free, intrusive multi-producer single-consumer
 * queue of {@link Envelope}s, with parking for the consumer.
 *
 * <p><b>Thread-safety:</b> {@link #push} may be called from any thread; {@link #poll} and
 * {@link #take} only from the owning process's thread. Producers never block and never take a lock.
 *
 * <p><b>Algorithm:</b> Dmitry Vyukov's non-intrusive MPSC node queue ("producer: swap tail, then link
 * the previous tail"), made intrusive: the envelopes are the nodes. The consumer keeps the last node
 * it consumed as the stub at {@code head}, so a returned envelope stays linked as the head until the
 * next poll (its {@code next} field is internal; the cost is that the last consumed message stays
 * reachable until the next one arrives). The mailbox object itself is the initial
 * stub, which saves one allocation per process. A producer that has swapped the tail but not yet
 * linked {@code next} makes the queue look empty for a moment; that is safe because the producer
 * checks {@link #parked} only after linking, and then unparks the consumer.
 *
 * <p><b>Waiting</b> ({@link #take}), in two phases:
 * <ol>
 *   <li><b>Yield</b> (adaptive, and only when processes run on the JDK's default scheduler, not on
 *       the {@link ProcessScheduler}'s hand-off, which gets the same effect without it): before parking, the consumer may give its carrier thread away once
 *       ({@link Thread#yield()}) and poll again. A process that has just sent a request often finds
 *       the reply waiting then: the receiver it woke ran on the same carrier meanwhile, and since
 *       the consumer never announced {@code parked}, the reply's producer did not unpark it. That
 *       saves a park, an unpark and a scheduler submission with its signal to an idle carrier per
 *       message (ping-pong, measured: about 770 to 590 ns per round trip). {@code spinScore}
 *       counts recent yields that paid off (up to {@value #SPIN_SCORE_MAX}; halved by one that did
 *       not); at zero the consumer yields only on every {@value #PROBE_PERIOD}th wait, to notice
 *       when the pattern comes back. A ring member, whose next message comes thousands of hops
 *       later, therefore parks at once nearly always. (Busy spinning instead of yielding measured
 *       worse: a spinning virtual thread keeps the process it has just woken waiting in its
 *       carrier's queue.)</li>
 *   <li><b>Park</b>: a Dekker handshake on {@code parked} (consumer: set parked, re-check the queue,
 *       park; producer: link, read parked, unpark). Both sides use volatile accesses, so at least
 *       one of them sees the other and no wake-up is lost.</li>
 * </ol>
 * <b>Invariants:</b> the consumer polls after every yield and after setting {@code parked}, so a
 * message linked while the consumer was not parked is always seen by a later poll; {@code parked}
 * is true only between that re-check and the consumer's return from {@code park}; {@code spinScore}
 * and {@code probes} are touched only by the consumer; {@code killed} is set before the kill's
 * envelope is pushed (and the thread interrupted), so a consumer woken by a kill sees it.
 */
abstract class Mailbox extends Envelope {

    // --- mutable state ---
    /** Consumer-only: the last consumed node (the stub). */
    private Envelope head = this;
    /** Producer-shared: the last pushed node. Accessed through {@link #TAIL}. */
    @SuppressWarnings({"unused", "FieldMayBeFinal"})
    private volatile Envelope tail = this;
    /** True while the consumer is parked or about to park. */
    private volatile boolean parked;
    /**
     * Set once when the owning process is asked to die, before the kill's envelope is pushed. A
     * field of this class, not a virtual call, because {@link #take} reads it in a frame that stays
     * compiled while parked: a call there compiled for the receiver types profiled so far would
     * trap, once per parked process, when a mass kill finally takes that path.
     */
    private volatile boolean killed;
    /** Consumer-only: how many recent yields before parking found a message (0: park at once). */
    private byte spinScore;
    /** Consumer-only: counts waits, so that a consumer with a zero score still yields now and then. */
    private byte probes;

    /** The cap of {@code spinScore}. */
    private static final int SPIN_SCORE_MAX = 8;
    /** With a zero score, every this many-th wait still yields (a power of two, at most 128). */
    private static final int PROBE_PERIOD = 64;

    /**
     * Whether {@link #take} yields before parking: only on the JDK's scheduler. On the hand-off
     * scheduler a yield would queue the consumer and signal an idle carrier, where parking lets the
     * carrier run the process just woken at once (ping-pong measured 470 ns with the yield, 334
     * without).
     */
    private static final boolean YIELD_BEFORE_PARK = !ProcessScheduler.handOffActive();

    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(Mailbox.class, "tail", Envelope.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@return the thread that consumes this mailbox, or null before it starts} */
    abstract Thread consumer();

    /**
     * Enqueues an envelope and wakes the consumer if it is parked. Any thread.
     *
     * @param e a fresh envelope, never pushed before
     */
    final void push(Envelope e) {
        Envelope prev = (Envelope) TAIL.getAndSet(this, e);
        Envelope.NEXT.setVolatile(prev, e);
        if (parked) {
            Thread t = consumer();
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** {@return the next envelope, or null if none is visible} Consumer thread only. */
    final Envelope poll() {
        Envelope next = (Envelope) Envelope.NEXT.getVolatile(head);
        if (next == null) {
            return null;
        }
        head = next;
        return next;
    }

    /** {@return whether an envelope is visible now} Consumer thread only. */
    final boolean hasNext() {
        return Envelope.NEXT.getVolatile(head) != null;
    }

    /**
     * Parks until an envelope arrives. Returns null early when the process is being killed.
     * Consumer thread only.
     *
     * @return the envelope, or null when woken by a kill
     */
    final Envelope take() {
        Envelope e = poll();
        if (e != null) {
            return e;
        }
        if (YIELD_BEFORE_PARK && (spinScore > 0 || (++probes & (PROBE_PERIOD - 1)) == 0)) {
            Thread.yield();
            e = poll();
            if (e != null) {
                if (spinScore < SPIN_SCORE_MAX) {
                    spinScore++;
                }
                return e;
            }
            spinScore >>= 1;
        }
        for (;;) {
            parked = true;
            e = poll();
            if (e != null) {
                parked = false;
                return e;
            }
            LockSupport.park(this);
            parked = false;
            // An interrupt unparks us; a kill also pushes an envelope, but returning early keeps
            // termination prompt. Other interrupts are cleared so park does not spin.
            Thread.interrupted();
            if (killed) {
                return null;
            }
            e = poll();
            if (e != null) {
                return e;
            }
        }
    }

    /** Marks the owning process as being killed; {@link #take} then returns null once woken. */
    final void markKilled() {
        killed = true;
    }

    /** {@return whether the owning process has been asked to die} (A hook kept for test mailboxes.) */
    boolean killRequested() {
        return killed;
    }
}
