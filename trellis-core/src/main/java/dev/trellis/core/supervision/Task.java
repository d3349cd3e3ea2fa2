package dev.trellis.core.supervision;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import dev.trellis.core.ProcessException;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Selected;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A task started with {@link #async}, {@link TaskSupervisor#async} or {@link TaskSupervisor#asyncNolink}: Elixir's
 * {@code %Task{}}, with {@code await} and {@code yield}.
 *
 * <pre>{@code
 * Task t = TaskSupervisor.async(proc, "MyApp.Tasks", p -> expensive());
 * Object v = Task.await(proc, t, Duration.ofSeconds(5));     // or TaskExitException / CallException(TIMEOUT)
 * Optional<ExitReason> r = Task.yield(proc, t2, Duration.ofMillis(100)); // empty: still running
 * }</pre>
 *
 * <p>The result is kept in the task object (Java passes it by reference); an owner process also
 * gets a wake-up message on topic {@link #REPLY_TOPIC}, so it waits in its mailbox. After
 * {@code await} times out the task is abandoned: no late reply can be observed through it.
 *
 * <p>Thread-safety: a task may be completed from the task's thread and read from its owner's.
 */
public final class Task {
    static final String REPLY_TOPIC = "$task.reply";

    private final Node node;
    private final Pid owner; // null: owner outside any process
    private final CompletableFuture<ExitReason> result = new CompletableFuture<>();
    private volatile Pid pid;
    private volatile boolean abandoned;
    /** Set while the owner process waits: only then does completion send it a wake-up. */
    private volatile boolean awaiting;

    Task(Node node, Pid owner) {
        this.node = node;
        this.owner = owner;
    }

    /** The task's process. */
    public Pid pid() {
        return pid;
    }

    void started(Pid pid) {
        this.pid = pid;
    }

    /** Completes once, and wakes the owner process. */
    void complete(ExitReason reason) {
        // Dekker with waitIn: we publish the result then read awaiting; the owner sets awaiting then
        // reads the result. One of us sees the other, so the owner never sleeps through completion,
        // and an owner that never awaits gets no stray message.
        if (result.complete(reason) && owner != null && !abandoned && awaiting) {
            try {
                node.send(owner, REPLY_TOPIC, this);
            } catch (ProcessException gone) {
                // the owner is gone
            }
        }
    }

    /**
     * Elixir's {@code Task.async} without a supervisor: runs {@code body} in a new process linked to
     * {@code caller} with {@code args} as its process arguments; the caller owns the task (a crash of the task takes the caller down unless it traps
     * links; {@link #await} gets the result).
     *
     * <pre>{@code
     * Task t = Task.async(proc, p -> 6 * 7);
     * Task.await(proc, t, Duration.ofSeconds(5));   // 42
     * }</pre>
     */
    public static Task async(Proc caller, ProcessBody body, Object... args) {
        Task task = new Task(caller.node(), caller.pid());
        task.started(caller.spawnLinked(task.completing(Objects.requireNonNull(body, "body")), args));
        return task;
    }

    /**
     * {@return {@code body} wrapped so that its end completes this task}: with its value, its
     * shutdown reason, its failure, or {@code killed} when it unwinds without an exception.
     */
    ProcessBody completing(ProcessBody body) {
        return proc -> {
            try {
                Object v = body.run(proc);
                complete(new ExitReason.Normal(v));
                return v;
            } catch (ShutdownException e) {
                complete(e.reason());
                throw e;
            } catch (Exception e) {
                complete(ExitReason.failed(e));
                throw e;
            } finally {
                complete(ExitReason.KILLED);
            }
        };
    }

    /** {@return the exit reason if the task has ended, without waiting} */
    public Optional<ExitReason> result() {
        return Optional.ofNullable(this.result.getNow(null));
    }

    /** Waits for the result (outside any process); TIMEOUT abandons the task. */
    public static Object await(Task task, Duration timeout) {
        ExitReason r = waitOutside(task, timeout);
        if (r == null) {
            task.abandoned = true;
            throw new CallException(CallException.Kind.TIMEOUT,
                    "task " + task.pid + " did not reply within " + timeout.toMillis() + " ms");
        }
        return valueOf(task, r);
    }

    /** Waits for the result in {@code caller}'s mailbox; TIMEOUT abandons the task. */
    public static Object await(Proc caller, Task task, Duration timeout) {
        ExitReason r = waitIn(caller, task, timeout);
        if (r == null) {
            task.abandoned = true;
            throw new CallException(CallException.Kind.TIMEOUT,
                    "task " + task.pid + " did not reply within " + timeout.toMillis() + " ms");
        }
        return valueOf(task, r);
    }

    /**
     * Elixir's {@code Task.yield}: the exit reason if the task ended within {@code timeout}
     * ({@link ExitReason.Normal} holds its value), else empty and the task keeps running.
     */
    public static Optional<ExitReason> yield(Proc caller, Task task, Duration timeout) {
        return Optional.ofNullable(waitIn(caller, task, timeout));
    }

    public static Optional<ExitReason> yield(Task task, Duration timeout) {
        return Optional.ofNullable(waitOutside(task, timeout));
    }

    private static Object valueOf(Task task, ExitReason r) {
        if (r instanceof ExitReason.Normal n) {
            return n.value();
        }
        throw new TaskExitException(task, r);
    }

    private static ExitReason waitOutside(Task task, Duration timeout) {
        try {
            return task.result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ExitReason waitIn(Proc caller, Task task, Duration timeout) {
        if (task.owner == null || !task.owner.equals(caller.pid())) {
            throw new IllegalArgumentException("task " + task.pid + " is owned by " + task.owner + ", not " + caller.pid());
        }
        Channel<Object> replies = caller.listen(REPLY_TOPIC);
        long deadline = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        CallClock clock = CallClock.of(caller);
        Channel<Instant> fires = clock.arm(deadline);
        task.awaiting = true;
        while (!task.result.isDone()) {
            Selected s = caller.select(replies.receiveCase(), fires.receiveCase());
            if (s.channel() == fires && clock.expired(deadline)) {
                break;
            }
            // a wake-up for this or another task (the results live in the task objects), or the
            // clock firing for an earlier deadline (re-armed for ours)
        }
        task.awaiting = false;
        return task.result.getNow(null);
    }
}
