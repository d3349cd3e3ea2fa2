package dev.trellis.runtime.boot;

import dev.trellis.core.Event;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessException;
import dev.trellis.core.supervision.StartResult;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaValues;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.GoDuration;
import dev.trellis.runtime.entry.Lifecycle;
import dev.trellis.runtime.entry.LifecycleEntry;
import dev.trellis.runtime.entry.LuaFunction;
import dev.trellis.runtime.entry.LuaProcess;
import dev.trellis.runtime.entry.LuaService;
import dev.trellis.runtime.entry.ProcessHost;
import dev.trellis.runtime.entry.SourceCheck;
import dev.trellis.runtime.entry.SupervisionEntry;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProgram;
import dev.trellis.runtime.lua.LuaRuntime;
import dev.trellis.runtime.lua.LuaSourceCheck;
import dev.trellis.core.ProcessBody;
import dev.trellis.runtime.lua.LuaStart;
import dev.trellis.runtime.lua.Payloads;
import dev.trellis.runtime.lua.modules.EntrySecurityContexts;
import dev.trellis.runtime.lua.modules.BuiltInModules;
import dev.trellis.runtime.lua.supervision.LuaSupervision;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link ApplicationBoot} of Trellis: boots an app's hosts on a core {@link Node}, starts its
 * auto-start entries in dependency order, and runs, execs or tests it.
 *
 * <pre>{@code
 * LuaBoot boot = new LuaBoot(System.out);
 * Application app = new ApplicationLoader(boot.sourceCheck()).load(dir);
 * int exit = boot.test(app, app.tests(), output);    // one line per test, then "N passed, N failed"
 * }</pre>
 *
 * <ul>
 *   <li>Hosts: one core host per {@code process.host} entry (its {@code workers}), plus the control
 *       host {@code node:control} ({@link ProcessHost#CONTROL_HOST}) for watchers and service supervisors.</li>
 *   <li>Start, in {@link Application#startOrder()}: an auto-start {@code process.lua} is spawned once
 *       on its host; a {@code process.service} gets a {@link ServiceSupervisor}.</li>
 *   <li>Stop, in {@link Application#stopOrder()}: each service is cancelled and given its
 *       {@code stop_timeout}; then the node stops (CANCEL {@code "scheduler shutdown"} to every
 *       process, a grace period, then terminate).</li>
 * </ul>
 *
 * <p>Thread-safety: each call boots its own node; one instance may serve several calls in turn.
 */
public final class LuaBoot implements ApplicationBoot {

    /** The grace period after the tests: what still runs gets CANCEL, then is terminated. */
    static final Duration TEST_SHUTDOWN_GRACE = Duration.ofSeconds(1);

    /** Where service notes go below {@code --log-level warn}. */
    private static final PrintStream NO_NOTES = new PrintStream(java.io.OutputStream.nullOutputStream());

    private final PrintStream log;

    /** A boot whose processes {@code print} to {@code log}. */
    public LuaBoot(PrintStream log) {
        this.log = log;
    }

    @Override
    public SourceCheck sourceCheck() {
        return new LuaSourceCheck(BuiltInModules.standard().listableNames());
    }

    // ============================================================================================
    // run / exec / test
    // ============================================================================================

    @Override
    public int run(Application app, Output output) {
        try (StopSignals signals = StopSignals.install()) {
            Booted b;
            try {
                b = boot(app, Node.DEFAULT_SHUTDOWN_TIMEOUT, log, output);
            } catch (BootFailure e) {
                return ExitCode.FAILED;
            }
            output.out().println("trellis: running " + app.root() + " (Ctrl-C to stop)");
            output.out().flush();
            String signal;
            try {
                CompletableFuture.anyOf(signals.received(), b.failure).get();
                signal = b.failure.isDone() ? "a top-level supervisor exited" : signals.received().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                signal = "interrupt";
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            }
            output.out().println("trellis: stopping (" + signal + (b.failure.isDone() ? ")" : "; Ctrl-C again to exit at once)"));
            output.out().flush();
            b.stop();
            output.out().println("trellis: stopped");
            output.out().flush();
            if (b.failure.isDone()) {
                return ExitCode.FAILED;
            }
        }
        return ExitCode.OK;
    }

    @Override
    public int exec(Application app, EntryId entry, List<String> args, Duration timeout, Output output) {
        Booted b;
        try {
            b = boot(app, Node.DEFAULT_SHUTDOWN_TIMEOUT, log, output);
        } catch (BootFailure e) {
            return ExitCode.FAILED;
        }
        try {
            LuaProcess process = app.entry(entry, LuaProcess.class).orElseThrow();
            String host = process.host().map(EntryId::toString).orElse(b.defaultHost);
            Node.Watched w = b.node.host(host).spawnWatched(b.runtime.program(entry), Payloads.fromJavaAll(args));
            Ended ended = awaitExit(b, w, timeout, null);
            Event exit = ended.exit();
            if (exit == null) {
                output.err().println("trellis: " + entry + " timed out after " + GoDuration.format(timeout)
                        + " (--timeout) and was terminated" + ended.where());
                return ExitCode.FAILED;
            }
            if (exit.isError()) {
                output.err().println("trellis: " + entry + " failed: " + exit.error());
                return ExitCode.FAILED;
            }
            if (exit.value() != null) {
                output.out().println(display(exit.value()));
            }
            return ExitCode.OK;
        } catch (ProcessException e) {
            output.err().println("trellis: cannot start " + entry + ": " + e.getMessage());
            return ExitCode.FAILED;
        } finally {
            output.out().flush();
            b.stop();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The tests share one boot of the app (its hosts, auto-started processes and services run
     * beside them, and state carries from one test to the next), except a test whose entry sets
     * {@code meta.isolated: true}: it gets a boot of its own, stopped after it. What processes
     * print is indented with {@code "  | "} so that it stands apart from the PASS/FAIL lines.
     */
    @Override
    public int test(Application app, List<LuaFunction> tests, Duration timeout, Output output) {
        PrintStream labelled = new PrintStream(new LinePrefixStream(log, "  | "), true);
        try (StopSignals signals = StopSignals.install()) {
            Booted shared;
            try {
                shared = boot(app, TEST_SHUTDOWN_GRACE, labelled, output);
            } catch (BootFailure e) {
                return ExitCode.FAILED;
            }
            int passed = 0;
            int failed = 0;
            int notRun = 0;
            try {
                for (LuaFunction test : tests) {
                    if (signals.received().isDone()) {
                        notRun++;
                        continue;
                    }
                    Duration limit = test.meta().timeout().orElse(timeout);
                    String failure;
                    if (test.meta().isolated()) {
                        Booted own;
                        try {
                            own = boot(app, TEST_SHUTDOWN_GRACE, labelled, output);
                        } catch (BootFailure e) {
                            own = null;
                        }
                        try {
                            failure = own == null ? "the app did not boot for this isolated test" : runTest(own, test, limit, signals);
                        } finally {
                            if (own != null) {
                                own.stop();
                            }
                        }
                    } else {
                        failure = runTest(shared, test, limit, signals);
                    }
                    if (failure == null) {
                        passed++;
                        output.out().println("PASS " + test.id());
                    } else {
                        failed++;
                        output.out().println("FAIL " + test.id() + ": " + failure);
                    }
                    output.out().flush();
                }
            } finally {
                shared.stop();
            }
            if (notRun > 0) {
                output.out().println("interrupted by " + signals.received().join() + ": " + notRun
                        + (notRun == 1 ? " test" : " tests") + " not run");
            }
            output.out().println(passed + " passed, " + failed + " failed");
            output.out().flush();
            return failed == 0 && notRun == 0 ? ExitCode.OK : ExitCode.FAILED;
        }
    }

    /** {@return null when the test passed, else why it failed} */
    private static String runTest(Booted b, LuaFunction test, Duration timeout, StopSignals signals) {
        Node.Watched w;
        try {
            w = b.node.host(b.defaultHost).spawnWatched(b.runtime.program(test.id()));
        } catch (ProcessException e) {
            return "cannot start: " + e.getMessage();
        }
        Ended ended = awaitExit(b, w, timeout, signals);
        Event exit = ended.exit();
        if (exit == null) {
            return (signals.received().isDone()
                    ? "interrupted by " + signals.received().join()
                    : "timed out after " + GoDuration.format(timeout) + " (set meta.timeout or --timeout to allow more)")
                    + ended.where();
        }
        if (exit.isError()) {
            return exit.error();
        }
        if (Boolean.FALSE.equals(exit.value())) {
            return "returned false";
        }
        return null;
    }

    /**
     * Waits for the EXIT of {@code w} for at most {@code timeout} (null: no limit), or until a stop
     * signal arrives (when {@code signals} is given); then terminates the process and waits for its
     * exit, so that nothing of it runs on.
     *
     * @return the EXIT, or (null and where the process was) when the wait timed out or was interrupted
     */
    private static Ended awaitExit(Booted b, Node.Watched w, Duration timeout, StopSignals signals) {
        CompletableFuture<?> done = signals == null ? w.exit() : CompletableFuture.anyOf(w.exit(), signals.received());
        try {
            if (timeout == null) {
                done.get();
            } else {
                done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            // fall through: terminate it below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a watch future failed", e);
        }
        if (w.exit().isDone()) {
            return new Ended(w.exit().join(), null);
        }
        CompletableFuture<String> where = b.runtime.killSnapshots().expect(w.pid());
        try {
            b.node.terminate(w.pid());
        } catch (ProcessException gone) {
            // it ended meanwhile
        }
        w.exit().join();
        b.runtime.killSnapshots().forget(w.pid());
        return new Ended(null, where.getNow(null));
    }

    /**
     * How a watched run ended: its EXIT, or null when it was terminated after a timeout or a stop
     * signal, with what it was doing then ({@link dev.trellis.runtime.lua.KillSnapshots}), if known.
     */
    private record Ended(Event exit, String snapshot) {
        /** {@return "; it was waiting: …" as a continuation of a one-line failure, or ""} */
        String where() {
            return snapshot == null ? "" : "; it was " + snapshot.replace("\n", "\n    ");
        }
    }

    // ============================================================================================
    // Boot and stop
    // ============================================================================================

    /** A boot that failed; the reason was printed. */
    private static final class BootFailure extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** A booted app: its node, runtime, and what was started, for stopping in reverse. */
    private final class Booted {
        final Node node;
        final LuaRuntime runtime;
        final String defaultHost;
        final Map<EntryId, Node.Watched> services = new LinkedHashMap<>();
        final Application app;

        Booted(Application app, Node node, LuaRuntime runtime, String defaultHost) {
            this.app = app;
            this.node = node;
            this.runtime = runtime;
            this.defaultHost = defaultHost;
        }

        /** Top-level supervisors by entry: stopped in reverse start order, like services. */
        final Map<EntryId, Node.Watched> supervisors = new LinkedHashMap<>();
        /** Completed with a message when a top-level supervisor exits by itself: the app has failed. */
        final CompletableFuture<String> failure = new CompletableFuture<>();
        private volatile boolean stopping;

        void stop() {
            stopping = true;
            for (LifecycleEntry e : app.stopOrder()) {
                Node.Watched sup = services.get(e.id());
                if (sup == null) {
                    sup = supervisors.get(e.id());
                }
                if (sup != null) {
                    stopService(e.lifecycle(), sup);
                }
            }
            node.stop();
        }

        /**
         * Starts a top-level supervisor entry and watches it: if it exits while the app is not
         * stopping (its restart intensity was exceeded, or a significant child ended it), the app
         * has failed, and {@link #failure} says which supervisor and why.
         */
        void startSupervisor(SupervisionEntry entry, Output output) {
            StartResult r = new LuaSupervision(runtime).start(null, entry);
            if (!(r instanceof StartResult.Started started)) {
                throw new ProcessException(dev.trellis.core.ErrorKind.INTERNAL, "its supervisor did not start: " + r);
            }
            Pid pid = started.pid();
            CompletableFuture<Event> exit = node.watch(pid);
            supervisors.put(entry.id(), new Node.Watched(pid, exit));
            exit.thenAccept(e -> {
                if (stopping) {
                    return;
                }
                String why = "trellis: supervisor " + entry.id() + " (" + pid + ") exited: "
                        + (e.isError() ? e.error() : "normally");
                output.err().println(why);
                output.err().flush();
                failure.complete(why);
            });
        }

        private void stopService(Lifecycle lc, Node.Watched sup) {
            try {
                node.cancel(sup.pid(), "service stopping");
                sup.exit().get(lc.stopTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (ProcessException gone) {
                // already ended
            } catch (Exception e) {
                log.println("trellis: service did not stop in time: " + e);
            }
        }
    }

    private Booted boot(Application app, Duration grace, PrintStream processLog, Output output) throws BootFailure {
        Node.Builder builder = Node.builder().shutdownTimeout(grace).crashReporter(CrashReports.to(output));
        List<ProcessHost> hosts = app.entriesOf(ProcessHost.class);
        for (ProcessHost h : hosts) {
            builder.host(h.id().toString(), h.workers());
        }
        builder.host(ProcessHost.CONTROL_HOST.toString(), 1024);
        Node node = builder.start();
        String defaultHost = hosts.isEmpty() ? ProcessHost.CONTROL_HOST.toString() : hosts.getFirst().id().toString();
        LuaRuntime runtime = new LuaRuntime(app, node, processLog, BuiltInModules.standard());
        Booted b = new Booted(app, node, runtime, defaultHost);
        for (LifecycleEntry e : app.startOrder()) {
            try {
                switch (e) {
                    case ProcessHost h -> { }
                    case LuaProcess p -> {
                        String host = p.host().map(EntryId::toString).orElse(defaultHost);
                        LuaProgram program = runtime.program(p.id());
                        node.spawner().on(host).spawn(p.lifecycle().security()
                                .<ProcessBody>map(sec -> new LuaStart(program, EntrySecurityContexts.of(runtime, sec), null))
                                .orElse(program));
                    }
                    case SupervisionEntry sup -> b.startSupervisor(sup, output);
                    case LuaService s -> {
                        LuaProgram program = runtime.program(s.process());
                        if (program == null) {
                            throw new ProcessException(dev.trellis.core.ErrorKind.NOT_FOUND,
                                    "its process " + s.process() + " is not a process.lua entry");
                        }
                        b.services.put(s.id(), node.host(ProcessHost.CONTROL_HOST.toString())
                                .spawnWatched(new ServiceSupervisor(s, program,
                                        output.logLevel().shows(LogLevel.WARN) ? processLog : NO_NOTES)));
                    }
                }
            } catch (ProcessException ex) {
                output.err().println("trellis: cannot start " + e.id() + ": " + ex.getMessage());
                if (e.lifecycle().startup() == Lifecycle.Startup.REQUIRED) {
                    b.stop();
                    throw new BootFailure();
                }
            }
        }
        return b;
    }

    // ============================================================================================
    // Display of results
    // ============================================================================================

    /** {@return a process result as text: scalars as Lua prints them, tables as {k = v, …}} */
    static String display(Object v) {
        StringBuilder sb = new StringBuilder();
        display(v, sb, new IdentityHashMap<>());
        return sb.toString();
    }

    private static void display(Object v, StringBuilder sb, IdentityHashMap<Object, Boolean> seen) {
        if (v instanceof String s) {
            sb.append(LuaStrings.toJava(s));
        } else if (v instanceof LuaTable t) {
            if (seen.put(t, Boolean.TRUE) != null) {
                sb.append("<cycle>");
                return;
            }
            sb.append('{');
            Object[] kv = new Object[2];
            List<String> parts = new ArrayList<>();
            for (Object k = null; t.next(k, kv); k = kv[0]) {
                StringBuilder p = new StringBuilder();
                if (!(kv[0] instanceof Long)) {
                    display(kv[0], p, seen);
                    p.append(" = ");
                }
                display(kv[1], p, seen);
                parts.add(p.toString());
            }
            sb.append(String.join(", ", parts)).append('}');
            seen.remove(t);
        } else if (v instanceof Pid pid) {
            sb.append(pid);
        } else if (v == null || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            sb.append(LuaValues.tostring(v));
        } else {
            Optional.ofNullable(LuaErrors.unwrap(v)).ifPresentOrElse(e -> sb.append(e.message()), () -> sb.append(v));
        }
    }
}
