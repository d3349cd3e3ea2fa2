package dev.trellis.runtime.lua;

import dev.trellis.core.channel.ChannelOwner;
import dev.trellis.core.channel.Waiter;
import dev.trellis.lua.Coroutine;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import java.util.function.Consumer;

/**
 * The cooperative scheduler inside one Lua process: the main coroutine and every
 * {@code coroutine.spawn(fn)} coroutine take turns on the process's one thread.
 *
 * <pre>{@code
 * CoroutineScheduler s = new CoroutineScheduler(state, proc.owner());
 * Object[] results = s.runMain(mainFunction, args);    // returns when main returns
 * // inside a host function that must wait (channel receive, select, sleep):
 * return s.block(ch.isSubscribed(), w -> ch.parkReceiver(w, 0), w -> new Object[] {w.value(), w.ok()});
 * }</pre>
 *
 * <p><b>How it runs</b> (docs/process-model.md, Lua processes): runnable coroutines are resumed in
 * FIFO order. A host function that cannot complete at once parks ONE coroutine: it registers a
 * core {@link Waiter} with the channel layer and yields the coroutine; the waiter's
 * {@code onComplete} puts the coroutine back in the run queue with its results. When nothing is runnable
 * the scheduler routes the mailbox ({@link ChannelOwner#routePending()}) and, if still nothing is
 * runnable, parks the process in {@link ChannelOwner#awaitMailbox()} (which gives the host permit
 * back). When main returns every other coroutine stops (invariant I15 in docs/process-model.md);
 * an error in any coroutine fails the process. A plain {@code coroutine.yield()} at the top of a
 * spawned coroutine just lets the others run.
 *
 * <p><b>Deadlock</b> (docs/process-model.md, Lua processes): when nothing is runnable, no parked
 * coroutine waits on a channel that something outside the process can feed (a subscribed
 * inbox/events/listen channel, a timer), and the process has no subscription at all, nothing can
 * ever wake it: the process fails with {@value #DEADLOCK}. A process parked on {@code inbox()},
 * {@code events()}, a listen channel or a timer is idle and lives.
 *
 * <p>A host function called where the coroutine cannot yield (inside a metamethod, a plain
 * {@code coroutine.resume}d coroutine, or the chunk's top level) blocks the whole process in place
 * instead, still routing the mailbox, so it completes as it would have.
 *
 * <p><b>Memory.</b> An idle process keeps this object, one {@link Task} per live coroutine (linked
 * into the run queue through {@code next}, no queue object) and one {@link Park} per parked
 * coroutine. {@link #runMain} parks the process itself, so that its frame, not a deeper helper's,
 * is the top Lua frame of the stack a parked virtual thread keeps.
 *
 * <p><b>Thread-safety:</b> none; everything runs on the process's own thread.
 */
public final class CoroutineScheduler {

    /** Computes what a parked host function returns once its waiter completed. */
    @FunctionalInterface
    public interface Completion {
        Object[] results(Waiter waiter);
    }

    /** What a process can see of itself to tell idle from deadlocked. */
    @FunctionalInterface
    public interface Subscriptions {
        /** {@return whether the process has any mailbox subscription (inbox, events, a listen topic)} */
        boolean hasSubscriptions();
    }

    /** The error of a process whose coroutines all wait for each other. */
    public static final String DEADLOCK = "all coroutines blocked with no pending operations";

    /** One scheduled coroutine. */
    private static final class Task {
        final Coroutine coroutine;
        Object[] resumeArgs;
        boolean parked;
        /** The next task in the run queue, while this one is in it. */
        Task next;

        Task(Coroutine coroutine, Object[] args) {
            this.coroutine = coroutine;
            this.resumeArgs = args;
        }
    }

    /** The waiter of one parked coroutine: its completion makes the task runnable. */
    private final class Park extends Waiter {
        final Task task;
        final Completion completion;

        final boolean external;

        Park(Task task, Completion completion, boolean external) {
            this.task = task;
            this.completion = completion;
            this.external = external;
        }

        /** Set once the coroutine has yielded: from then on completion makes it runnable. */
        boolean armed;
        Object[] results;
        /** Neighbours in the list of armed parks (so that {@link #abandonParked} can reach them all). */
        Park prevPark;
        Park nextPark;

        @Override
        protected void onComplete() {
            results = completion.results(this);
            if (armed) {
                unlinkPark(this);
                if (external) {
                    externallyParked--;
                }
                task.parked = false;
                task.resumeArgs = results;
                enqueue(task);
            }
        }
    }

    private static final Object[] NONE = new Object[0];
    private static final Subscriptions NO_SUBSCRIPTIONS = () -> false;

    private final LuaState state;
    private final ChannelOwner owner;
    private final Subscriptions subscriptions;
    /** The run queue (FIFO): first and last runnable task, linked through {@link Task#next}. */
    private Task head;
    private Task tail;
    private Task current;
    /** The main task, once {@link #runMain} started it. */
    private Task main;
    private int live;
    /** Parked coroutines that something outside the process can wake (mailbox channels, timers). */
    private int externallyParked;
    /** The armed parks, most recent first (linked through {@link Park#nextPark}). */
    private Park parks;

    /**
     * @param state the process's Lua state
     * @param owner the process's channel owner ({@code proc.owner()})
     */
    public CoroutineScheduler(LuaState state, ChannelOwner owner) {
        this(state, owner, NO_SUBSCRIPTIONS);
    }

    /**
     * @param state the process's Lua state
     * @param owner the process's channel owner ({@code proc.owner()})
     * @param subscriptions whether the process has mailbox subscriptions (for deadlock detection)
     */
    public CoroutineScheduler(LuaState state, ChannelOwner owner, Subscriptions subscriptions) {
        this.state = state;
        this.owner = owner;
        this.subscriptions = subscriptions;
    }

    /** {@return how many coroutines are alive (main included)} */
    public int liveCoroutines() {
        return live;
    }

    /**
     * Runs {@code fn} as the main coroutine with {@code args} until it returns, running every
     * spawned coroutine meanwhile.
     *
     * @return main's results
     * @throws LuaError what main or any spawned coroutine raised
     */
    public Object[] runMain(Object fn, Object[] args) {
        Task main = new Task(state.newCoroutine(fn), args);
        this.main = main;
        enqueue(main);
        live++;
        Object[] r;
        while ((r = runReady(main)) == null) {
            owner.routePending();
            if (head == null) {
                if (externallyParked == 0 && !subscriptions.hasSubscriptions()) {
                    throw new LuaError(DEADLOCK);
                }
                // The process parks here: no scheduler or VM frame is above this one.
                owner.awaitMailbox();
            }
        }
        return r;
    }

    /** Resumes runnable tasks until none is left; {@return main's results once it ended, else null} */
    private Object[] runReady(Task main) {
        Task t;
        while ((t = dequeue()) != null) {
            Object[] r = resume(t);
            if (t.coroutine.isDead()) {
                live--;
                if (t == main) {
                    return r;
                }
            } else if (!t.parked) {
                // A plain coroutine.yield(): give the others a turn.
                t.resumeArgs = NONE;
                enqueue(t);
            }
        }
        return null;
    }

    /**
     * Gives up every parked operation of this scheduler's coroutines: no message, timer or channel
     * value goes to them any more, it stays in its channel instead. For a process that throws this
     * scheduler away with its state and starts new code ({@code process.upgrade}).
     */
    public void abandonParked() {
        for (Park p = parks; p != null; p = p.nextPark) {
            p.abandon();
        }
        parks = null;
        head = tail = null;
    }

    private void linkPark(Park p) {
        p.nextPark = parks;
        if (parks != null) {
            parks.prevPark = p;
        }
        parks = p;
    }

    private void unlinkPark(Park p) {
        if (p.prevPark != null) {
            p.prevPark.nextPark = p.nextPark;
        } else if (parks == p) {
            parks = p.nextPark;
        }
        if (p.nextPark != null) {
            p.nextPark.prevPark = p.prevPark;
        }
        p.prevPark = p.nextPark = null;
    }

    private void enqueue(Task t) {
        if (tail == null) {
            head = t;
        } else {
            tail.next = t;
        }
        tail = t;
    }

    private Task dequeue() {
        Task t = head;
        if (t != null) {
            head = t.next;
            if (head == null) {
                tail = null;
            }
            t.next = null;
        }
        return t;
    }

    private Object[] resume(Task t) {
        Task prev = current;
        current = t;
        try {
            Object[] args = t.resumeArgs;
            t.resumeArgs = null;
            return t.coroutine.resume(args == null ? NONE : args);
        } finally {
            current = prev;
        }
    }

    /**
     * {@return the Lua traceback of the main coroutine while it is suspended (parked in a blocking
     * call or yielded), else null} Call it on the process's thread.
     */
    public String mainTraceback() {
        Task m = main;
        return m == null || m.coroutine.status() != Coroutine.Status.SUSPENDED ? null : m.coroutine.traceback();
    }

    /**
     * {@code coroutine.spawn(fn)}: a new coroutine, runnable at once (it first runs when the
     * current one parks or yields).
     *
     * @return the coroutine
     */
    public Coroutine spawn(Object fn) {
        Task t = new Task(state.newCoroutine(fn), NONE);
        live++;
        enqueue(t);
        return t.coroutine;
    }

    /**
     * Parks the calling coroutine until a channel operation completes. {@code park} registers the
     * given waiter with the channel layer (it may complete it at once); {@code completion} turns the
     * completed waiter into the host function's results.
     *
     * @param external whether something outside the process can complete the operation (a
     *        subscribed channel or a timer is involved); false when only the process's own
     *        coroutines can (a {@code channel.new} channel)
     * @return what the host function must return: the yield marker, or the results when the
     *         operation completed without waiting or the caller could not yield
     * @throws LuaError {@value #DEADLOCK} when a caller that cannot yield waits on an operation
     *         only the process's own (now stopped) coroutines could complete
     */
    public Object[] block(boolean external, Consumer<Waiter> park, Completion completion) {
        Task t = current;
        if (t != null && state.isYieldable() && state.running() == t.coroutine) {
            Park w = new Park(t, completion, external);
            park.accept(w);
            if (w.isDone()) {
                return w.results;
            }
            w.armed = true;
            linkPark(w);
            t.parked = true;
            if (external) {
                externallyParked++;
            }
            return state.yield();
        }
        Waiter w = new Waiter();
        park.accept(w);
        owner.routePending();
        if (!w.isDone() && !external) {
            throw new LuaError(DEADLOCK);
        }
        while (!w.isDone()) {
            owner.awaitMailbox();
        }
        return completion.results(w);
    }
}
