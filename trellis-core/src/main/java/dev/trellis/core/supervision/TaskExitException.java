package dev.trellis.core.supervision;

/**
 * {@link Task#await} on a task that failed: carries the task's exit reason (Elixir exits the
 * caller with it).
 *
 * <pre>{@code
 * try {
 *     Task.await(proc, task, Duration.ofSeconds(1));
 * } catch (TaskExitException e) {
 *     log(e.reason());   // e.g. Failed[error=java.lang.IllegalStateException: boom]
 * }
 * }</pre>
 */
public final class TaskExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ExitReason reason;

    public TaskExitException(Task task, ExitReason reason) {
        super("task " + task.pid() + " exited: " + reason,
                reason instanceof ExitReason.Failed f && f.error() instanceof Throwable t ? t : null);
        this.reason = reason;
    }

    public ExitReason reason() {
        return reason;
    }
}
