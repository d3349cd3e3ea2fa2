package dev.trellis.core.supervision;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Event;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Selected;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process behind {@link Supervisor}, {@link DynamicSupervisor} and {@link TaskSupervisor}: the
 * state machine of OTP's {@code supervisor.erl}, on one Trellis process.
 *
 * <p>Mapping onto the core (see docs/supervision.md): the supervisor traps links and monitors every
 * child (children are spawned linked+monitored from this process, so the monitor exists before the
 * child runs). EXIT events drive restarts; LINK_DOWN from the parent stops the tree; a CANCEL
 * stops it with {@code shutdown}. Calls arrive on the listen channel {@link Calls#CALL_TOPIC} and
 * are served one at a time, between restarts and between retries of a failing restart.
 *
 * <p>Differences from {@code supervisor.erl}: the restart window is an O(1) ring
 * ({@link RestartIntensity}); waiting for one child's exit while stopping it defers other events
 * to a local queue instead of using selective receive; a dynamic supervisor's children are stopped
 * concurrently.
 *
 * <p>Thread-safety: an instance lives on its process's thread only.
 */
final class SupervisorProcess {

    /** Thrown inside the loop to leave it: the supervisor exits with {@code reason}. */
    private static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ExitReason reason;

        Exit(ExitReason reason) {
            super(null, null, false, false);
            this.reason = reason;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // State (OTP's #state{})
    // ---------------------------------------------------------------------------------------------
    private final Proc proc;
    /** The restart strategy (dynamic: always one_for_one). */
    private final Strategy strategy;
    /** Dynamic supervisor: children keyed by an internal number, addressed by pid, no ids. */
    private final boolean dynamic;
    /** The restart window. */
    private final RestartIntensity intensity;
    private final AutoShutdown autoShutdown;
    /** Dynamic only: the limit on children, restarting ones included. */
    private final int maxChildren;
    /** Dynamic only: prepended to every child's start arguments. */
    private final List<Object> extraArguments;
    /** The process that started us linked, or null; its LINK_DOWN stops the tree. */
    private final Pid parent;
    /** Every child, in start order (key = id, or a number for dynamic children). */
    private final LinkedHashMap<Object, Child> children = new LinkedHashMap<>();
    /** Running children by pid; a dynamic child also by its last pid while restarting. */
    private final HashMap<Pid, Child> byPid = new HashMap<>();
    /** Children whose failed restart waits for a retry, oldest first. */
    private final ArrayDeque<Child> retries = new ArrayDeque<>();
    /** Events that arrived while we waited for one child's exit; handled before new ones. */
    private final ArrayDeque<Object> deferred = new ArrayDeque<>();
    /** Dynamic child keys. */
    private long nextKey;
    /** A pending stop request, answered once the tree is down. */
    private Calls.Request stopRequest;
    private Channel<Event> events;

    SupervisorProcess(Proc proc, Strategy strategy, boolean dynamic, RestartIntensity intensity,
                      AutoShutdown autoShutdown, int maxChildren, List<Object> extraArguments, Pid parent) {
        this.proc = proc;
        this.strategy = strategy;
        this.dynamic = dynamic;
        this.intensity = intensity;
        this.autoShutdown = autoShutdown;
        this.maxChildren = maxChildren;
        this.extraArguments = extraArguments;
        this.parent = parent;
    }

    // =============================================================================================
    // Process entry: init, acknowledge, loop, exit
    // =============================================================================================

    /** Runs the supervisor: registers, starts the static children, acknowledges, serves. */
    Object run(String name, List<ChildSpec> specs, Starting.Ack ack) {
        proc.trapLinks(true);
        events = proc.events();
        Channel<Object> calls = proc.listen(Calls.CALL_TOPIC);
        Calls.Endpoint endpoint = Calls.open(proc);
        try {
            if (!ack.registerOrReport(proc, name)) {
                return null;
            }
            for (ChildSpec spec : specs) {
                Child child = new Child(spec.id(), spec);
                StartResult r = startChild(child);
                if (r instanceof StartResult.Failed f) {
                    stopAll();
                    ack.send(StartResult.error(new FailedToStartChild(spec.id(), f)));
                    return null;
                }
                if (!(r instanceof StartResult.Ignored && spec.restart() == Restart.TEMPORARY)) {
                    children.put(child.key, child);
                }
            }
            ack.send(StartResult.ok(proc.pid()));
            return loop(calls);
        } finally {
            if (stopRequest != null) {
                Calls.replyFromOutside(proc.node(), stopRequest, Outcome.OK);
            }
            endpoint.close();
        }
    }

    /** {@code {shutdown, {failed_to_start_child, Id, Reason}}}. */
    record FailedToStartChild(Object id, StartResult.Failed reason) {
        @Override
        public String toString() {
            return "{shutdown, {failed_to_start_child, " + id + ", " + reason + "}}";
        }
    }

    private Object loop(Channel<Object> calls) {
        try {
            while (true) {
                Object deferredEvent = deferred.poll();
                if (deferredEvent instanceof Event e) {
                    handleEvent(e);
                    continue;
                }
                if (deferredEvent instanceof Vanished v) {
                    Child child = byPid.get(v.pid());
                    if (child != null && v.pid().equals(child.pid)) {
                        childExited(child, ExitReason.failed("noproc"));
                    }
                    continue;
                }
                Selected s = retries.isEmpty()
                        ? proc.select(events.receiveCase(), calls.receiveCase())
                        : proc.trySelect(events.receiveCase(), calls.receiveCase());
                if (s.isDefault()) {
                    retry(retries.poll());
                } else if (s.channel() == events) {
                    handleEvent(s.value());
                } else if (s.value() instanceof Calls.Request r && r.body() instanceof SupervisorCall op) {
                    handleCall(r, op);
                }
            }
        } catch (Exit exit) {
            stopAll();
            return switch (exit.reason) {
                case ExitReason.Normal n -> n.value();
                case ExitReason.Shutdown s -> throw s.detail() == null ? new ShutdownException()
                        : new ShutdownException(s.detail());
                case ExitReason.Failed f -> throw f.error() instanceof ProcessError pe ? pe.toException()
                        : new ProcessException(ErrorKind.INTERNAL, String.valueOf(f.error()));
                case ExitReason.Killed k -> throw ProcessError.TERMINATED.toException();
            };
        }
    }

    // =============================================================================================
    // Events: child exits, the parent's failure, cancel
    // =============================================================================================

    private void handleEvent(Event e) {
        switch (e.kind()) {
            case EXIT -> {
                Child child = byPid.get(e.from());
                if (child != null && e.from().equals(child.pid)) {
                    childExited(child, reasonOf(e));
                }
            }
            case LINK_DOWN -> {
                if (e.from().equals(parent)) {
                    throw new Exit(ExitReason.failed(e.result().error()));
                }
            }
            case CANCEL -> throw new Exit(ExitReason.SHUTDOWN);
        }
    }

    /** The OTP exit class of an EXIT event. */
    static ExitReason reasonOf(Event e) {
        if (!e.isError()) {
            return new ExitReason.Normal(e.value());
        }
        ProcessError err = e.result().error();
        if (err.cause() instanceof ShutdownException s) {
            return s.reason();
        }
        if (err.equals(ProcessError.TERMINATED)) {
            return ExitReason.KILLED;
        }
        return ExitReason.failed(err);
    }

    private void childExited(Child child, ExitReason reason) {
        byPid.remove(child.pid);
        child.lastPid = child.pid;
        child.pid = null;
        child.lastFailure = reason;
        if (child.spec.restart().restartsAfter(reason)) {
            if (dynamic) {
                byPid.put(child.lastPid, child);
            }
            restart(child);
            return;
        }
        if (child.spec.restart() == Restart.TEMPORARY || dynamic) {
            children.remove(child.key);
        }
        if (child.spec.significant()) {
            checkAutoShutdown();
        }
    }

    private void checkAutoShutdown() {
        switch (autoShutdown) {
            case NEVER -> {
            }
            case ANY_SIGNIFICANT -> throw new Exit(ExitReason.SHUTDOWN);
            case ALL_SIGNIFICANT -> {
                for (Child c : children.values()) {
                    if (c.spec.significant() && (c.pid != null || c.restarting)) {
                        return;
                    }
                }
                throw new Exit(ExitReason.SHUTDOWN);
            }
        }
    }

    // =============================================================================================
    // Restarting
    // =============================================================================================

    /** A child exited and must come back: count it, then apply the strategy. */
    private void restart(Child child) {
        if (!intensity.addRestart(System.nanoTime())) {
            // OTP exits with shutdown here; the detail names the child and its last failure, so
            // that whoever watches the supervisor can say why it gave up.
            throw new Exit(ExitReason.shutdown(new IntensityReached(child.spec.id(), child.lastFailure)));
        }
        switch (strategy) {
            case ONE_FOR_ONE -> {
                if (!restartOne(child)) {
                    scheduleRetry(child);
                }
            }
            case ONE_FOR_ALL, REST_FOR_ONE -> restartGroup(child);
        }
    }

    private void retry(Child child) {
        if (child == null || !child.restarting || !children.containsKey(child.key)) {
            return; // terminated or deleted meanwhile
        }
        // Failed attempts count against the intensity too (checklist item 42 in docs/supervision.md).
        restart(child);
    }

    private void scheduleRetry(Child child) {
        child.restarting = true;
        retries.add(child);
    }

    /** Starts one child again; false if its start failed (then it waits for a retry). */
    private boolean restartOne(Child child) {
        child.restarting = false;
        StartResult r = startChild(child);
        if (r instanceof StartResult.Failed f) {
            child.lastFailure = f.reason() != null ? f.reason() : f.error();
            return false;
        }
        if (r instanceof StartResult.Ignored && dynamic) {
            forget(child);
        }
        return true;
    }

    private void restartGroup(Child failed) {
        List<Child> ordered = new ArrayList<>(children.values());
        int at = ordered.indexOf(failed);
        Strategy.Range group = strategy.group(at, ordered.size());
        // stop the rest of the group, last started first
        for (int i = group.to() - 1; i >= group.from(); i--) {
            Child c = ordered.get(i);
            if (c != failed && c.pid != null) {
                stopChild(c);
            }
            if (c != failed && c.spec.restart() == Restart.TEMPORARY) {
                // A temporary bystander is not restarted (checklist item 49 in docs/supervision.md).
                children.remove(c.key);
            }
            c.restarting = false;
        }
        // start the group again, first started first
        List<Child> startedThisRound = new ArrayList<>();
        for (int i = group.from(); i < group.to(); i++) {
            Child c = ordered.get(i);
            if (!children.containsKey(c.key)) {
                continue;
            }
            StartResult r = startChild(c);
            if (r instanceof StartResult.Failed) {
                if (strategy == Strategy.ONE_FOR_ALL) {
                    // item 47: the ones restarted in this round go down again before the retry
                    for (int j = startedThisRound.size() - 1; j >= 0; j--) {
                        stopChild(startedThisRound.get(j));
                    }
                }
                // rest_for_one resumes from here (checklist item 48 in docs/supervision.md).
                scheduleRetry(c);
                return;
            }
            if (c.pid != null) {
                startedThisRound.add(c);
            }
        }
    }

    // =============================================================================================
    // Starting children
    // =============================================================================================

    /** Calls the child's start function on this process and records the pid. */
    private StartResult startChild(Child child) {
        StartContext ctx = new StartContext(proc, dynamic ? extraArguments : List.of());
        StartResult r;
        try {
            r = child.spec.start().start(ctx);
            if (r == null) {
                r = StartResult.error("start function returned null (expected ok, ignore or error)");
            }
        } catch (ShutdownException e) {
            r = StartResult.error(e.reason());
        } catch (Exception e) {
            r = StartResult.error(e);
        }
        if (r instanceof StartResult.Started s) {
            Pid pid = s.pid();
            if (!ctx.monitors(pid)) {
                try {
                    proc.monitor(pid);
                } catch (ProcessException e) {
                    if (e.kind() == ErrorKind.NOT_FOUND) {
                        // gone before we could watch it: treat as an immediate abnormal exit
                        child.pid = pid;
                        byPid.put(pid, child);
                        deferred.add(new Vanished(pid));
                        return r;
                    }
                }
            }
            if (child.lastPid != null && !child.lastPid.equals(pid)) {
                byPid.remove(child.lastPid); // a dynamic child was addressable by its old pid while restarting
            }
            child.pid = pid;
            child.lastPid = pid;
            child.restarting = false;
            byPid.put(pid, child);
        }
        return r;
    }

    /** A child that was gone before we could monitor it (OTP's {@code noproc}). */
    record Vanished(Pid pid) {
    }

    private void forget(Child child) {
        children.remove(child.key);
        if (child.lastPid != null) {
            byPid.remove(child.lastPid);
        }
        retries.remove(child);
    }

    // =============================================================================================
    // Shutting down
    // =============================================================================================

    /** Stops one child per its shutdown spec and waits for its exit; returns its exit reason. */
    private ExitReason stopChild(Child child) {
        Pid pid = child.pid;
        signalStop(pid, child.spec.shutdown());
        ExitReason reason = awaitExit(pid);
        byPid.remove(pid);
        child.lastPid = pid;
        child.pid = null;
        return reason;
    }

    private void signalStop(Pid pid, Shutdown shutdown) {
        try {
            switch (shutdown) {
                case Shutdown.BrutalKill b -> proc.terminate(pid);
                case Shutdown.Timeout t -> proc.cancel(pid, t.timeout(), "shutdown");
                case Shutdown.Infinity i -> proc.cancel(pid, null, "shutdown");
            }
        } catch (ProcessException gone) {
            // already dead: its EXIT is on its way
        }
    }

    /** Waits for {@code pid}'s EXIT; other events are deferred, in order. */
    private ExitReason awaitExit(Pid pid) {
        for (Iterator<Object> it = deferred.iterator(); it.hasNext(); ) {
            Object o = it.next();
            if (o instanceof Event e && e.kind() == Event.Kind.EXIT && e.from().equals(pid)) {
                it.remove();
                return reasonOf(e);
            }
            if (o instanceof Vanished v && v.pid().equals(pid)) {
                it.remove();
                return ExitReason.failed("noproc");
            }
        }
        while (true) {
            Event e = events.receive();
            if (e.kind() == Event.Kind.EXIT && e.from().equals(pid)) {
                return reasonOf(e);
            }
            deferred.add(e);
        }
    }

    /** Stops every child: static ones one by one, last started first; dynamic ones all at once. */
    private void stopAll() {
        retries.clear();
        List<Child> running = new ArrayList<>();
        for (Child c : children.values()) {
            c.restarting = false;
            if (c.pid != null) {
                running.add(c);
            }
        }
        if (!dynamic) {
            for (int i = running.size() - 1; i >= 0; i--) {
                stopChild(running.get(i));
            }
            return;
        }
        Map<Pid, Child> waiting = new HashMap<>();
        for (Child c : running) {
            signalStop(c.pid, c.spec.shutdown());
            waiting.put(c.pid, c);
        }
        for (Iterator<Object> it = deferred.iterator(); it.hasNext(); ) {
            Object o = it.next();
            if ((o instanceof Event e && e.kind() == Event.Kind.EXIT && waiting.remove(e.from()) != null)
                    || (o instanceof Vanished v && waiting.remove(v.pid()) != null)) {
                it.remove();
            }
        }
        while (!waiting.isEmpty()) {
            Event e = events.receive();
            if (e.kind() == Event.Kind.EXIT && waiting.remove(e.from()) != null) {
                continue;
            }
            deferred.add(e);
        }
        for (Child c : running) {
            byPid.remove(c.pid);
            c.pid = null;
        }
    }

    // =============================================================================================
    // Management calls
    // =============================================================================================

    private void handleCall(Calls.Request r, SupervisorCall op) {
        Object answer = switch (op) {
            case SupervisorCall.StartChild s -> dynamic ? startDynamic(s.spec()) : startStatic(s.spec());
            case SupervisorCall.TerminateChild t -> terminate(t.idOrPid());
            case SupervisorCall.RestartChild rc -> dynamic ? StartResult.failed(SupervisorError.SIMPLE_ONE_FOR_ONE) : restartById(rc.id());
            case SupervisorCall.DeleteChild d -> dynamic ? Outcome.rejected(SupervisorError.SIMPLE_ONE_FOR_ONE) : delete(d.id());
            case SupervisorCall.WhichChildren w -> whichChildren();
            case SupervisorCall.WhichChild w -> {
                Child c = find(w.idOrPid());
                yield c == null ? null : c.info(dynamic);
            }
            case SupervisorCall.CountChildren c -> countChildren();
            case SupervisorCall.GetChildSpec g -> {
                Child c = find(g.idOrPid());
                yield c == null ? null : c.spec;
            }
            case SupervisorCall.Stop s -> {
                stopRequest = r;
                throw new Exit(s.reason());
            }
        };
        Calls.reply(proc, r, answer);
    }

    private Child find(Object idOrPid) {
        if (dynamic) {
            return idOrPid instanceof Pid p ? byPid.get(p) : null;
        }
        return idOrPid instanceof Pid ? null : children.get(idOrPid);
    }

    private StartResult startStatic(ChildSpec spec) {
        try {
            spec.checkSignificance(autoShutdown);
        } catch (InvalidChildSpecException e) {
            return StartResult.error(e);
        }
        Child existing = children.get(spec.id());
        if (existing != null) {
            return existing.pid != null ? StartResult.alreadyStarted(existing.pid)
                    : StartResult.failed(SupervisorError.ALREADY_PRESENT);
        }
        Child child = new Child(spec.id(), spec);
        StartResult r = startChild(child);
        if (r instanceof StartResult.Started || (r instanceof StartResult.Ignored && spec.restart() != Restart.TEMPORARY)) {
            children.put(child.key, child);
        }
        return r;
    }

    private StartResult startDynamic(ChildSpec spec) {
        if (spec.significant()) {
            return StartResult.error(new InvalidChildSpecException(spec.id(), "significant",
                    InvalidChildSpecException.Problem.BAD_COMBINATION, "dynamic supervisors have no significant children"));
        }
        if (children.size() >= maxChildren) {
            return StartResult.failed(SupervisorError.MAX_CHILDREN);
        }
        Child child = new Child(++nextKey, spec);
        StartResult r = startChild(child);
        if (r instanceof StartResult.Started) {
            children.put(child.key, child);
        }
        return r;
    }

    private Outcome terminate(Object idOrPid) {
        Child child = find(idOrPid);
        if (child == null) {
            return Outcome.rejected(SupervisorError.NOT_FOUND);
        }
        if (child.pid != null) {
            stopChild(child);
        }
        retries.remove(child);
        child.restarting = false;
        if (dynamic || child.spec.restart() == Restart.TEMPORARY) {
            forget(child);
        }
        return Outcome.OK;
    }

    private StartResult restartById(Object id) {
        Child child = find(id);
        if (child == null) {
            return StartResult.failed(SupervisorError.NOT_FOUND);
        }
        if (child.restarting) {
            return StartResult.failed(SupervisorError.RESTARTING);
        }
        if (child.pid != null) {
            return StartResult.failed(SupervisorError.RUNNING);
        }
        return startChild(child);
    }

    private Outcome delete(Object id) {
        Child child = find(id);
        if (child == null) {
            return Outcome.rejected(SupervisorError.NOT_FOUND);
        }
        if (child.restarting) {
            return Outcome.rejected(SupervisorError.RESTARTING);
        }
        if (child.pid != null) {
            return Outcome.rejected(SupervisorError.RUNNING);
        }
        children.remove(child.key);
        return Outcome.OK;
    }

    private List<ChildInfo> whichChildren() {
        List<ChildInfo> out = new ArrayList<>(children.size());
        for (Child c : children.values()) {
            out.add(c.info(dynamic));
        }
        if (!dynamic) {
            java.util.Collections.reverse(out); // most recently started first, as OTP lists them
        }
        return List.copyOf(out);
    }

    private ChildCounts countChildren() {
        int active = 0;
        int supervisors = 0;
        for (Child c : children.values()) {
            if (c.pid != null) {
                active++;
            }
            if (c.spec.type() == ChildType.SUPERVISOR) {
                supervisors++;
            }
        }
        return new ChildCounts(children.size(), active, supervisors, children.size() - supervisors);
    }
}
