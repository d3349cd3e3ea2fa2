package dev.trellis.core.scheduler;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler of every process's virtual thread: a fork-join pool of carrier threads in which a
 * process woken by another process runs next on the waker's carrier, once the waker parks.
 *
 * <pre>{@code
 * ThreadFactory processes = ProcessScheduler.processThreads();   // what the core spawns with
 * Thread t = processes.newThread(body);                            // an unstarted virtual thread
 * ProcessScheduler.describe();   // "hand-off (2 carriers)" or "jdk (...why...)"
 * }</pre>
 *
 * <p><b>Why.</b> With the JDK's default scheduler, a process that sends a request and waits wakes
 * the receiver into its carrier's queue and signals an idle carrier, which the OS must wake; the
 * receiver then runs there, and the reply wakes the first carrier again. Two OS wake-ups per round
 * trip made ping-pong about 3× and a ring about 6× slower than Erlang on two cores, while one carrier
 * ({@code -Djdk.virtualThreadScheduler.parallelism=1}) matched Erlang. Here the wake-up goes into the
 * waker's <em>run-next</em> slot instead (as in Go's scheduler): no queue, no signal; when the waker
 * parks, its carrier runs the woken process at once. A second wake-up in the same run moves the
 * previous one to the pool's queue, where other carriers take it, so fan-out still spreads over
 * every carrier. A {@link RunNextGuard} queues a task left too long in a slot (its waker kept
 * computing), and after {@code budget} hand-offs in a row a carrier lets queued work, if any, go
 * first.
 *
 * <p><b>Requirements.</b> The JDK has no public API for a virtual-thread scheduler. Trellis reaches
 * the JDK's own constructor for it, which needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}
 * on the JVM's command line (the {@code trellis} launcher, the tests and the benchmarks pass it).
 * Without it, or with {@code -Dtrellis.scheduler=jdk}, processes run on the JDK's default scheduler:
 * everything works, only the hand-off is lost. Blocking file I/O in a process occupies its carrier
 * for the call (the JDK's default scheduler would add a carrier meanwhile).
 *
 * <p><b>Settings</b> (system properties, read once): {@code trellis.scheduler} = {@code handoff}
 * (default) or {@code jdk}; {@code trellis.scheduler.parallelism} (default: the CPU count);
 * {@code trellis.scheduler.guardMicros} (default {@value #DEFAULT_GUARD_MICROS}).
 *
 * <p><b>Thread-safety:</b> {@link #execute} may be called from any thread. A task passed to it is
 * run exactly once (see the invariants of {@link Carrier} and {@link RunNextGuard}).
 */
public final class ProcessScheduler implements Executor, AutoCloseable {
    /** How often the guard looks at the run-next slots, in µs. */
    static final int DEFAULT_GUARD_MICROS = 500;
    /** Hand-offs in a row on one carrier before the next one is queued. */
    static final int DEFAULT_BUDGET = 64;

    private static final MethodHandle CURRENT_CARRIER;
    private static final MethodHandle NEW_BUILDER;
    private static final String UNAVAILABLE;

    static {
        MethodHandle carrier = null;
        MethodHandle builder = null;
        String unavailable = null;
        try {
            MethodHandles.Lookup threads = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
            carrier = threads.findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
            Class<?> builderClass = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            builder = MethodHandles.privateLookupIn(builderClass, MethodHandles.lookup())
                    .findConstructor(builderClass, MethodType.methodType(void.class, Executor.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = "the JVM lacks --add-opens java.base/java.lang=ALL-UNNAMED ("
                    + e.getClass().getSimpleName() + ")";
        }
        CURRENT_CARRIER = carrier;
        NEW_BUILDER = builder;
        UNAVAILABLE = unavailable;
    }

    private final CarrierPool pool;
    private final List<Carrier> carriers = new CopyOnWriteArrayList<>();
    private final RunNextGuard guard;
    /** Hand-offs in a row on one carrier before queued work, if any waits, gets a turn. */
    final int budget;
    private final int parallelism;

    /**
     * Creates a scheduler with its own carriers. The core uses one shared instance
     * ({@link #processThreads()}); tests make their own to choose the guard's period.
     *
     * @param parallelism how many carriers run at once
     * @param guardPeriod how often the guard looks at the run-next slots
     * @param budget hand-offs in a row on one carrier before queued work, if any, gets a turn (at least 1)
     * @throws IllegalArgumentException if an argument is out of range
     * @throws UnsupportedOperationException if the JVM does not open java.lang (see above)
     */
    public ProcessScheduler(int parallelism, Duration guardPeriod, int budget) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        if (guardPeriod == null || guardPeriod.isNegative() || guardPeriod.isZero()) {
            throw new IllegalArgumentException("guardPeriod must be positive, got " + guardPeriod);
        }
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1, got " + budget);
        }
        if (UNAVAILABLE != null) {
            throw new UnsupportedOperationException("hand-off scheduler unavailable: " + UNAVAILABLE);
        }
        this.parallelism = parallelism;
        this.budget = budget;
        this.pool = new CarrierPool(parallelism, p -> {
            Carrier c = new Carrier(p, this);
            c.setName("trellis-carrier-" + c.getPoolIndex());
            return c;
        });
        this.guard = new RunNextGuard(this, guardPeriod.toNanos());
        guard.start();
    }

    /**
     * {@return a factory of unstarted virtual threads scheduled by this scheduler}
     */
    public ThreadFactory threadFactory() {
        try {
            return ((Thread.Builder.OfVirtual) NEW_BUILDER.invoke((Executor) this)).factory();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create virtual threads on the hand-off scheduler", e);
        }
    }

    /**
     * {@return the factory the core creates process threads with} The shared hand-off scheduler's,
     * or the JDK's default virtual threads when it is unavailable or turned off.
     */
    public static ThreadFactory processThreads() {
        return Shared.FACTORY;
    }

    /** {@return which scheduler runs processes, for logs and benchmark reports} */
    public static String describe() {
        return Shared.DESCRIPTION;
    }

    /**
     * {@return at most how many process threads run at once} The shared scheduler's parallelism,
     * or {@code Integer.MAX_VALUE} on the JDK's scheduler (which may add carriers while others block).
     */
    public static int maxRunning() {
        return Shared.INSTANCE != null ? Shared.INSTANCE.parallelism : Integer.MAX_VALUE;
    }

    /** {@return whether processes run on the hand-off scheduler} */
    public static boolean handOffActive() {
        return Shared.INSTANCE != null;
    }

    /**
     * Schedules a virtual thread's continuation (called by the JDK). From a carrier of this
     * scheduler, the task goes to the carrier's run-next slot, unless it is the task running now
     * (a yield, which queues it behind the others: {@link #requeue}); from anywhere else, to the
     * pool's queue.
     */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (currentCarrier() instanceof Carrier c && c.scheduler == this) {
            if (task == c.current) {
                requeue(task);
                return;
            }
            Runnable displaced = c.offerRunNext(task);
            if (displaced != null) {
                submit(displaced);
            } else {
                guard.wakeIfSleeping();
            }
            return;
        }
        submit(task);
    }

    /** Queues a task to the pool (a carrier's local queue when called on one). */
    void submit(Runnable task) {
        pool.execute(new CarrierTask(task));
    }

    /**
     * Queues, on a carrier, a task that has just run (a yield, or the next task of a chain that used
     * up its budget) behind one task submitted from outside, if any waits. A fork-join worker runs
     * its local queue to the end and then keeps taking from the submission queue it last took
     * from, so a task that keeps yielding would starve the others for ever on one carrier (the
     * JDK's own scheduler does, with {@code -Djdk.virtualThreadScheduler.parallelism=1}); moving
     * one waiting submission ahead of it at every yield bounds that wait.
     */
    void requeue(Runnable task) {
        ForkJoinTask<?> waiting = pool.takeSubmission();
        if (waiting != null) {
            pool.execute(waiting);
        }
        pool.execute(new CarrierTask(task));
    }

    /**
     * Stops the guard and shuts the carriers down once their queued tasks are done. For schedulers
     * made with the constructor; the shared one lives as long as the JVM.
     */
    @Override
    public void close() {
        guard.stop();
        pool.shutdown();
    }

    /** {@return whether tasks wait in this carrier's queue or the pool's submission queues} On a carrier. */
    boolean hasQueuedWork() {
        return ForkJoinTask.getQueuedTaskCount() > 0 || pool.hasQueuedSubmissions();
    }

    List<Carrier> carriers() {
        return carriers;
    }

    void started(Carrier c) {
        carriers.add(c);
    }

    void terminated(Carrier c) {
        carriers.remove(c);
    }

    /** {@return the carrier thread the caller runs on (itself, if it is a platform thread)} */
    static Thread currentCarrier() {
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        return "ProcessScheduler[parallelism=" + parallelism + ", carriers=" + carriers.size() + "]";
    }

    /** The pool, with access to its submission queue for {@link #requeue}. */
    private static final class CarrierPool extends ForkJoinPool {
        CarrierPool(int parallelism, ForkJoinWorkerThreadFactory factory) {
            // No compensating carriers (maximum = parallelism; saturate: carry on without one): at
            // most `parallelism` process threads ever run at once, which lets a host with at least
            // that many workers skip its run permits (Host).
            super(parallelism, factory, null, true, 0, parallelism, 1, pool -> true, 30, TimeUnit.SECONDS);
        }

        ForkJoinTask<?> takeSubmission() {
            return pollSubmission();
        }
    }

    /** The shared instance, created on first use. */
    private static final class Shared {
        static final ProcessScheduler INSTANCE;
        static final ThreadFactory FACTORY;
        static final String DESCRIPTION;

        static {
            String mode = System.getProperty("trellis.scheduler", "handoff");
            ProcessScheduler instance = null;
            String description;
            if (mode.equals("jdk")) {
                description = "jdk (-Dtrellis.scheduler=jdk)";
            } else if (!mode.equals("handoff")) {
                throw new IllegalArgumentException(
                        "trellis.scheduler must be 'handoff' or 'jdk', got '" + mode + "'");
            } else if (UNAVAILABLE != null) {
                description = "jdk (hand-off unavailable: " + UNAVAILABLE + ")";
            } else {
                int parallelism = intProperty("trellis.scheduler.parallelism",
                        Runtime.getRuntime().availableProcessors());
                int guardMicros = intProperty("trellis.scheduler.guardMicros", DEFAULT_GUARD_MICROS);
                instance = new ProcessScheduler(parallelism, Duration.ofNanos(guardMicros * 1000L), DEFAULT_BUDGET);
                description = "hand-off (" + parallelism + " carriers)";
            }
            INSTANCE = instance;
            FACTORY = instance != null ? instance.threadFactory() : Thread.ofVirtual().factory();
            DESCRIPTION = description;
        }

        private static int intProperty(String name, int defaultValue) {
            String value = System.getProperty(name);
            if (value == null) {
                return defaultValue;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'", e);
            }
        }
    }
}
