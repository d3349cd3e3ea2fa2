package dev.trellis.core;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Trellis runtime instance: hosts, the process table, the name registry and the timer scheduler.
 * Also the API for code outside any process ({@code main}, tests): spawn, send, cancel, terminate,
 * register, watch an exit, run a process to completion.
 *
 * <pre>{@code
 * try (Node node = Node.builder().name("n1").host("app:processes", 4).start()) {
 *     Pid echo = node.spawn(proc -> {
 *         Message m = proc.inbox().receive();
 *         proc.send(m.from(), "echo", m.payload());
 *         return null;
 *     });
 *     Object reply = node.exec(proc -> {
 *         proc.send(echo, "ping", "hi");
 *         return proc.inbox().receive().payload();   // "hi"
 *     });
 * }
 * }</pre>
 *
 * <p><b>Options</b> ({@link Builder}): {@code name} — the node part of pids, default none (pids look
 * like {@code {host|0x00001}}); {@code host(id, workers)} — hosts, the first is the default host;
 * without any, one host {@code "main"} with one worker per CPU; {@code shutdownTimeout} — the grace
 * period of {@link #stop()}, default 10 s; {@code crashReporter} — where the failures that no
 * monitor, link or supervisor handles are reported ({@link CrashReport}), default
 * {@link CrashReporter#systemLogger()}.
 *
 * <p><b>Thread-safety:</b> all methods are thread-safe. Calls from outside a process send with
 * {@link Pid#ZERO} as the sender.
 */
public final class Node implements AutoCloseable {
    /** Default grace period of a host stop (Wippy: 10 s). */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    /** The leading words of a send or a control call to a dead pid (Wippy's; Lua code searches for "not found"). */
    private static final String NOT_FOUND = "process not found: ";

    static {
        JitPriming.prime();
    }

    // --- immutable ---
    private final String name;
    private final Map<String, Host> hosts;
    private final Host defaultHost;
    private final Duration shutdownTimeout;
    private final CrashReporter crashReporter;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Registry registry = new Registry(this);

    // --- concurrent ---
    private final ConcurrentHashMap<Pid, ProcessCell> table = new ConcurrentHashMap<>();
    private final AtomicLong uniq = new AtomicLong();

    private Node(Builder b) {
        this.name = b.name;
        this.shutdownTimeout = b.shutdownTimeout;
        this.crashReporter = b.crashReporter != null ? b.crashReporter : CrashReporter.systemLogger();
        Map<String, Host> hs = new LinkedHashMap<>();
        if (b.hosts.isEmpty()) {
            b.hosts.put("main", Runtime.getRuntime().availableProcessors());
        }
        b.hosts.forEach((id, workers) -> hs.put(id, new Host(this, id, workers)));
        this.hosts = Collections.unmodifiableMap(hs);
        this.defaultHost = hs.values().iterator().next();
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "trellis-timers" + (name.isEmpty() ? "" : "-" + name));
            t.setDaemon(true);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a started node with one host "main" (one worker per CPU) and default options} */
    public static Node start() {
        return builder().start();
    }

    /** Node options; see {@link Node}. */
    public static final class Builder {
        private String name = "";
        private final Map<String, Integer> hosts = new LinkedHashMap<>();
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private CrashReporter crashReporter;

        private Builder() {
        }

        /**
         * Sets the node name (pids become {@code {name@host|…}}). Default: none.
         *
         * @param name the name
         * @return this builder
         * @throws IllegalArgumentException if null or containing {@code { } | @}
         */
        public Builder name(String name) {
            new Pid(name, "h", 1); // validates
            this.name = name;
            return this;
        }

        /**
         * Adds a host with one worker per CPU.
         *
         * @param id the host id, e.g. {@code "app:processes"}
         * @return this builder
         */
        public Builder host(String id) {
            return host(id, Runtime.getRuntime().availableProcessors());
        }

        /**
         * Adds a host.
         *
         * @param id the host id
         * @param workers how many of its processes may run at once, >= 1
         * @return this builder
         * @throws IllegalArgumentException on a null/empty/duplicate id or workers < 1
         */
        public Builder host(String id, int workers) {
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException("host id must not be null or empty");
            }
            new Pid("", id, 1); // validates the characters
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
            if (hosts.putIfAbsent(id, workers) != null) {
                throw new IllegalArgumentException("duplicate host id: " + id);
            }
            return this;
        }

        /**
         * Sets the grace period of {@link Node#stop()} and {@link Host#stop()}. Default 10 s.
         *
         * @param timeout the grace period, >= 0
         * @return this builder
         */
        public Builder shutdownTimeout(Duration timeout) {
            Router.nanos(timeout, "shutdownTimeout", true);
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * Sets where unhandled process failures are reported. Default:
         * {@link CrashReporter#systemLogger()}; {@link CrashReporter#none()} turns reports off.
         *
         * @param reporter the reporter
         * @return this builder
         */
        public Builder crashReporter(CrashReporter reporter) {
            this.crashReporter = java.util.Objects.requireNonNull(reporter, "reporter");
            return this;
        }

        /** {@return the started node} */
        public Node start() {
            return new Node(this);
        }
    }

    // ============================================================================================
    // Accessors
    // ============================================================================================

    /** {@return where unhandled process failures go} */
    CrashReporter crashReporter() {
        return crashReporter;
    }

    /** {@return the node name, {@code ""} if none} */
    public String name() {
        return name;
    }

    /**
     * {@return the host with this id}
     *
     * @param id the host id
     * @throws ProcessException NOT_FOUND "host not found: {host}"
     */
    public Host host(String id) {
        if (id == null) {
            throw new IllegalArgumentException("host id must not be null");
        }
        Host h = hosts.get(id);
        if (h == null) {
            throw new ProcessException(ErrorKind.NOT_FOUND, "host not found: " + id);
        }
        return h;
    }

    /** {@return the default host (the first declared)} */
    public Host defaultHost() {
        return defaultHost;
    }

    /** {@return all hosts, in declaration order} */
    public Collection<Host> hosts() {
        return hosts.values();
    }

    /** {@return the name registry} */
    public Registry registry() {
        return registry;
    }

    /** {@return the grace period of {@link #stop()}} */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** {@return the number of live processes on the node} */
    public int processCount() {
        return table.size();
    }

    /**
     * {@return whether {@code pid} is a live process of this node}
     *
     * @param pid the pid
     */
    public boolean isAlive(Pid pid) {
        return pid != null && cell(pid) != null;
    }

    // ============================================================================================
    // Operations from outside any process
    // ============================================================================================

    /**
     * Spawns a process on the default host.
     *
     * @param body the process body
     * @param args arguments ({@link Proc#args()})
     * @return the pid
     * @throws IllegalArgumentException if {@code body} is null
     * @throws ProcessException UNAVAILABLE when the host is stopping or stopped
     */
    public Pid spawn(ProcessBody body, Object... args) {
        return spawn(defaultHost, null, null, body, args);
    }

    /**
     * Spawns a process on the default host, watched from the start: the returned future completes
     * with its EXIT even if it ends at once (no race with {@link #watch}).
     *
     * @param body the process body
     * @param args arguments
     * @return the pid and its future EXIT
     */
    public Watched spawnWatched(ProcessBody body, Object... args) {
        return spawnWatched(defaultHost, body, args);
    }

    Watched spawnWatched(Host host, ProcessBody body, Object[] args) {
        ExitWatch w = new ExitWatch();
        Pid pid = spawn(host, w, null, body, args);
        return new Watched(pid, w);
    }

    /**
     * A process spawned from outside any process together with its future EXIT event.
     *
     * @param pid the process
     * @param exit completes with its EXIT event
     */
    public record Watched(Pid pid, CompletableFuture<Event> exit) {
    }

    /** {@return a spawner (no calling process: no monitored/linked spawns)} */
    public Spawner spawner() {
        return new Spawner(this, null);
    }

    /**
     * Sends a message with sender {@link Pid#ZERO}.
     *
     * @param to the receiver
     * @param topic the topic; must not start with {@code @}
     * @param payloads the payloads (by reference: send immutable values)
     * @throws IllegalArgumentException if {@code to} or {@code topic} is null
     * @throws ProcessException NOT_FOUND "process not found: {pid}"; INVALID "cannot send to @ topics"
     */
    public void send(Pid to, String topic, Object... payloads) {
        send(Pid.ZERO, to, topic, payloads);
    }

    /**
     * Sends a message to a pid string or a registered name, with sender {@link Pid#ZERO}.
     *
     * @param destination a pid string or a registered name
     * @param topic the topic
     * @param payloads the payloads
     * @throws ProcessException NOT_FOUND "could not resolve '…' as PID or registered name"
     */
    public void send(String destination, String topic, Object... payloads) {
        send(Pid.ZERO, resolve(destination), topic, payloads);
    }

    /**
     * Resolves a destination: a pid string, else a registered name.
     *
     * @param destination the destination
     * @return the pid
     * @throws IllegalArgumentException if {@code destination} is null
     * @throws ProcessException NOT_FOUND "could not resolve '<x>' as PID or registered name"
     */
    public Pid resolve(String destination) {
        Pid parsed = parsePid(destination);
        return parsed != null ? parsed : resolveName(destination);
    }

    /** {@link #resolve} for a destination known not to be a pid text. */
    Pid resolveName(String destination) {
        if (destination == null) {
            throw new IllegalArgumentException("destination must not be null");
        }
        Pid pid = registry.whereis(destination);
        if (pid == null) {
            throw new ProcessException(ErrorKind.NOT_FOUND,
                    "could not resolve '" + destination + "' as PID or registered name");
        }
        return pid;
    }

    /** {@return the pid {@code text} spells, or null if it is not a pid text (it may be a name)} */
    static Pid parsePid(String text) {
        if (text == null || !text.startsWith("{")) {
            return null;
        }
        try {
            return Pid.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Kills a process at once: it unwinds at its next runtime call (or at once if blocked in one);
     * monitors get EXIT with error "process terminated", links get LINK_DOWN, its names are freed.
     *
     * @param pid the process
     * @throws ProcessException NOT_FOUND "process not found: {pid}"
     */
    public void terminate(Pid pid) {
        require(pid).kill(ProcessError.TERMINATED);
    }

    /**
     * Sends CANCEL (reason {@code ""}) from {@link Pid#ZERO}.
     *
     * @param pid the process
     * @throws ProcessException NOT_FOUND "process not found: {pid}"
     */
    public void cancel(Pid pid) {
        cancel(Pid.ZERO, pid, null, "");
    }

    /**
     * Sends CANCEL with a reason from {@link Pid#ZERO}; never kills.
     *
     * @param pid the process
     * @param reason the reason (null: {@code ""})
     * @throws ProcessException NOT_FOUND "process not found: {pid}"
     */
    public void cancel(Pid pid, String reason) {
        cancel(Pid.ZERO, pid, null, reason);
    }

    /**
     * Sends CANCEL; if the process is still alive after {@code timeout}, terminates it.
     *
     * @param pid the process
     * @param timeout grace period before the forced kill (null: never force)
     * @param reason the reason carried by the event (null: {@code ""})
     * @throws ProcessException NOT_FOUND "process not found: {pid}"
     */
    public void cancel(Pid pid, Duration timeout, String reason) {
        cancel(Pid.ZERO, pid, timeout, reason);
    }

    /**
     * Watches a process from outside: the future completes with its EXIT event.
     *
     * @param pid the process
     * @return the future EXIT
     * @throws ProcessException NOT_FOUND "pid not registered: {pid}" if it is not alive
     */
    public CompletableFuture<Event> watch(Pid pid) {
        Pid.requireNonNull(pid);
        ProcessCell c = cell(pid);
        if (c == null) {
            throw new ProcessException(ErrorKind.NOT_FOUND, Monitors.notRegistered(pid));
        }
        ExitWatch w = new ExitWatch();
        Monitors.add(c, w);
        return w;
    }

    /**
     * Spawns a process on the default host and waits for it to end (Wippy's {@code process.exec}).
     * Meant for code outside processes: a process calling it blocks while holding its host permit
     * (inside a process, use {@link Proc#spawnMonitored} and {@link Proc#events()}).
     *
     * @param body the process body
     * @param args arguments
     * @return its result value
     * @throws ProcessException the process's exit error, if it failed
     */
    public Object exec(ProcessBody body, Object... args) {
        ExitWatch w = new ExitWatch();
        spawn(defaultHost, w, null, body, args);
        Event exit;
        try {
            exit = w.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessException(ErrorKind.INTERNAL, "interrupted while waiting for the process");
        } catch (ExecutionException e) {
            throw new ProcessException(ErrorKind.INTERNAL, String.valueOf(e.getCause()));
        }
        if (exit.isError()) {
            throw exit.result().error().toException();
        }
        return exit.value();
    }

    /**
     * Registers a name (see {@link Registry#register}).
     *
     * @param name the name
     * @param pid the process
     */
    public void register(String name, Pid pid) {
        registry.register(name, pid);
    }

    /**
     * Looks a name up (see {@link Registry#lookup}).
     *
     * @param name the name
     * @return the pid
     */
    public Pid lookup(String name) {
        return registry.lookup(name);
    }

    /**
     * Removes a name (see {@link Registry#unregister}).
     *
     * @param name the name
     * @return true if it was registered
     */
    public boolean unregister(String name) {
        return registry.unregister(name);
    }

    /** Stops every host (see {@link Host#stop()}) with the configured grace period, then the timers. */
    public void stop() {
        stop(shutdownTimeout);
    }

    /**
     * Stops every host concurrently with the given grace period, then the timer thread.
     *
     * @param grace the grace period
     */
    public void stop(Duration grace) {
        Router.nanos(grace, "grace", true);
        if (hosts.size() == 1) {
            defaultHost.stop(grace);
        } else {
            CompletableFuture<?>[] all = hosts.values().stream()
                    .map(h -> CompletableFuture.runAsync(() -> h.stop(grace), Thread::startVirtualThread))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(all).join();
        }
        scheduler.shutdownNow();
        try {
            crashReporter.flush();
        } catch (RuntimeException ignored) {
            // a reporter's failure must not fail the stop
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "Node[" + (name.isEmpty() ? "-" : name) + ", hosts=" + hosts.keySet() + ", processes=" + table.size() + "]";
    }

    // ============================================================================================
    // Shared implementation (Proc and Node)
    // ============================================================================================

    Pid spawn(Host host, Watcher monitorBy, ProcessCell linkTo, ProcessBody body, Object[] args) {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        host.admit();
        ProcessCell cell;
        try {
            Pid pid = new Pid(name, host.id(), uniq.incrementAndGet());
            cell = new ProcessCell(host, pid, body, args);
            if (monitorBy != null) {
                Monitors.add(cell, monitorBy);
            }
            if (linkTo != null) {
                Links.link(linkTo, cell);
            }
            table.put(pid, cell);
        } catch (RuntimeException | Error e) {
            host.exited();
            throw e;
        }
        try {
            cell.thread.start();
        } catch (RuntimeException | Error e) {
            cell.exit(new ProcessCell.Thrown(e));
            throw new ProcessException(ErrorKind.INTERNAL, "failed to create process");
        }
        return cell.pid;
    }

    void send(Pid from, Pid to, String topic, Object[] payloads) {
        checkTopic(topic);
        require(to).push(new Message(from, topic, payloads));
    }

    static void checkTopic(String topic) {
        if (topic == null) {
            throw new IllegalArgumentException("topic must not be null");
        }
        if (topic.startsWith("@")) {
            throw new ProcessException(ErrorKind.INVALID, "cannot send to @ topics");
        }
    }

    void cancel(Pid from, Pid pid, Duration timeout, String reason) {
        long nanos = timeout == null ? -1 : Router.nanos(timeout, "timeout", true);
        ProcessCell c = require(pid);
        c.push(Event.cancel(from, reason == null ? "" : reason));
        if (nanos >= 0) {
            scheduler.schedule(() -> {
                ProcessCell alive = cell(pid);
                if (alive != null) {
                    alive.kill(ProcessError.TERMINATED);
                }
            }, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** {@return the live cell of {@code pid}, or null} */
    ProcessCell cell(Pid pid) {
        return table.get(pid);
    }

    /** {@return the live cell of {@code pid}} @throws ProcessException NOT_FOUND */
    ProcessCell require(Pid pid) {
        Pid.requireNonNull(pid);
        ProcessCell c = cell(pid);
        if (c == null) {
            if (pid.node().equals(name) && !pid.isZero() && !hosts.containsKey(pid.host())) {
                throw new ProcessException(ErrorKind.NOT_FOUND, "host not found: " + pid.host() + " (of " + pid + ")");
            }
            throw new ProcessException(ErrorKind.NOT_FOUND, NOT_FOUND + pid);
        }
        return c;
    }

    void remove(ProcessCell cell) {
        table.remove(cell.pid, cell);
    }

    Collection<ProcessCell> cells() {
        return table.values();
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }
}
