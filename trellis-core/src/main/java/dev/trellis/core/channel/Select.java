package dev.trellis.core.channel;

import java.util.List;

/**
 * Wippy's {@code channel.select}: runs the <em>first ready</em> case in list order (deterministic
 * priority, unlike Go's random choice); if none is ready, a non-blocking select returns the default
 * result, a blocking one parks on every case until the first completes and withdraws the others.
 *
 * <pre>{@code
 * Channel<Instant> timeout = proc.after(Duration.ofSeconds(3));
 * Selected s = proc.select(proc.events().receiveCase(), timeout.receiveCase());
 * if (s.channel() == timeout) return "timed out";
 * }</pre>
 *
 * <p><b>Thread-safety:</b> as {@link Channel}: owner thread only. <b>Layers:</b> {@link #tryCases},
 * {@link #park}, {@link #withdraw} and {@link #result} are the non-blocking steps a cooperative
 * scheduler uses; {@link #select} composes them with the owner's mailbox wait.
 */
public final class Select {
    private Select() {
    }

    /**
     * Blocking or non-blocking select.
     *
     * @param owner the calling process
     * @param cases the cases, in priority order
     * @param withDefault true for a non-blocking select that returns {@code isDefault} when no case
     *     is ready
     * @return the chosen case
     * @throws IllegalArgumentException if {@code cases} or an element is null
     * @throws ChannelClosedException if the chosen case is a send whose channel was closed while
     *     parked
     */
    public static Selected select(ChannelOwner owner, List<? extends Case<?>> cases, boolean withDefault) {
        if (cases == null) {
            throw new IllegalArgumentException("cases must not be null");
        }
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i) == null) {
                throw new IllegalArgumentException("cases[" + i + "] must not be null");
            }
        }
        owner.checkpoint();
        Selected ready = tryCases(cases);
        if (ready != null) {
            return ready;
        }
        if (withDefault) {
            return Selected.DEFAULT;
        }
        Waiter w = new Waiter();
        park(cases, w);
        try {
            owner.routePending();
            while (!w.isDone()) {
                owner.awaitMailbox();
            }
        } catch (RuntimeException ex) {
            // Not finally: a kill (an Error) leaves the dying process's waiter parked; see Channel.
            withdraw(cases, w);
            throw ex;
        }
        withdraw(cases, w);
        return result(cases, w);
    }

    /**
     * Runs the first ready case, if any.
     *
     * @param cases the cases in priority order
     * @return the result, or null if no case is ready
     */
    @SuppressWarnings("unchecked")
    public static Selected tryCases(List<? extends Case<?>> cases) {
        for (int i = 0; i < cases.size(); i++) {
            Case<?> c = cases.get(i);
            Channel<Object> ch = (Channel<Object>) c.channel();
            if (c.send()) {
                if (!ch.isClosed() && ch.offer(c.value())) {
                    return new Selected(ch, c.value(), true, i, false);
                }
            } else {
                Received<Object> r = ch.tryReceive();
                if (r != null) {
                    return new Selected(ch, r.value(), r.ok(), i, false);
                }
            }
        }
        return null;
    }

    /**
     * Parks one waiter on every case.
     *
     * @param cases the cases
     * @param waiter the shared waiter; its index tells which case completed
     */
    @SuppressWarnings("unchecked")
    public static void park(List<? extends Case<?>> cases, Waiter waiter) {
        for (int i = 0; i < cases.size(); i++) {
            Case<?> c = cases.get(i);
            Channel<Object> ch = (Channel<Object>) c.channel();
            if (c.send()) {
                if (!ch.isClosed()) {
                    ch.parkSender(waiter, i, c.value());
                }
            } else {
                ch.parkReceiver(waiter, i);
            }
        }
    }

    /**
     * Withdraws the waiter from every case's channel.
     *
     * @param cases the cases
     * @param waiter the waiter
     */
    public static void withdraw(List<? extends Case<?>> cases, Waiter waiter) {
        for (Case<?> c : cases) {
            c.channel().withdraw(waiter);
        }
    }

    /**
     * Builds the result of a completed waiter.
     *
     * @param cases the cases the waiter was parked on
     * @param waiter a completed waiter
     * @return the result
     * @throws ChannelClosedException if the completing case was a send on a channel that closed
     */
    public static Selected result(List<? extends Case<?>> cases, Waiter waiter) {
        if (!waiter.isDone()) {
            throw new IllegalStateException("waiter has not completed");
        }
        if (waiter.sendClosed()) {
            throw new ChannelClosedException();
        }
        Case<?> c = cases.get(waiter.index());
        return new Selected(c.channel(), waiter.value(), waiter.ok(), waiter.index(), false);
    }
}
