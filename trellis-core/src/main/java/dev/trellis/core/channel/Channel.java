package dev.trellis.core.channel;

import java.util.ArrayDeque;

/**
 * A process-local channel (Wippy's {@code channel.new}): unbuffered (capacity 0, a rendezvous) or
 * buffered, closable, usable in {@link Select}.
 *
 * <pre>{@code
 * Pid pid = node.spawn(proc -> {
 *     Channel<Integer> ch = proc.channel(4);
 *     ch.send(1);
 *     ch.close();
 *     Received<Integer> a = ch.receiveOrClosed();   // (1, true): buffered values survive close
 *     Received<Integer> b = ch.receiveOrClosed();   // (null, false): closed and drained
 *     return a.value();
 * });
 * }</pre>
 *
 * <p><b>Thread-safety:</b> a channel belongs to the process that created it and may be used only on
 * that process's thread (checked; other threads get {@link IllegalStateException}). It has no locks
 * and no atomics: only the process's mailbox is concurrent.
 *
 * <p><b>Two layers.</b> The non-blocking core ({@link #trySend}, {@link #offer}, {@link #tryReceive},
 * {@link #parkReceiver}, {@link #parkSender}, {@link #withdraw}, {@link #close}) never blocks; a
 * blocked operation is a {@link Waiter} parked in the channel's queue and completed by the partner
 * operation, by {@link #close()}, or by the process routing a mailbox item into the channel. The
 * blocking Java API ({@link #send}, {@link #receive}, {@link #receiveOrClosed}) is layered on top:
 * "try; else park a waiter; route pending mailbox items; while not done, park on the mailbox".
 * A cooperative scheduler (Lua coroutines) uses the core directly.
 *
 * <p><b>Semantics</b> (docs/process-model.md, Channels, select and timers): receive on a closed,
 * drained channel gives {@code (null, false)}, repeatably; buffered values survive close; send on
 * a closed channel throws {@link ChannelClosedException}; closing twice is silent; close wakes
 * parked receivers with {@code (null, false)} and fails parked senders. Receive-ready: buffered
 * value, parked sender, or closed. Send-ready: parked receiver, or open with buffer room (a send
 * on a closed channel is not "ready" in a select).
 *
 * <p><b>Interruption:</b> a blocked operation ends when the process is terminated; the runtime's kill
 * signal (an {@link Error}) propagates out of it and leaves the waiter parked: the process is dying,
 * and every later runtime call throws the signal again. A {@link RuntimeException} thrown while
 * blocked withdraws the waiter. (The blocking methods catch only {@code RuntimeException} on
 * purpose: a handler that the kill signal entered would be one the JIT never saw entered while
 * profiling, which costs a deoptimization per killed process.)
 *
 * @param <T> the element type
 */
public final class Channel<T> {

    // --- immutable state ---
    private final ChannelOwner owner;
    private final Thread thread;
    private final int capacity;

    // --- mutable state (owner thread only; each queue allocated on first use) ---
    private ArrayDeque<Object> buffer;
    /**
     * Parked receivers / senders: null, a single entry, or an {@code ArrayDeque} of entries (the
     * common single-waiter case allocates no queue). An entry is a {@link Waiter} standing for
     * itself at case index 0 with no value, or a {@link Waiter.Slot}.
     */
    private Object receivers;
    private Object senders;
    private boolean closed;
    /** True while a mailbox subscription (inbox, events, listen) routes into this channel. */
    private boolean subscribed;
    private Case<T> receiveCase;

    private Channel(ChannelOwner owner, int capacity) {
        this.owner = owner;
        this.capacity = capacity;
        this.thread = Thread.currentThread();
    }

    /**
     * Creates a channel owned by {@code owner}; must be called on the owner's thread. Process code
     * calls {@code proc.channel(capacity)} instead.
     *
     * @param owner the owning process
     * @param capacity buffer size, 0 for an unbuffered (rendezvous) channel
     * @param <T> the element type
     * @return the channel
     * @throws IllegalArgumentException if {@code owner} is null or {@code capacity} is negative
     */
    public static <T> Channel<T> create(ChannelOwner owner, int capacity) {
        if (owner == null) {
            throw new IllegalArgumentException("owner must not be null");
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        return new Channel<>(owner, capacity);
    }

    // ============================================================================================
    // Blocking API
    // ============================================================================================

    /**
     * Sends a value, blocking until a receiver takes it or buffer room frees up.
     *
     * @param value the value (may be null)
     * @throws ChannelClosedException if the channel is closed, or closed while this send waits
     */
    public void send(T value) {
        owner.checkpoint();
        if (trySend(value)) {
            return;
        }
        Waiter w = new Waiter();
        parkSender(w, 0, value);
        try {
            owner.routePending();
            while (!w.isDone()) {
                owner.awaitMailbox();
            }
        } catch (RuntimeException ex) {
            withdraw(w);
            throw ex;
        }
        if (w.sendClosed()) {
            throw new ChannelClosedException();
        }
    }

    /**
     * Receives a value, blocking until one is available or the channel is closed and drained.
     *
     * @return the value, or {@code null} when the channel is closed and drained (use
     *     {@link #receiveOrClosed()} to tell that apart from a sent null)
     */
    @SuppressWarnings("unchecked")
    public T receive() {
        // Same steps as receiveOrClosed(), written out so that a parked receiver keeps one frame
        // fewer on its (heap-stored) virtual-thread stack.
        owner.checkpoint();
        Received<T> r = tryReceive();
        if (r != null) {
            return r.value();
        }
        Waiter w = new Waiter();
        parkReceiver(w, 0);
        try {
            owner.routePending();
            while (!w.isDone()) {
                owner.awaitMailbox();
            }
        } catch (RuntimeException ex) {
            withdraw(w);
            throw ex;
        }
        return (T) w.value();
    }

    /**
     * Receives a value, blocking; the result says whether the channel was closed and drained.
     *
     * @return {@code (value, true)}, or {@code (null, false)} once closed and drained
     */
    @SuppressWarnings("unchecked")
    public Received<T> receiveOrClosed() {
        owner.checkpoint();
        Received<T> r = tryReceive();
        if (r != null) {
            return r;
        }
        Waiter w = new Waiter();
        parkReceiver(w, 0);
        try {
            owner.routePending();
            while (!w.isDone()) {
                owner.awaitMailbox();
            }
        } catch (RuntimeException ex) {
            withdraw(w);
            throw ex;
        }
        return w.ok() ? new Received<>((T) w.value(), true) : Received.closed();
    }

    /** {@return a case receiving from this channel, for {@link Select}} (the same object each call) */
    public Case<T> receiveCase() {
        Case<T> c = receiveCase;
        if (c == null) {
            c = new Case<>(this, false, null);
            receiveCase = c;
        }
        return c;
    }

    /**
     * {@return a case sending {@code value} on this channel, for {@link Select}}
     *
     * @param value the value to send
     */
    public Case<T> sendCase(T value) {
        return new Case<>(this, true, value);
    }

    /**
     * Closes the channel: parked receivers get {@code (null, false)}, parked senders fail. Buffered
     * values remain receivable. Closing a closed channel does nothing.
     */
    public void close() {
        checkThread();
        if (closed) {
            return;
        }
        closed = true;
        Object e;
        while ((e = pollReceiver()) != null) {
            waiterOf(e).complete(indexOf(e), null, false);
        }
        while ((e = pollSender()) != null) {
            waiterOf(e).completeSendClosed(indexOf(e), valueOf(e));
        }
        if (subscribed) {
            owner.demand(this);
        }
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return closed;
    }

    /** {@return the buffer capacity (0 = unbuffered)} */
    public int capacity() {
        return capacity;
    }

    /** {@return the number of buffered values} */
    public int size() {
        return buffer == null ? 0 : buffer.size();
    }

    /** {@return the owning process} */
    public ChannelOwner owner() {
        return owner;
    }

    // ============================================================================================
    // Non-blocking core
    // ============================================================================================

    /**
     * Sends without blocking: hands the value to a parked receiver, else buffers it if there is room.
     *
     * @param value the value
     * @return true if sent, false if it would block
     * @throws ChannelClosedException if the channel is closed
     */
    public boolean trySend(T value) {
        checkThread();
        if (closed) {
            throw new ChannelClosedException();
        }
        return deliver(value);
    }

    /**
     * Like {@link #trySend} but returns false instead of throwing when the channel is closed; used by
     * the router and by timers.
     *
     * @param value the value
     * @return true if the value was taken
     */
    public boolean offer(Object value) {
        checkThread();
        return !closed && deliver(value);
    }

    private boolean deliver(Object value) {
        Object r = pollReceiver();
        if (r != null) {
            waiterOf(r).complete(indexOf(r), value, true);
            return true;
        }
        if (size() < capacity) {
            if (buffer == null) {
                buffer = new ArrayDeque<>(Math.min(capacity, 16));
            }
            buffer.add(value == null ? NULL : value);
            return true;
        }
        return false;
    }

    /**
     * Receives without blocking.
     *
     * @return the result, {@link Received#closed()} when closed and drained, or {@code null} when a
     *     receive would block
     */
    @SuppressWarnings("unchecked")
    public Received<T> tryReceive() {
        checkThread();
        if (buffer != null && !buffer.isEmpty()) {
            Object v = buffer.poll();
            // A parked sender's value moves into the freed buffer slot.
            Object s = pollSender();
            if (s != null) {
                Object sv = valueOf(s);
                buffer.add(sv == null ? NULL : sv);
                waiterOf(s).complete(indexOf(s), sv, true);
            } else if (subscribed) {
                owner.demand(this);
            }
            return new Received<>(v == NULL ? null : (T) v, true);
        }
        Object s = pollSender();
        if (s != null) {
            Object sv = valueOf(s);
            waiterOf(s).complete(indexOf(s), sv, true);
            return new Received<>((T) sv, true);
        }
        return closed ? Received.closed() : null;
    }

    /** {@return whether a receive would complete now (value, parked sender, or closed)} */
    public boolean isReceiveReady() {
        checkThread();
        return (buffer != null && !buffer.isEmpty()) || hasLive(senders) || closed;
    }

    /** {@return whether a send would complete now (parked receiver, or open with buffer room)} */
    public boolean isSendReady() {
        checkThread();
        return !closed && (hasLive(receivers) || size() < capacity);
    }

    /**
     * Parks {@code waiter} as a receiver; a later send, close or routed mailbox item completes it.
     *
     * @param waiter the waiter
     * @param index the case index reported back through {@link Waiter#index()}
     */
    public void parkReceiver(Waiter waiter, int index) {
        checkThread();
        receivers = enqueue(receivers, index == 0 ? waiter : new Waiter.Slot(waiter, index, null));
        if (subscribed) {
            owner.demand(this);
        }
    }

    /**
     * Parks {@code waiter} as a sender of {@code value}; a later receive or close completes it.
     *
     * @param waiter the waiter
     * @param index the case index reported back through {@link Waiter#index()}
     * @param value the value to send
     */
    public void parkSender(Waiter waiter, int index, T value) {
        checkThread();
        senders = enqueue(senders, new Waiter.Slot(waiter, index, value));
    }

    /**
     * Removes every slot of {@code waiter} from this channel's queues (after another case won, or
     * when the blocked operation is abandoned).
     *
     * @param waiter the waiter
     */
    public void withdraw(Waiter waiter) {
        receivers = remove(receivers, waiter);
        senders = remove(senders, waiter);
    }

    /**
     * Marks this channel as the target of a mailbox subscription: it then reports
     * {@link ChannelOwner#demand} when it can accept again. Called by the process runtime.
     *
     * @param on true while subscribed
     */
    public void subscribed(boolean on) {
        subscribed = on;
    }

    /** {@return whether a mailbox subscription routes into this channel} */
    public boolean isSubscribed() {
        return subscribed;
    }

    // ============================================================================================
    // Internals
    // ============================================================================================

    /** Stands for a buffered null (ArrayDeque refuses nulls). */
    private static final Object NULL = new Object();

    private Object pollReceiver() {
        Object q = receivers;
        if (q instanceof ArrayDeque<?> d) {
            return pollLive(d);
        }
        receivers = null;
        return q == null || waiterOf(q).isDone() ? null : q;
    }

    private Object pollSender() {
        Object q = senders;
        if (q instanceof ArrayDeque<?> d) {
            return pollLive(d);
        }
        senders = null;
        return q == null || waiterOf(q).isDone() ? null : q;
    }

    private static Object pollLive(ArrayDeque<?> d) {
        Object e;
        while ((e = d.poll()) != null) {
            if (!waiterOf(e).isDone()) {
                return e;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Object enqueue(Object q, Object entry) {
        if (q == null) {
            return entry;
        }
        if (q instanceof ArrayDeque<?> d) {
            ((ArrayDeque<Object>) d).add(entry);
            return d;
        }
        ArrayDeque<Object> d = new ArrayDeque<>(4);
        d.add(q);
        d.add(entry);
        return d;
    }

    private static Object remove(Object q, Waiter w) {
        if (q == null) {
            return null;
        }
        if (q instanceof ArrayDeque<?> d) {
            d.removeIf(e -> waiterOf(e) == w);
            return d.isEmpty() ? null : d;
        }
        return waiterOf(q) == w ? null : q;
    }

    private static boolean hasLive(Object q) {
        if (q instanceof ArrayDeque<?> d) {
            for (Object e : d) {
                if (!waiterOf(e).isDone()) {
                    return true;
                }
            }
            return false;
        }
        return q != null && !waiterOf(q).isDone();
    }

    private static Waiter waiterOf(Object entry) {
        return entry instanceof Waiter w ? w : ((Waiter.Slot) entry).waiter();
    }

    private static int indexOf(Object entry) {
        return entry instanceof Waiter ? 0 : ((Waiter.Slot) entry).index();
    }

    private static Object valueOf(Object entry) {
        return entry instanceof Waiter ? null : ((Waiter.Slot) entry).value();
    }

    private void checkThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException(
                    "channel used outside its owning process (channels are process-local)");
        }
    }

    @Override
    public String toString() {
        return "Channel[capacity=" + capacity + ", size=" + size() + (closed ? ", closed" : "") + "]";
    }
}
