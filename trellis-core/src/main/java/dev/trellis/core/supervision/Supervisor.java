package dev.trellis.core.supervision;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * OTP's {@code Supervisor}: a process that starts children from a list of specs, restarts them per
 * a {@link Strategy} within a restart intensity, and stops them in reverse order.
 *
 * <pre>{@code
 * try (Node node = Node.start()) {
 *     StartResult r = Supervisor.startLink(node,
 *             List.of(SimpleQueue.childSpec(List.of(1, 2, 3))),
 *             SupervisorOptions.oneForOne().name("SimpleQueue.Supervisor"));
 *     Pid sup = r.pidOrNull();
 *     Supervisor.whichChildren(node, sup);     // [ChildInfo[id=SimpleQueue, pid={main|0x00002}, …]]
 *     Supervisor.stop(node, sup);
 * }
 * }</pre>
 *
 * <p>Every management function has two forms: from outside any process (first argument a
 * {@link Node}) and from inside one (a {@link Proc}; the caller waits in its mailbox). The
 * supervisor is named by its {@link Pid} or its registered name. A call to a supervisor that does
 * not exist throws {@link CallException} ({@code NOPROC}); errors of the operation itself come back
 * as values ({@link StartResult}, {@link Outcome}, {@link SupervisorError}). Calls are served one at
 * a time by the supervisor process, also while it retries a failing restart.
 *
 * <p>Thread-safety: all methods are thread-safe; the {@code Proc} forms must be called on that
 * process's thread.
 */
public final class Supervisor {
    private Supervisor() {
    }

    // =============================================================================================
    // Starting and stopping
    // =============================================================================================

    /** Starts a supervisor from outside any process (not linked). */
    public static StartResult startLink(Node node, List<?> children, SupervisorOptions options) {
        Objects.requireNonNull(node, "node");
        return start(node, null, children, options);
    }

    /** Starts a supervisor linked to the calling process. */
    public static StartResult startLink(Proc caller, List<?> children, SupervisorOptions options) {
        Objects.requireNonNull(caller, "caller");
        return start(caller.node(), caller, children, options);
    }

    /**
     * A child spec that runs a supervisor under another one: type supervisor, shutdown infinity,
     * restart permanent (OTP's {@code Supervisor.child_spec/2}).
     */
    public static ChildSpec childSpec(Object id, List<?> children, SupervisorOptions options) {
        List<ChildSpec> specs = ChildSpec.validateAll(children, options.autoShutdown());
        return ChildSpec.supervisor(id, ctx -> start(ctx.node(), ctx.proc(), specs, options));
    }

    /** Stops the supervisor: children in reverse start order, then the supervisor exits normally. */
    public static void stop(Node node, Object supervisor) {
        stop(node, supervisor, ExitReason.NORMAL);
    }

    /** Stops the supervisor with {@code reason}; waits until it has exited. */
    public static void stop(Node node, Object supervisor, ExitReason reason) {
        Pid pid = Calls.endpointPid(node, supervisor);
        var exited = node.watch(pid);
        Calls.call(node, null, pid, new SupervisorCall.Stop(reason), null);
        exited.join();
    }

    /** Stops the supervisor from inside a process. */
    public static void stop(Proc caller, Object supervisor, ExitReason reason) {
        Calls.call(caller.node(), caller, supervisor, new SupervisorCall.Stop(reason), null);
    }

    // =============================================================================================
    // Management API (outside a process)
    // =============================================================================================

    /** Adds and starts a child (OTP's {@code start_child}); the spec is validated before the call. */
    public static StartResult startChild(Node node, Object supervisor, Object spec) {
        ChildSpec s = ChildSpec.normalize(spec);
        return (StartResult) Calls.call(node, null, supervisor, new SupervisorCall.StartChild(s), null);
    }

    /** Stops a child by id, keeping its spec unless temporary. */
    public static Outcome terminateChild(Node node, Object supervisor, Object id) {
        return (Outcome) Calls.call(node, null, supervisor, new SupervisorCall.TerminateChild(id), null);
    }

    /** Starts a stopped child again. */
    public static StartResult restartChild(Node node, Object supervisor, Object id) {
        return (StartResult) Calls.call(node, null, supervisor, new SupervisorCall.RestartChild(id), null);
    }

    /** Removes a stopped child's spec. */
    public static Outcome deleteChild(Node node, Object supervisor, Object id) {
        return (Outcome) Calls.call(node, null, supervisor, new SupervisorCall.DeleteChild(id), null);
    }

    /** Every child, most recently started first. */
    @SuppressWarnings("unchecked")
    public static List<ChildInfo> whichChildren(Node node, Object supervisor) {
        return (List<ChildInfo>) Calls.call(node, null, supervisor, new SupervisorCall.WhichChildren(), null);
    }

    /** One child, or null (OTP's {@code not_found}). */
    public static ChildInfo whichChild(Node node, Object supervisor, Object id) {
        return (ChildInfo) Calls.call(node, null, supervisor, new SupervisorCall.WhichChild(id), null);
    }

    public static ChildCounts countChildren(Node node, Object supervisor) {
        return (ChildCounts) Calls.call(node, null, supervisor, new SupervisorCall.CountChildren(), null);
    }

    /** The normalized spec of a child, or null (OTP's {@code not_found}). */
    public static ChildSpec getChildSpec(Node node, Object supervisor, Object id) {
        return (ChildSpec) Calls.call(node, null, supervisor, new SupervisorCall.GetChildSpec(id), null);
    }

    // =============================================================================================
    // Management API (inside a process)
    // =============================================================================================

    public static StartResult startChild(Proc caller, Object supervisor, Object spec) {
        ChildSpec s = ChildSpec.normalize(spec);
        return (StartResult) Calls.call(caller.node(), caller, supervisor, new SupervisorCall.StartChild(s), null);
    }

    public static Outcome terminateChild(Proc caller, Object supervisor, Object id) {
        return (Outcome) Calls.call(caller.node(), caller, supervisor, new SupervisorCall.TerminateChild(id), null);
    }

    public static StartResult restartChild(Proc caller, Object supervisor, Object id) {
        return (StartResult) Calls.call(caller.node(), caller, supervisor, new SupervisorCall.RestartChild(id), null);
    }

    public static Outcome deleteChild(Proc caller, Object supervisor, Object id) {
        return (Outcome) Calls.call(caller.node(), caller, supervisor, new SupervisorCall.DeleteChild(id), null);
    }

    @SuppressWarnings("unchecked")
    public static List<ChildInfo> whichChildren(Proc caller, Object supervisor) {
        return (List<ChildInfo>) Calls.call(caller.node(), caller, supervisor, new SupervisorCall.WhichChildren(), null);
    }

    public static ChildCounts countChildren(Proc caller, Object supervisor) {
        return (ChildCounts) Calls.call(caller.node(), caller, supervisor, new SupervisorCall.CountChildren(), null);
    }

    // =============================================================================================
    // Internal
    // =============================================================================================

    static StartResult start(Node node, Proc parent, List<?> children, SupervisorOptions options) {
        Objects.requireNonNull(options, "options");
        List<ChildSpec> specs = ChildSpec.validateAll(children, options.autoShutdown());
        return Starting.start(node, parent, options.host(), (proc, ack) -> new SupervisorProcess(proc, options.strategy(), false,
                new RestartIntensity(options.maxRestarts(), options.period()), options.autoShutdown(),
                Integer.MAX_VALUE, List.of(), parent == null ? null : parent.pid())
                .run(options.name(), specs, ack));
    }

    /** A call with a timeout (used by tests and by callers that must not wait forever). */
    static Object call(Node node, Object supervisor, Object op, Duration timeout) {
        return Calls.call(node, null, supervisor, op, timeout);
    }
}
