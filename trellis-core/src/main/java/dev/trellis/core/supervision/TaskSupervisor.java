package dev.trellis.core.supervision;

import dev.trellis.core.Node;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import dev.trellis.core.ProcessException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Elixir's {@code Task.Supervisor}: a {@link DynamicSupervisor} for tasks. Fire-and-forget tasks
 * ({@link #startChild}) and tasks whose result the caller awaits ({@link #async},
 * {@link #asyncNolink}).
 *
 * <pre>{@code
 * TaskSupervisor.startLink(node, DynamicSupervisorOptions.defaults().name("MyApp.Tasks"));
 * TaskSupervisor.startChild(node, "MyApp.Tasks", proc -> backgroundWork());
 * Object v = node.exec(proc -> Task.await(proc,
 *         TaskSupervisor.async(proc, "MyApp.Tasks", p -> 6 * 7), Duration.ofSeconds(5)));  // 42
 * }</pre>
 *
 * <p>Each task's defaults: restart {@link Restart#TEMPORARY}, shutdown 5 s; both can be set per
 * task. {@code count/whichChildren} work as for any dynamic supervisor. At max_children,
 * {@code async} throws {@link IllegalStateException} "reached the maximum number of tasks".
 *
 * <p>Thread-safety: all methods are thread-safe; {@code Proc} forms run on that process's thread.
 */
public final class TaskSupervisor {
    private TaskSupervisor() {
    }

    public static StartResult startLink(Node node, DynamicSupervisorOptions options) {
        return DynamicSupervisor.startLink(node, options);
    }

    public static StartResult startLink(Proc caller, DynamicSupervisorOptions options) {
        return DynamicSupervisor.startLink(caller, options);
    }

    /** A child spec that runs a task supervisor under another supervisor. */
    public static ChildSpec childSpec(Object id, DynamicSupervisorOptions options) {
        return DynamicSupervisor.childSpec(id, options);
    }

    /** A fire-and-forget task, temporary, not linked to the caller. */
    public static StartResult startChild(Node node, Object supervisor, ProcessBody body) {
        return startChild(node, supervisor, body, Restart.TEMPORARY, Shutdown.DEFAULT_WORKER);
    }

    /** A fire-and-forget task with its own restart and shutdown. */
    public static StartResult startChild(Node node, Object supervisor, ProcessBody body, Restart restart,
                                         Shutdown shutdown) {
        Objects.requireNonNull(body, "body");
        ChildSpec spec = ChildSpec.worker(Task.class, ctx -> StartResult.ok(ctx.spawn(body)))
                .restart(restart).shutdown(shutdown);
        return DynamicSupervisor.startChild(node, supervisor, spec);
    }

    /**
     * A fire-and-forget task started from a process (which waits in its mailbox for the start), its
     * body given {@code args} as its process arguments.
     */
    public static StartResult startChild(Proc caller, Object supervisor, ProcessBody body, List<?> args) {
        Objects.requireNonNull(body, "body");
        List<Object> copy = Collections.unmodifiableList(new ArrayList<>(args));   // nulls allowed: Lua nils
        ChildSpec spec = ChildSpec.worker(Task.class, ctx -> StartResult.ok(ctx.spawnWithArguments(null, body, copy)))
                .restart(Restart.TEMPORARY).shutdown(Shutdown.DEFAULT_WORKER);
        return DynamicSupervisor.startChild(caller, supervisor, spec);
    }

    /** A task linked to and owned by {@code caller}; await its result with {@link Task#await}. */
    public static Task async(Proc caller, Object supervisor, ProcessBody body) {
        Task task = asyncNolink(caller, supervisor, body, Shutdown.DEFAULT_WORKER);
        try {
            caller.link(task.pid());
        } catch (ProcessException done) {
            // it has already ended: its result is in the task
        }
        return task;
    }

    /** A task owned by {@code caller}, not linked to it. */
    public static Task asyncNolink(Proc caller, Object supervisor, ProcessBody body) {
        return asyncNolink(caller, supervisor, body, Shutdown.DEFAULT_WORKER);
    }

    public static Task asyncNolink(Proc caller, Object supervisor, ProcessBody body, Shutdown shutdown) {
        return asyncNolink(caller, supervisor, body, shutdown, List.of());
    }

    /** A task owned by {@code caller}, not linked to it, its body given {@code args} as its process arguments. */
    public static Task asyncNolink(Proc caller, Object supervisor, ProcessBody body, List<?> args) {
        return asyncNolink(caller, supervisor, body, Shutdown.DEFAULT_WORKER, args);
    }

    private static Task asyncNolink(Proc caller, Object supervisor, ProcessBody body, Shutdown shutdown,
                                    List<?> args) {
        Task task = new Task(caller.node(), caller.pid());
        StartResult r = DynamicSupervisor.startChild(caller, supervisor, taskSpec(task, body, shutdown, args));
        return started(task, r);
    }

    /** A task awaited from outside any process. */
    public static Task async(Node node, Object supervisor, ProcessBody body) {
        Task task = new Task(node, null);
        StartResult r = DynamicSupervisor.startChild(node, supervisor, taskSpec(task, body, Shutdown.DEFAULT_WORKER, List.of()));
        return started(task, r);
    }

    private static Task started(Task task, StartResult r) {
        if (r instanceof StartResult.Started s) {
            task.started(s.pid());
            return task;
        }
        if (r instanceof StartResult.Failed f && f.error() == SupervisorError.MAX_CHILDREN) {
            throw new IllegalStateException("reached the maximum number of tasks for this task supervisor");
        }
        throw new IllegalStateException("task not started: " + r);
    }

    private static ChildSpec taskSpec(Task task, ProcessBody body, Shutdown shutdown, List<?> args) {
        ProcessBody completing = task.completing(Objects.requireNonNull(body, "body"));
        List<Object> copy = Collections.unmodifiableList(new ArrayList<>(args));   // nulls allowed: Lua nils
        return ChildSpec.worker(Task.class, ctx -> StartResult.ok(copy.isEmpty() ? ctx.spawn(completing)
                        : ctx.spawnWithArguments(null, completing, copy)))
                .restart(Restart.TEMPORARY).shutdown(shutdown);
    }
}
