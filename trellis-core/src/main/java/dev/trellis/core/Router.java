package dev.trellis.core;

import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.ChannelOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The owner-thread half of a process: its subscriptions (inbox, events, listen channels), the items
 * that could not be delivered yet, its timers, and the routing of mailbox items into channels.
 *
 * <p><b>Thread-safety:</b> none needed: only the process's own thread touches a router. Other threads
 * reach the process only through its mailbox.
 *
 * <p><b>Routing</b> (spec §3.2), for each mailbox item in arrival order: a LINK_DOWN while trap_links
 * is off kills the process; a message goes to the listen channel of its exact topic, else (topics not
 * starting with {@code @}) to the inbox; an event goes to the events channel; a timer fire completes
 * its timer. Delivery never blocks ({@link Channel#offer}): a rendezvous channel accepts only when a
 * receiver is parked, a buffered one when it has room. An item that cannot be delivered is kept in
 * {@code pending}, in order, and retried when a subscribed channel reports {@link #demand} — a
 * receiver parked, a buffer slot freed, a subscription changed. A channel that refuses an item keeps
 * refusing for the rest of the pass (nothing consumes from it while routing), so later items for it
 * stay behind the refused one and per-sender order holds; a retry pass stops early once every
 * subscription has refused.
 */
final class Router implements ChannelOwner {

    private final ProcessCell cell;

    // --- subscriptions (each created on first use) ---
    private Channel<Message> inbox;
    private Channel<Event> events;
    private HashMap<String, Listener> listeners;

    // --- routing state ---
    /** Items not deliverable yet, oldest first. */
    private ArrayDeque<Envelope> pending;
    /** Set when a subscribed channel may accept again: pending items must be retried. */
    private boolean dirty;
    /** Scratch list of channels that refused an item during one retry pass. */
    private ArrayList<Channel<?>> refused;

    // --- timers ---
    private HashSet<TimerFire> timers;

    Router(ProcessCell cell) {
        this.cell = cell;
    }

    /** A listen subscription; {@code messages} selects Message mode over payload mode. */
    private static final class Listener {
        final Channel<Object> channel;
        boolean messages;

        Listener(Channel<Object> channel, boolean messages) {
            this.channel = channel;
            this.messages = messages;
        }
    }

    // ============================================================================================
    // ChannelOwner
    // ============================================================================================

    @Override
    public void checkpoint() {
        cell.checkpoint();
    }

    @Override
    public void routePending() {
        cell.checkpoint();
        retryPending();
        Envelope e;
        while ((e = cell.poll()) != null) {
            route(e);
        }
    }

    @Override
    public void yieldPermit() {
        cell.checkpoint();
        cell.releasePermit();
        Thread.yield();
        cell.acquirePermit();
        cell.checkpoint();
    }

    @Override
    public void awaitMailbox() {
        cell.checkpoint();
        retryPending();
        Envelope e = cell.poll();
        if (e == null) {
            cell.releasePermit();
            e = cell.take();
            if (e == null) {
                throw ProcessCell.KILLED;
            }
            cell.acquirePermit();
        }
        route(e);
        while ((e = cell.poll()) != null) {
            route(e);
        }
        cell.checkpoint();
    }

    @Override
    public void demand(Channel<?> channel) {
        dirty = true;
    }

    // ============================================================================================
    // Subscriptions
    // ============================================================================================

    Channel<Message> inbox() {
        cell.checkpoint();
        if (inbox == null) {
            inbox = Channel.create(this, 0);
            inbox.subscribed(true);
            dirty = true;
        }
        return inbox;
    }

    Channel<Event> events() {
        cell.checkpoint();
        if (events == null) {
            events = Channel.create(this, 0);
            events.subscribed(true);
            dirty = true;
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    <T> Channel<T> listen(String topic, boolean messages) {
        cell.checkpoint();
        if (topic == null) {
            throw new IllegalArgumentException("topic must not be null");
        }
        if (topic.isEmpty()) {
            throw new ProcessException(ErrorKind.INVALID, "topic cannot be empty");
        }
        if (topic.startsWith("@")) {
            throw new ProcessException(ErrorKind.INVALID, "cannot listen to @ topics");
        }
        if (listeners == null) {
            listeners = new HashMap<>(4);
        }
        Listener l = listeners.get(topic);
        if (l == null) {
            l = new Listener(Channel.create(this, 1), messages);
            l.channel.subscribed(true);
            listeners.put(topic, l);
            dirty = true;
        } else if (messages) {
            l.messages = true;
        }
        return (Channel<T>) l.channel;
    }

    boolean unlisten(Channel<?> ch) {
        cell.checkpoint();
        if (ch == null) {
            throw new IllegalArgumentException("channel must not be null");
        }
        boolean found = false;
        if (ch == inbox) {
            inbox = null;
            found = true;
        } else if (ch == events) {
            events = null;
            found = true;
        } else if (listeners != null) {
            found = listeners.values().removeIf(l -> l.channel == ch);
        }
        if (found) {
            ch.subscribed(false);
            ch.close();
            dirty = true;
        }
        return found;
    }

    /** trap_links was switched off: a LINK_DOWN already queued now kills the process (rule 1). */
    void trapLinksOff() {
        if (pending == null) {
            return;
        }
        for (Envelope e : pending) {
            if (e instanceof Event ev && ev.kind() == Event.Kind.LINK_DOWN) {
                dieLinked();
            }
        }
    }

    // ============================================================================================
    // Routing
    // ============================================================================================

    private static final int DELIVERED = 0;
    private static final int NO_ROUTE = 1;
    private static final int REFUSED = 2;

    /** The channel the last {@link #deliver} call refused. */
    private Channel<?> lastTarget;

    private void route(Envelope e) {
        if (e instanceof TimerFire t) {
            t.fire(this);
            return;
        }
        if (e instanceof ProcessCell.Kill) {
            cell.checkpoint();
            return;
        }
        if (e instanceof Event ev && ev.kind() == Event.Kind.EXIT && cell.watching != null) {
            cell.watching.remove(ev.from());
        }
        if (deliver(e) != DELIVERED) {
            if (pending == null) {
                pending = new ArrayDeque<>(4);
            }
            pending.add(e);
        }
    }

    private void retryPending() {
        if (!dirty) {
            return;
        }
        dirty = false;
        if (pending == null || pending.isEmpty()) {
            return;
        }
        int subscriptions = (inbox != null ? 1 : 0) + (events != null ? 1 : 0)
                + (listeners != null ? listeners.size() : 0);
        if (subscriptions == 0) {
            return;
        }
        if (refused == null) {
            refused = new ArrayList<>(4);
        }
        try {
            for (Iterator<Envelope> it = pending.iterator(); it.hasNext(); ) {
                Envelope e = it.next();
                int outcome = deliver(e);
                if (outcome == DELIVERED) {
                    it.remove();
                } else if (outcome == REFUSED && !refused.contains(lastTarget)) {
                    refused.add(lastTarget);
                    if (refused.size() >= subscriptions) {
                        break;
                    }
                }
            }
        } finally {
            refused.clear();
            lastTarget = null;
        }
    }

    /** Tries to hand one message or event to its channel; never blocks. */
    private int deliver(Envelope e) {
        if (e instanceof Message m) {
            Listener l = listeners == null ? null : listeners.get(m.topic());
            if (l != null) {
                if (l.channel.isClosed()) {
                    // Closed with close() instead of unlisten(): drop, and unsubscribe.
                    listeners.remove(m.topic());
                    l.channel.subscribed(false);
                    return DELIVERED;
                }
                return offer(l.channel, l.messages ? m : m.payload());
            }
            if (inbox != null && !m.topic().startsWith("@")) {
                if (inbox.isClosed()) {
                    inbox.subscribed(false);
                    inbox = null;
                    return DELIVERED;
                }
                return offer(inbox, m);
            }
            return NO_ROUTE;
        }
        Event ev = (Event) e;
        if (ev.kind() == Event.Kind.LINK_DOWN && !cell.trapLinks) {
            dieLinked();
        }
        if (events == null) {
            return NO_ROUTE;
        }
        if (events.isClosed()) {
            events.subscribed(false);
            events = null;
            return DELIVERED;
        }
        return offer(events, ev);
    }

    private int offer(Channel<?> ch, Object value) {
        if (ch.offer(value)) {
            return DELIVERED;
        }
        lastTarget = ch;
        return REFUSED;
    }

    private void dieLinked() {
        cell.kill(ProcessError.LINKED_FAILED);
        throw ProcessCell.KILLED;
    }

    // ============================================================================================
    // Timers
    // ============================================================================================

    void sleep(Duration d) {
        cell.checkpoint();
        long nanos = nanos(d, "duration", true);
        if (nanos == 0) {
            return;
        }
        TimerFire f = new TimerFire(TimerFire.SLEEP, null, null);
        schedule(f, nanos);
        try {
            while (!f.fired) {
                awaitMailbox();
            }
        } catch (RuntimeException ex) {
            // Not finally: on a kill (an Error) close() cancels every timer; see Channel.
            cancel(f);
            throw ex;
        }
    }

    Channel<Instant> after(Duration d) {
        cell.checkpoint();
        long nanos = nanos(d, "duration", false);
        Channel<Instant> ch = Channel.create(this, 1);
        schedule(new TimerFire(TimerFire.AFTER, ch, null), nanos);
        return ch;
    }

    Timer timer(Duration d) {
        cell.checkpoint();
        long nanos = nanos(d, "duration", false);
        Channel<Instant> ch = Channel.create(this, 1);
        Timer t = new Timer(this, ch);
        t.armed = new TimerFire(TimerFire.TIMER, ch, t);
        schedule(t.armed, nanos);
        return t;
    }

    Ticker ticker(Duration d) {
        cell.checkpoint();
        long nanos = nanos(d, "duration", false);
        Channel<Instant> ch = Channel.create(this, Ticker.BUFFER);
        Ticker t = new Ticker(this, ch);
        TimerFire f = new TimerFire(TimerFire.TICKER, ch, t);
        t.fire = f;
        track(f);
        f.future = cell.node().scheduler().scheduleAtFixedRate(
                () -> cell.push(new TimerFire.Tick(t)), nanos, nanos, TimeUnit.NANOSECONDS);
        return t;
    }

    void schedule(TimerFire f, long nanos) {
        track(f);
        f.future = cell.node().scheduler().schedule(() -> cell.push(f), nanos, TimeUnit.NANOSECONDS);
    }

    /** Cancels a timer fire; returns true if it had not fired yet. */
    boolean cancel(TimerFire f) {
        boolean active = !f.fired && !f.cancelled;
        f.cancelled = true;
        ScheduledFuture<?> fut = f.future;
        if (fut != null) {
            fut.cancel(false);
        }
        untrack(f);
        return active;
    }

    void untrack(TimerFire f) {
        if (timers != null) {
            timers.remove(f);
        }
    }

    private void track(TimerFire f) {
        if (timers == null) {
            timers = new HashSet<>(4);
        }
        timers.add(f);
    }

    /** The process is ending: stop every timer so nothing keeps firing into a dead mailbox. */
    void close() {
        if (timers != null) {
            for (TimerFire f : timers) {
                f.cancelled = true;
                if (f.future != null) {
                    f.future.cancel(false);
                }
            }
            timers = null;
        }
        pending = null;
    }

    static long nanos(Duration d, String name, boolean zeroAllowed) {
        if (d == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? ">= 0" : "> 0") + ", got " + d);
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    Channel<?> newChannel(int capacity) {
        cell.checkpoint();
        return Channel.create(this, capacity);
    }
}
