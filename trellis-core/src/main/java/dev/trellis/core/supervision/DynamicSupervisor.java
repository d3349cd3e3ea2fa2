package dev.trellis.core.supervision;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import java.util.List;
import java.util.Objects;

/**
 * Elixir's {@code DynamicSupervisor}: starts with no children; children are added on demand with
 * {@link #startChild}, restarted one_for_one per their own restart type, addressed by pid, and
 * stopped concurrently when the supervisor shuts down.
 *
 * <pre>{@code
 * Pid sup = DynamicSupervisor.startLink(node, DynamicSupervisorOptions.defaults()
 *         .name("SimpleQueue.Supervisor").maxChildren(100)).pidOrNull();
 * StartResult r = DynamicSupervisor.startChild(node, "SimpleQueue.Supervisor", SimpleQueue.childSpec(List.of()));
 * DynamicSupervisor.terminateChild(node, sup, r.pidOrNull());   // ok; a second time: not_found
 * }</pre>
 *
 * <p>Options and defaults: see {@link DynamicSupervisorOptions} (3 restarts in 5 s, max_children
 * infinity, no extra arguments). {@code terminateChild} of a pid that is not (or no longer) a child
 * returns {@link SupervisorError#NOT_FOUND} (Elixir's choice). Id-based calls are not supported.
 *
 * <p>Thread-safety: all methods are thread-safe; {@code Proc} forms run on that process's thread.
 */
public final class DynamicSupervisor {
    private DynamicSupervisor() {
    }

    public static StartResult startLink(Node node, DynamicSupervisorOptions options) {
        return start(Objects.requireNonNull(node, "node"), null, options);
    }

    public static StartResult startLink(Proc caller, DynamicSupervisorOptions options) {
        return start(caller.node(), caller, options);
    }

    /** A child spec that runs a dynamic supervisor under another supervisor (type supervisor). */
    public static ChildSpec childSpec(Object id, DynamicSupervisorOptions options) {
        return ChildSpec.supervisor(id, ctx -> start(ctx.node(), ctx.proc(), options));
    }

    /** Starts a child from {@code spec}; {@link SupervisorError#MAX_CHILDREN} at the limit. */
    public static StartResult startChild(Node node, Object supervisor, Object spec) {
        ChildSpec s = ChildSpec.normalize(spec);
        return (StartResult) Calls.call(node, null, supervisor, new SupervisorCall.StartChild(s), null);
    }

    public static StartResult startChild(Proc caller, Object supervisor, Object spec) {
        ChildSpec s = ChildSpec.normalize(spec);
        return (StartResult) Calls.call(caller.node(), caller, supervisor, new SupervisorCall.StartChild(s), null);
    }

    /** Stops the child {@code pid} per its shutdown and forgets it; not_found if it is not a child. */
    public static Outcome terminateChild(Node node, Object supervisor, Pid pid) {
        return (Outcome) Calls.call(node, null, supervisor, new SupervisorCall.TerminateChild(pid), null);
    }

    public static Outcome terminateChild(Proc caller, Object supervisor, Pid pid) {
        return (Outcome) Calls.call(caller.node(), caller, supervisor, new SupervisorCall.TerminateChild(pid), null);
    }

    /** Every child (id null), in start order. */
    public static List<ChildInfo> whichChildren(Node node, Object supervisor) {
        return Supervisor.whichChildren(node, supervisor);
    }

    public static ChildCounts countChildren(Node node, Object supervisor) {
        return Supervisor.countChildren(node, supervisor);
    }

    public static void stop(Node node, Object supervisor) {
        Supervisor.stop(node, supervisor);
    }

    static StartResult start(Node node, Proc parent, DynamicSupervisorOptions options) {
        Objects.requireNonNull(options, "options");
        return Starting.start(node, parent, options.host(), (proc, ack) -> new SupervisorProcess(proc, Strategy.ONE_FOR_ONE, true,
                new RestartIntensity(options.maxRestarts(), options.period()), AutoShutdown.NEVER,
                options.maxChildren(), options.extraArguments(), parent == null ? null : parent.pid())
                .run(options.name(), List.of(), ack));
    }
}
