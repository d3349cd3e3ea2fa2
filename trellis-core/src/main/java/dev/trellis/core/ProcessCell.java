package dev.trellis.core;

import dev.trellis.core.scheduler.ProcessScheduler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;

/**
 * The runtime state of one process: its mailbox (inherited), its virtual thread, and the topology
 * shared with other processes (links, watchers, names).
 *
 * <p><b>Thread-safety, by field group:</b>
 * <ul>
 *   <li>immutable: host, pid, thread, body, args;</li>
 *   <li>any thread: the mailbox ({@link #push}), {@link #kill} (a CAS on {@code killReason}),
 *       {@code trapLinks} (volatile; read by exiting linked processes);</li>
 *   <li>guarded by {@code synchronized (this)}: {@code dead}, {@code links}, {@code watchers},
 *       {@code names}. {@link #exit} sets {@code dead} and snapshots the three sets under the lock,
 *       which is what makes EXIT exactly-once and link/monitor/register races resolve cleanly.
 *       {@code dead} is also volatile, for the lock-free check of {@link #peer};</li>
 *   <li>owner thread only: {@code watching}, {@code holdsPermit}, {@code router},
 *       {@code lastPeer}.</li>
 * </ul>
 * Every collection is allocated on first use, so an idle process that never linked, monitored,
 * registered or subscribed carries only this object, its pid, its thread and its handle.
 */
final class ProcessCell extends Mailbox implements Runnable, Watcher {
    private static final Object[] NO_ARGS = new Object[0];
    /**
     * The kill signal, read from this class's own constant: compiled code that reads a static of
     * another class on a path it never ran may compile that read as a deoptimizing trap.
     */
    static final Terminated KILLED = Terminated.INSTANCE;
    /** Thrown and caught once at the start of every process; see {@link #run}. */
    private static final Primer PRIMER = new Primer();

    // --- immutable state ---
    final Host host;
    final Pid pid;
    final Thread thread;
    private final ProcessBody body;
    final Object[] args;

    /** {@return the node} */
    Node node() {
        return host.node();
    }

    // --- any thread ---
    /** Set once (CAS from null) when the process must die; the exit error. */
    @SuppressWarnings("unused")
    private volatile ProcessError killReason;
    volatile boolean trapLinks;

    // --- guarded by this (written under the lock; volatile for peer()) ---
    volatile boolean dead;
    HashSet<ProcessCell> links;
    HashSet<Watcher> watchers;
    ArrayList<String> names;

    // --- owner thread only ---
    /** Pids this process monitors, so that its exit can remove it from their watcher sets. */
    HashSet<Pid> watching;
    private boolean holdsPermit;
    private Router router;
    /** The process this one last sent to: most processes keep sending to the same few. */
    private ProcessCell lastPeer;
    /** A pid text naming {@code lastPeer}, or null; cleared whenever {@code lastPeer} changes. */
    private String lastPeerText;

    private static final VarHandle KILL;

    static {
        try {
            KILL = MethodHandles.lookup().findVarHandle(ProcessCell.class, "killReason", ProcessError.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    ProcessCell(Host host, Pid pid, ProcessBody body, Object[] args) {
        this.host = host;
        this.pid = pid;
        this.body = body;
        this.args = args == null || args.length == 0 ? NO_ARGS : args;
        this.thread = ProcessScheduler.processThreads().newThread(this);
    }

    @Override
    Thread consumer() {
        return thread;
    }

    ProcessError killReason() {
        return killReason;
    }

    // ============================================================================================
    // Run and exit
    // ============================================================================================

    /**
     * Runs the body, then {@link #exit}s with its outcome.
     *
     * <p><b>Shaped for the JIT.</b> The frames of {@code run} and {@link #attempt} stay at the bottom
     * of the process's stack, compiled as the JIT found them when the process started. The JIT
     * compiles an exception handler, or a branch, that its profile never saw taken as a trap that
     * deoptimizes the frame when it is taken at last; a deoptimized frame resumes in the interpreter
     * without fixing the profile, so the next compilation traps again. When thousands of parked
     * processes are killed at once (a link cascade, a host stop), each would deoptimize (measured: 10
     * to 25 µs per link instead of about 1). Hence: (1) every process first makes a priming pass that
     * throws {@link #PRIMER} into the handler of {@code attempt}, so the profile always has the handler
     * entered (a throw caught in the same method is a jump in compiled code); (2) after the handler
     * these frames do not branch: telling a kill, a failure and a return apart happens in
     * {@link #exit(Object)}, a fresh call too big to be inlined, where a trap costs one
     * deoptimization and a recompilation, not one per process.
     */
    @Override
    public void run() {
        attempt(true);
        exit(attempt(false));
    }

    /**
     * One pass: when {@code priming}, only enters the handler; else runs the body.
     *
     * @return the body's value, or a {@link Thrown} holding what it threw
     */
    private Object attempt(boolean priming) {
        try {
            if (priming) {
                throw PRIMER;
            }
            acquirePermit();
            checkpoint();
            return body.run(new Proc(this));
        } catch (Throwable t) {
            return new Thrown(t);
        }
    }

    /**
     * What a body threw, as {@link #attempt} returns it.
     *
     * @param throwable the throwable
     */
    record Thrown(Throwable throwable) {
    }

    /**
     * Ends the process: names released, pid unregistered, then EXIT to every watcher, LINK_DOWN to
     * every link on an error exit. Runs on the process's own thread (or on the spawner's when the
     * thread could not start). The exit result: the kill reason if the process was killed (a kill
     * wins over whatever the unwinding body threw, Terminated, InterruptedException..., or returned),
     * else the error of a {@link Thrown} outcome, else the returned value. This method tells those
     * apart itself and must stay too large to be inlined into {@link #run}: see there.
     *
     * @param outcome what {@link #attempt} returned
     */
    void exit(Object outcome) {
        ProcessError k = killReason;
        Result result;
        if (k != null) {
            result = Result.ofError(k);
        } else if (outcome instanceof Thrown t) {
            result = Result.ofError(ProcessError.from(t.throwable()));
        } else {
            result = Result.ofValue(outcome);
        }
        try {
            if (router != null) {
                router.close();
            }
            if (holdsPermit) {
                holdsPermit = false;
                host.release();
            }
            HashSet<ProcessCell> ls;
            HashSet<Watcher> ws;
            ArrayList<String> ns;
            synchronized (this) {
                dead = true;
                ls = links;
                ws = watchers;
                ns = names;
                links = null;
                watchers = null;
                names = null;
            }
            if (ns != null) {
                host.node().registry().release(ns, pid);
            }
            host.node().remove(this);
            Instant at = Instant.now();
            if (ls != null) {
                for (ProcessCell peer : ls) {
                    Links.dropPeer(peer, this);
                    // Untrapped peers die before any EXIT is queued, so a peer that both monitors
                    // and links this process never observes the EXIT (Wippy: the LINK_DOWN check
                    // runs in the same mailbox flush).
                    if (result.isError() && !peer.trapLinks) {
                        peer.kill(ProcessError.LINKED_FAILED);
                    }
                }
            }
            if (ws != null) {
                // Processes first, outside watchers (futures) after: whoever a completed future
                // wakes then finds the EXIT already queued in every watching process's mailbox.
                for (Watcher w : ws) {
                    if (w instanceof ProcessCell) {
                        w.exited(pid, at, result);
                    }
                }
                for (Watcher w : ws) {
                    if (!(w instanceof ProcessCell)) {
                        w.exited(pid, at, result);
                    }
                }
            }
            if (ls != null && result.isError()) {
                for (ProcessCell peer : ls) {
                    peer.linkDown(pid, at, result); // EXIT first, then LINK_DOWN, as in Wippy
                }
            }
            if (k == null && outcome instanceof Thrown t && (ls == null || ls.isEmpty()) && (ws == null || ws.isEmpty())) {
                reportCrash(t.throwable(), result.error(), at);
            }
            if (watching != null) {
                for (Pid p : watching) {
                    ProcessCell target = host.node().cell(p);
                    if (target != null) {
                        Monitors.remove(target, this);
                    }
                }
                watching = null;
            }
        } finally {
            host.exited();
        }
    }

    /**
     * Hands a failure that nothing handles to the node's {@link CrashReporter}. Kept out of line:
     * {@link #exit} runs for every process and a crash is rare.
     */
    private void reportCrash(Throwable thrown, ProcessError error, Instant at) {
        try {
            node().crashReporter().report(new CrashReport(pid, describe(body), error, stackOf(thrown), at));
        } catch (RuntimeException ignored) {
            // a failing reporter must not disturb the exit
        }
    }

    /** {@return what a process runs, for a report: its own toString, its class name, or null for a lambda} */
    private static String describe(ProcessBody body) {
        Class<?> c = body.getClass();
        if (c.isHidden() || c.isSynthetic()) {
            return null;
        }
        try {
            return c.getMethod("toString").getDeclaringClass() == Object.class ? c.getName() : body.toString();
        } catch (NoSuchMethodException impossible) {
            return c.getName();
        }
    }

    /** {@return the traceback a {@link ProcessException} carries, else the Java stack trace; null if blank} */
    private static String stackOf(Throwable thrown) {
        if (thrown instanceof ProcessException pe && pe.traceback() != null) {
            return pe.traceback().isBlank() ? null : pe.traceback();
        }
        java.io.StringWriter w = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    /** A watched process exited: queue its EXIT event. */
    @Override
    public void exited(Pid from, Instant at, Result result) {
        push(Event.exit(Event.Kind.EXIT, from, at, result));
    }

    /**
     * A linked process failed. Without trap_links this process dies at once with "linked process
     * failed" (the router applies the same rule to a LINK_DOWN already queued when trap_links is
     * switched off); with it, the event is queued for {@code events()}.
     */
    void linkDown(Pid from, Instant at, Result result) {
        if (killReason != null) {
            return;
        }
        if (!trapLinks) {
            kill(ProcessError.LINKED_FAILED);
        } else {
            push(Event.exit(Event.Kind.LINK_DOWN, from, at, result));
        }
    }

    /**
     * Asks the process to die with {@code reason}: the first request wins. Wakes it through the
     * mailbox and interrupts its thread, so that it unwinds at its next runtime call, or at once if
     * it is blocked in one.
     *
     * @return true if this request set the reason
     */
    boolean kill(ProcessError reason) {
        if (!KILL.compareAndSet(this, null, reason)) {
            return false;
        }
        markKilled();
        push(new Kill());
        thread.interrupt();
        return true;
    }

    // ============================================================================================
    // Owner-thread helpers
    // ============================================================================================

    /**
     * The check at the top of every runtime call.
     *
     * @throws IllegalStateException off the process's thread
     * @throws Terminated when the process is being killed
     */
    void checkpoint() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("process API called outside its process (" + pid + ")");
        }
        if (killReason != null) {
            throw KILLED;
        }
    }

    /**
     * {@return the live cell of {@code to}, for a send from this process} Owner thread only. Sending
     * to the same pid object as last time skips the process table; a peer seen dead is looked up
     * again, so a send to a dead process still fails as it would through the table.
     *
     * @param to the receiver
     * @throws ProcessException NOT_FOUND "process not found: {pid}"
     */
    ProcessCell peer(Pid to) {
        ProcessCell c = lastPeer;
        if (c != null && c.pid == to && !c.dead) {
            return c;
        }
        c = node().require(to);
        lastPeer = c;
        lastPeerText = null;
        return c;
    }

    /**
     * {@return the live cell that {@code destination} names, for a send from this process} Owner
     * thread only. A pid text equal to the last one sent to skips parsing it (the Lua runtime sends
     * by pid text); a registered name is looked up every time, since it may move to another pid.
     *
     * @param destination a pid text or a registered name
     * @throws IllegalArgumentException if {@code destination} is null
     * @throws ProcessException NOT_FOUND "process not found: {pid}", or "could not resolve ..."
     */
    ProcessCell peer(String destination) {
        ProcessCell c = lastPeer;
        if (c != null && !c.dead && destination != null && destination.equals(lastPeerText)) {
            return c;
        }
        Pid parsed = Node.parsePid(destination);
        if (parsed == null) {
            return peer(node().resolveName(destination));
        }
        c = peer(parsed);
        lastPeerText = destination;
        return c;
    }

    Router router() {
        Router r = router;
        if (r == null) {
            r = new Router(this);
            router = r;
        }
        return r;
    }

    void acquirePermit() {
        if (holdsPermit) {
            return;
        }
        try {
            host.acquire();
        } catch (InterruptedException e) {
            if (killReason != null) {
                throw KILLED;
            }
            // A stray interrupt: take the permit without giving up on it.
            host.acquireUninterruptibly();
        }
        holdsPermit = true;
    }

    void releasePermit() {
        if (holdsPermit) {
            holdsPermit = false;
            host.release();
        }
    }

    /** The throwable of the priming pass of {@link #run}; never escapes. */
    private static final class Primer extends Error {
        private static final long serialVersionUID = 1L;

        Primer() {
            super("handler primer", null, false, false);
        }
    }

    /** The envelope a kill request pushes: routing it throws {@link Terminated}. */
    static final class Kill extends Envelope {
    }

    @Override
    public String toString() {
        return "Process" + pid;
    }
}
