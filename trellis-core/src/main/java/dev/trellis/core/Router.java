package dev.trellis.core;

import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.ChannelOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The owner-thread half of a process: its subscriptions (inbox, events, listen channels), the items
 * that could not be delivered yet, its timers, and the routing of mailbox items into channels.
 *
 * <p><b>Thread-safety:</b> none needed: only the process's own thread touches a router. Other threads
 * reach the process only through its mailbox.
 *
 * <p><b>Routing</b> (docs/process-model.md, Routing), for each mailbox item in arrival order: a
 * LINK_DOWN while trap_links is off kills the process; a message goes to the listen channel of its
 * exact topic, else (topics not starting with {@code @}) to the inbox; an event goes to the events
 * channel; a timer fire completes its timer. Delivery never blocks ({@link Channel#offer}): a
 * rendezvous channel accepts only when a receiver is parked, a buffered one when it has room.
 *
 * <p><b>Pending items.</b> An item that cannot be delivered is kept, never dropped while the process
 * lives, in the {@link PendingQueue} of its route (the inbox, the events channel, one listen
 * channel) or, when it has no route yet, in the unrouted queue; every pending item carries its
 * arrival number. A new item whose route already has items waiting goes behind them, so nothing
 * overtakes an older item for the same channel and per-sender order holds. A channel that reports
 * {@link #demand} (a receiver parked, a buffer slot freed, the channel closed) marks its route ready;
 * a retry pass then delivers the oldest head among the ready routes, again and again, until each
 * ready route has refused or emptied, so a retry costs O(1) per delivered item (times the number of
 * routes with items waiting, normally one or two), however many items wait. Across channels the
 * oldest item still goes first, as if one queue were scanned in arrival order.
 *
 * <p>An item's route is decided when it is delivered: when the subscriptions change (listen,
 * unlisten, {@code inbox()}, {@code events()}, a closed channel found while delivering) and items
 * are waiting, every queue is merged back into arrival order and each item placed again (so a
 * message waiting for the inbox moves to a listen channel subscribed later for its topic). That
 * costs O(pending) per change; subscriptions change rarely. A closed subscribed channel drops the
 * next item routed to it and loses its subscription, as {@code unlisten} would.
 *
 * <p>Nothing on the path of an item delivered at once allocates.
 */
final class Router implements ChannelOwner {

    private final ProcessCell cell;

    // --- subscriptions (each created on first use) ---
    private Route inbox;
    private Route events;
    private HashMap<String, Route> listeners;

    // --- pending items ---
    /** Items without a route now (e.g. events before {@code events()}), oldest first. */
    private PendingQueue unrouted;
    /** The routes whose queue holds items; created on first use. */
    private ArrayList<Route> backlogged;
    /** The arrival number of the next item that has to wait. */
    private long nextSeq;
    /** Set when a backlogged route became ready, or items must be placed again: retry. */
    private boolean dirty;
    /** Set when the subscriptions changed while items were waiting: place every item again. */
    private boolean rehome;

    // --- timers ---
    private HashSet<TimerFire> timers;

    /** Test hook: how many times a pending item was offered to a channel since the router started. */
    long retryOffers;

    Router(ProcessCell cell) {
        this.cell = cell;
    }

    /** {@return how many mailbox items wait, routed or not (for tests)} */
    int pendingCount() {
        int n = unrouted == null ? 0 : unrouted.size();
        if (backlogged != null) {
            for (Route r : backlogged) {
                n += r.queue.size();
            }
        }
        return n;
    }

    /** {@return whether any mailbox item waits} (A backlogged route's queue is never empty.) */
    private boolean hasPending() {
        return (unrouted != null && !unrouted.isEmpty()) || (backlogged != null && !backlogged.isEmpty());
    }

    /**
     * A subscription and the items waiting for it. {@code messages} selects Message mode over payload
     * mode (always true for the inbox; unused for events); {@code topic} is null for inbox and events.
     */
    private static final class Route {
        final Channel<Object> channel;
        final String topic;
        boolean messages;
        /** Items waiting for this route, or null. */
        PendingQueue queue;
        /** The channel reported demand since it last refused. */
        boolean ready;

        Route(Channel<Object> channel, String topic, boolean messages) {
            this.channel = channel;
            this.topic = topic;
            this.messages = messages;
        }

        boolean hasPending() {
            return queue != null && !queue.isEmpty();
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
        retryPending();
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
        retryPending();
        cell.checkpoint();
    }

    @Override
    public void demand(Channel<?> channel) {
        ArrayList<Route> b = backlogged;
        if (b == null) {
            return;
        }
        for (int i = 0, n = b.size(); i < n; i++) {
            Route r = b.get(i);
            if (r.channel == channel) {
                r.ready = true;
                dirty = true;
                return;
            }
        }
    }

    // ============================================================================================
    // Subscriptions
    // ============================================================================================

    @SuppressWarnings("unchecked")
    Channel<Message> inbox() {
        cell.checkpoint();
        if (inbox == null) {
            inbox = subscribe(0, null, true);
        }
        return (Channel<Message>) (Channel<?>) inbox.channel;
    }

    @SuppressWarnings("unchecked")
    Channel<Event> events() {
        cell.checkpoint();
        if (events == null) {
            events = subscribe(0, null, false);
        }
        return (Channel<Event>) (Channel<?>) events.channel;
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
        Route l = listeners.get(topic);
        if (l == null) {
            l = subscribe(1, topic, messages);
            listeners.put(topic, l);
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
        Route found = null;
        if (inbox != null && ch == inbox.channel) {
            found = inbox;
        } else if (events != null && ch == events.channel) {
            found = events;
        } else if (listeners != null) {
            for (Route l : listeners.values()) {
                if (l.channel == ch) {
                    found = l;
                    break;
                }
            }
        }
        if (found == null) {
            return false;
        }
        unsubscribe(found);
        ch.close();
        return true;
    }

    /** trap_links was switched off: a LINK_DOWN already queued now kills the process (rule 1). */
    void trapLinksOff() {
        if (!hasPending()) {
            return;
        }
        if (unrouted != null && unrouted.hasLinkDown()) {
            dieLinked();
        }
        if (backlogged != null) {
            for (Route r : backlogged) {
                if (r.queue.hasLinkDown()) {
                    dieLinked();
                }
            }
        }
    }

    private Route subscribe(int capacity, String topic, boolean messages) {
        Route r = new Route(Channel.create(this, capacity), topic, messages);
        r.channel.subscribed(true);
        subscriptionsChanged();
        return r;
    }

    /** Drops a subscription (its channel is left open); its waiting items are placed again. */
    private void unsubscribe(Route r) {
        r.channel.subscribed(false);
        if (r == inbox) {
            inbox = null;
        } else if (r == events) {
            events = null;
        } else {
            listeners.remove(r.topic);
        }
        subscriptionsChanged();
    }

    private void subscriptionsChanged() {
        if (hasPending()) {
            rehome = true;
            dirty = true;
        }
    }

    // ============================================================================================
    // Routing
    // ============================================================================================

    private void route(Envelope e) {
        if (e instanceof TimerFire t) {
            t.fire(this);
            return;
        }
        if (e instanceof ProcessCell.Kill) {
            cell.checkpoint();
            return;
        }
        if (e instanceof Event ev) {
            if (ev.kind() == Event.Kind.LINK_DOWN && !cell.trapLinks) {
                dieLinked();
            }
            if (ev.kind() == Event.Kind.EXIT && cell.watching != null) {
                cell.watching.remove(ev.from());
            }
        }
        if (rehome) {
            retryPending(); // routes changed while delivering the previous item: place items first
        }
        Route r = resolve(e);
        if (r == null) {
            parkUnrouted(nextSeq++, e);
        } else if (r.hasPending() || !deliver(r, e)) {
            // Behind the items already waiting for the same channel, or refused by it.
            park(r, nextSeq++, e);
        }
    }

    /** The route an item takes under the current subscriptions, or null if it has none. */
    private Route resolve(Envelope e) {
        if (e instanceof Message m) {
            Route l = listeners == null ? null : listeners.get(m.topic());
            if (l != null) {
                return l;
            }
            return inbox != null && !m.topic().startsWith("@") ? inbox : null;
        }
        return events;
    }

    /**
     * Tries to hand one message or event to its route's channel; never blocks. A closed channel drops
     * the item and loses its subscription (that counts as delivered).
     */
    private boolean deliver(Route r, Envelope e) {
        if (e instanceof Event ev && ev.kind() == Event.Kind.LINK_DOWN && !cell.trapLinks) {
            dieLinked();
        }
        if (r.channel.isClosed()) {
            // Closed with close() instead of unlisten(): drop, and unsubscribe.
            unsubscribe(r);
            return true;
        }
        return r.channel.offer(e instanceof Message m && !r.messages ? m.payload() : e);
    }

    /** Appends an item to its route's queue. */
    private void park(Route r, long seq, Envelope e) {
        if (r.queue == null) {
            r.queue = new PendingQueue();
        }
        if (r.queue.isEmpty()) {
            if (backlogged == null) {
                backlogged = new ArrayList<>(4);
            }
            backlogged.add(r);
        }
        r.queue.add(seq, e);
    }

    /** Appends an item that has no route now. */
    private void parkUnrouted(long seq, Envelope e) {
        if (unrouted == null) {
            unrouted = new PendingQueue();
        }
        unrouted.add(seq, e);
    }

    /** Delivers waiting items to the routes that reported demand, oldest head first. */
    private void retryPending() {
        while (dirty) {
            dirty = false;
            if (rehome) {
                rehome = false;
                rehome();
            }
            drain();
        }
    }

    private void drain() {
        ArrayList<Route> b = backlogged;
        if (b == null) {
            return;
        }
        while (!rehome) {
            Route best = null;
            long bestSeq = Long.MAX_VALUE;
            for (int i = 0, n = b.size(); i < n; i++) {
                Route r = b.get(i);
                if (r.ready && r.queue.peekSeq() < bestSeq) {
                    best = r;
                    bestSeq = r.queue.peekSeq();
                }
            }
            if (best == null) {
                return;
            }
            retryOffers++;
            if (deliver(best, best.queue.peek())) {
                best.queue.poll();
                if (best.queue.isEmpty()) {
                    best.ready = false;
                    b.remove(best);
                }
            } else {
                // Nothing consumes from a channel while routing: it refuses until it reports demand.
                best.ready = false;
            }
        }
    }

    /** The subscriptions changed: merge every queue back into arrival order and place each item again. */
    private void rehome() {
        ArrayList<PendingQueue> sources = new ArrayList<>();
        if (unrouted != null && !unrouted.isEmpty()) {
            sources.add(unrouted);
        }
        unrouted = null;
        if (backlogged != null) {
            for (Route r : backlogged) {
                sources.add(r.queue);
                r.queue = null;
                r.ready = false;
            }
            backlogged.clear();
        }
        PriorityQueue<PendingQueue> heads = new PriorityQueue<>(
                Math.max(1, sources.size()), Comparator.comparingLong(PendingQueue::peekSeq));
        heads.addAll(sources);
        PendingQueue q;
        while ((q = heads.poll()) != null) {
            long seq = q.peekSeq();
            Envelope e = q.poll();
            Route r = resolve(e);
            if (r == null) {
                parkUnrouted(seq, e);
            } else {
                park(r, seq, e);
            }
            if (!q.isEmpty()) {
                heads.add(q);
            }
        }
        if (backlogged != null) {
            for (Route r : backlogged) {
                r.ready = true; // new items for the route, or a new channel: try it
            }
        }
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
        // Items still waiting are discarded with the process: nothing is delivered after the end.
        if (backlogged != null) {
            for (Route r : backlogged) {
                r.queue = null;
            }
            backlogged = null;
        }
        unrouted = null;
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
