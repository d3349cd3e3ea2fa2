package dev.trellis.runtime.boot;

import dev.trellis.core.Event;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Selected;
import dev.trellis.runtime.entry.Lifecycle;
import dev.trellis.runtime.entry.LuaService;
import dev.trellis.runtime.entry.RestartPolicy;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProgram;
import dev.trellis.runtime.lua.LuaStart;
import dev.trellis.runtime.lua.Payloads;
import dev.trellis.runtime.lua.modules.EntrySecurityContexts;
import dev.trellis.runtime.entry.ProcessHost;

/**
 * The supervisor of one {@code process.service} (docs/entries.md): a Java process on the
 * control host that runs the service's {@code process.lua} on its host, restarts it with backoff
 * when it fails, and stops it on CANCEL.
 *
 * <pre>{@code
 * Node.Watched sup = node.host(ProcessHost.CONTROL_HOST).spawnWatched(new ServiceSupervisor(service, program, log));
 * node.cancel(sup.pid(), "service stopping");     // CANCEL to the child, wait stop_timeout, terminate
 * }</pre>
 *
 * <p>Restart rules (Wippy's): a normal return ends the service (no restart); an error the script
 * returned ({@code return nil, "msg"}) or made with {@code errors.new{retryable = false}} is not
 * retryable and ends it too; a raised error, a kill or
 * a linked failure is a failure: it is retried after {@code initial_delay × backoff_factor^(n-1)}
 * (capped at {@code max_delay}, ± {@code jitter}); a run of at least {@code stable_threshold}
 * resets the count; with {@code max_attempts: N} the N-th failure in a row leaves it failed.
 * Start: a spawn that fails (its host is stopping or missing) is retried with the same backoff
 * until {@code start_timeout} has passed since the first try; then the service is left failed
 * ("service start timed out").
 * Stop: CANCEL {@code "service stopping"} to the child, then terminate it if it is still alive
 * after {@code stop_timeout}. Every restart is a new pid.
 *
 * <p>Thread-safety: the body runs on its own process thread; the instance is immutable.
 */
public final class ServiceSupervisor implements ProcessBody {

    /** How a supervised service ended. */
    public enum Outcome {
        /** It returned normally or with a non-retryable error: not restarted. */
        EXITED,
        /** It failed {@code max_attempts} times in a row. */
        FAILED,
        /** It was stopped. */
        STOPPED
    }

    private final LuaService service;
    private final LuaProgram program;
    private final PrintStream log;

    public ServiceSupervisor(LuaService service, LuaProgram program, PrintStream log) {
        this.service = service;
        this.program = program;
        this.log = log;
    }

    /** {@return what the service's process runs: its program, as the actor and scope of lifecycle.security when given} */
    private ProcessBody body() {
        return service.lifecycle().security()
                .<ProcessBody>map(sec -> new LuaStart(program, EntrySecurityContexts.of(program.runtime(), sec), null))
                .orElse(program);
    }

    @Override
    public Object run(Proc proc) {
        Lifecycle lc = service.lifecycle();
        RestartPolicy restart = lc.restart();
        Channel<Event> events = proc.events();
        int failures = 0;
        Instant firstTry = Instant.now();
        while (true) {
            Instant started = Instant.now();
            Pid child;
            try {
                child = proc.spawner().on(service.host().toString()).monitored()
                        .spawn(body(), Payloads.fromJavaAll(service.input()));
            } catch (ProcessException e) {
                // A start failure (host stopped or not there yet): retried like a crash until
                // start_timeout has passed since the first try.
                if (Duration.between(firstTry, Instant.now()).compareTo(lc.startTimeout()) >= 0) {
                    note("service start timed out after " + lc.startTimeout().toMillis() + "ms: " + e.getMessage());
                    return Outcome.FAILED.name().toLowerCase();
                }
                failures++;
                if (waitOrStop(proc, events, delay(restart, failures), "cannot start: " + e.getMessage())) {
                    return Outcome.STOPPED.name().toLowerCase();
                }
                continue;
            }
            firstTry = Instant.now();
            Event exit = null;
            while (exit == null) {
                Event e = events.receive();
                if (e.kind() == Event.Kind.CANCEL) {
                    stopChild(proc, child, lc.stopTimeout());
                    return Outcome.STOPPED.name().toLowerCase();
                }
                if (e.kind() == Event.Kind.EXIT && e.from().equals(child)) {
                    exit = e;
                }
            }
            if (!exit.isError()) {
                return Outcome.EXITED.name().toLowerCase();
            }
            ProcessError err = exit.result().error();
            if (!LuaErrors.retryable(err)) {
                note("exited with an error (not restarted): " + err.message());
                return Outcome.EXITED.name().toLowerCase();
            }
            boolean stable = Duration.between(started, Instant.now()).compareTo(lc.stableThreshold()) >= 0;
            failures = stable ? 1 : failures + 1;
            if (!restart.unlimited() && failures >= restart.maxAttempts()) {
                note("failed " + failures + " times in a row, giving up: " + err.message());
                return Outcome.FAILED.name().toLowerCase();
            }
            if (waitOrStop(proc, events, delay(restart, failures), "failed: " + err.message())) {
                return Outcome.STOPPED.name().toLowerCase();
            }
        }
    }

    /** Waits {@code delay} before the next try; {@return true when a CANCEL came meanwhile} */
    private boolean waitOrStop(Proc proc, Channel<Event> events, Duration delay, String why) {
        note(why + "; restarting in " + delay.toMillis() + "ms");
        Channel<Instant> wait = proc.after(delay.isZero() ? Duration.ofNanos(1) : delay);
        while (true) {
            Selected s = proc.select(events.receiveCase(), wait.receiveCase());
            if (s.channel() != events) {
                return false;
            }
            if (((Event) s.value()).kind() == Event.Kind.CANCEL) {
                return true;
            }
        }
    }

    /** {@return the delay before restart number {@code failures}: exponential, capped, with jitter} */
    static Duration delay(RestartPolicy p, int failures) {
        double nanos = p.initialDelay().toNanos() * Math.pow(p.backoffFactor(), Math.max(0, failures - 1));
        nanos = Math.min(nanos, p.maxDelay().toNanos());
        if (p.jitter() > 0) {
            nanos += nanos * p.jitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        }
        return Duration.ofNanos((long) Math.max(0, nanos));
    }

    private void stopChild(Proc proc, Pid child, Duration timeout) {
        try {
            proc.cancel(child, timeout, "service stopping");
        } catch (RuntimeException gone) {
            return;
        }
        while (true) {
            Event e = proc.events().receive();
            if (e.kind() == Event.Kind.EXIT && e.from().equals(child)) {
                return;
            }
        }
    }

    private void note(String text) {
        synchronized (log) {
            log.println("service " + service.id() + ": " + text);
            log.flush();
        }
    }
}
