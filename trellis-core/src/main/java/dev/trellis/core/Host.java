package dev.trellis.core;

import dev.trellis.core.scheduler.ProcessScheduler;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process host (Wippy's {@code process.host}): a named group of processes of which at most
 * {@code workers} execute at once. A process holds a run permit while it runs and gives it back while
 * it is parked in a runtime call (receive, select, sleep), so thousands of idle processes share a few
 * permits.
 *
 * <pre>{@code
 * Node node = Node.builder().host("app:processes", 16).start();
 * Host host = node.host("app:processes");
 * Pid pid = host.spawn(proc -> "hello");
 * host.stop();   // CANCEL "scheduler shutdown" to all, wait the grace period, terminate the rest
 * }</pre>
 *
 * <p><b>Options:</b> {@code workers} defaults to the number of CPUs. Only runtime calls release the
 * permit: a process blocked in a JDK call ({@code Thread.sleep}, socket I/O) keeps it. A host with
 * at least as many workers as the {@link ProcessScheduler} has carriers keeps no permits at all:
 * the carriers already cap it (that saves two atomic operations per message wait).
 *
 * <p><b>Lifecycle:</b> a host runs from {@link Node.Builder#start()} until {@link #stop()}. Spawning
 * on a stopping host fails with UNAVAILABLE "host is shutting down", on a stopped one with
 * UNAVAILABLE "host is not running". {@link #stop(Duration)} sends CANCEL (reason
 * {@code "scheduler shutdown"}, from {@link Pid#ZERO}) to every process of the host, waits until they
 * all exited or the grace period elapsed, then terminates the rest (exit error "process terminated")
 * and waits for them briefly. A Java process stuck in a loop that never makes a runtime call cannot be
 * killed (see {@link Proc}); stop gives up on it after the wait.
 *
 * <p><b>Thread-safety:</b> all methods are thread-safe.
 */
public final class Host {
    /** How long {@link #stop} waits for terminated processes to unwind. */
    private static final long KILL_WAIT_NANOS = Duration.ofSeconds(5).toNanos();

    private enum State { RUNNING, STOPPING, STOPPED }

    // --- immutable ---
    private final Node node;
    private final String id;
    private final int workers;
    /** The run permits, or null when the scheduler's carriers cap the host anyway. */
    private final Semaphore permits;
    private final Object stopLock = new Object();

    // --- mutable ---
    private final AtomicInteger live = new AtomicInteger();
    private volatile State state = State.RUNNING;

    Host(Node node, String id, int workers) {
        this.node = node;
        this.id = id;
        this.workers = workers;
        this.permits = workers >= ProcessScheduler.maxRunning() ? null : new Semaphore(workers);
    }

    /** {@return the host id (the host part of its pids)} */
    public String id() {
        return id;
    }

    /** {@return how many of its processes may execute at once} */
    public int workers() {
        return workers;
    }

    /** {@return the number of live processes on this host} */
    public int processCount() {
        return live.get();
    }

    /** {@return whether the host accepts new processes} */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /** {@return the node} */
    public Node node() {
        return node;
    }

    /**
     * Spawns a process on this host (no monitor, no link).
     *
     * @param body the process body
     * @param args arguments, available as {@link Proc#args()}
     * @return the new pid
     * @throws IllegalArgumentException if {@code body} is null
     * @throws ProcessException UNAVAILABLE when the host is stopping or stopped
     */
    public Pid spawn(ProcessBody body, Object... args) {
        return node.spawn(this, null, null, body, args);
    }

    /**
     * Spawns a process on this host, watched from the start (see {@link Node#spawnWatched}).
     *
     * @param body the process body
     * @param args arguments
     * @return the pid and its future EXIT
     */
    public Node.Watched spawnWatched(ProcessBody body, Object... args) {
        return node.spawnWatched(this, body, args);
    }

    /** {@return a spawner targeting this host} */
    public Spawner spawner() {
        return new Spawner(node, null).on(this);
    }

    /** Stops the host with the node's shutdown grace period (default 10 s). */
    public void stop() {
        stop(node.shutdownTimeout());
    }

    /**
     * Stops the host: CANCEL to all, wait up to {@code grace}, terminate the rest.
     *
     * @param grace how long processes get to exit after the CANCEL
     * @throws IllegalArgumentException if {@code grace} is null or negative
     */
    public void stop(Duration grace) {
        long graceNanos = Router.nanos(grace, "grace", true);
        synchronized (stopLock) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPING;
            for (ProcessCell c : node.cells()) {
                if (c.host == this) {
                    c.push(Event.cancel(Pid.ZERO, "scheduler shutdown"));
                }
            }
            awaitEmpty(graceNanos);
            if (live.get() > 0) {
                for (ProcessCell c : node.cells()) {
                    if (c.host == this) {
                        c.kill(ProcessError.TERMINATED);
                    }
                }
                awaitEmpty(KILL_WAIT_NANOS);
            }
            state = State.STOPPED;
        }
    }

    private void awaitEmpty(long nanos) {
        long deadline = System.nanoTime() + nanos;
        synchronized (live) {
            long left;
            while (live.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    live.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // --- process lifecycle (package-private) ---

    void admit() {
        live.incrementAndGet();
        State s = state;
        if (s != State.RUNNING) {
            exited();
            throw new ProcessException(ErrorKind.UNAVAILABLE,
                    s == State.STOPPING ? "host is shutting down" : "host is not running");
        }
    }

    void exited() {
        if (live.decrementAndGet() == 0 && state != State.RUNNING) {
            synchronized (live) {
                live.notifyAll();
            }
        }
    }

    void acquire() throws InterruptedException {
        if (permits != null) {
            permits.acquire();
        }
    }

    void acquireUninterruptibly() {
        if (permits != null) {
            permits.acquireUninterruptibly();
        }
    }

    void release() {
        if (permits != null) {
            permits.release();
        }
    }

    @Override
    public String toString() {
        return "Host[" + id + ", workers=" + workers + ", processes=" + live.get() + ", " + state + "]";
    }
}
