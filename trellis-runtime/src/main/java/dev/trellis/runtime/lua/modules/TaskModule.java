package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessBody;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.core.supervision.CallException;
import dev.trellis.core.supervision.ExitReason;
import dev.trellis.core.supervision.Task;
import dev.trellis.core.supervision.TaskExitException;
import dev.trellis.core.supervision.TaskSupervisor;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import dev.trellis.lua.LuaValues;
import dev.trellis.core.supervision.Server;
import dev.trellis.runtime.lua.Durations;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProc;
import dev.trellis.runtime.lua.LuaStart;
import dev.trellis.runtime.lua.Payloads;
import dev.trellis.runtime.lua.SpawnTarget;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code require("task")}: Elixir's {@code Task} and {@code Task.Supervisor} for Lua. A Lua function
 * cannot cross processes, so a task runs an entry ({@code process.lua}) with arguments, and its
 * result is what that entry's main returns.
 *
 * <pre>{@code
 * local task = require("task")
 * local t = task.async("app:square", 7)          -- linked to and owned by this process
 * task.await(t)                                  -- 49 (or nil, err; timeout 5 s by default)
 * local slow = task.async("app:slow")
 * task.yield(slow, "10ms")                       -- nothing yet: the task keeps running
 * task.shutdown(slow)                            -- unlinks and stops it
 * task.start_child("app:tasks", "app:cleanup")   -- fire and forget under a task supervisor
 * local n = task.async_nolink("app:tasks", "app:risky")
 * local v, err = task.await(n)                   -- its crash is an error value, not ours
 * }</pre>
 *
 * <p>Rules, as in Elixir: an {@code async} task is linked to its owner (its crash takes the owner
 * down unless the owner traps links); only the owner may await or yield it; after an await times
 * out the task is abandoned (it keeps running, its result is never seen). A task handle is
 * userdata and does not cross processes ({@code t:pid()} gives its pid). Tasks inherit the caller's
 * actor and scope, as plain spawns do, and a checked process needs the permissions of a spawn
 * ({@code process.spawn}; for {@code async} also {@code process.spawn.linked} and
 * {@code process.spawn.monitored}) on the entry.
 */
final class TaskModule {

    private static final LuaTable TASK_MT = new LuaTable();

    static {
        LuaTable methods = new LuaTable();
        BuiltInModules.fn(methods, "pid", (s, a) -> new Object[] {handle(a, 0, "pid").pid().toString()});
        TASK_MT.rawset("__index", methods.freeze());
        TASK_MT.rawset("__name", "task.Task");
        BuiltInModules.fn(TASK_MT, "__tostring", (s, a) -> new Object[] {"task: " + handle(a, 0, "tostring").pid()});
        TASK_MT.freeze();
    }

    private TaskModule() {
    }

    /** {@return the frozen {@code task} module table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        BuiltInModules.fn(t, "async", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            ProcessBody body = body(p, a, 0, "async");
            Object[] denied = PermissionChecks.spawnDenied(p, (String) a[0], false, true, true);
            if (denied != null) {
                return denied;
            }
            try {
                return wrap(Task.async(p.proc(), body, Payloads.exportAll(a, 1)));
            } catch (ProcessException e) {
                return LuaErrors.fail(e.error());
            }
        });
        BuiltInModules.fn(t, "async_nolink", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Object sup = CallTargets.of(a, 0, "async_nolink", "task supervisor pid or registered name");
            ProcessBody body = body(p, a, 1, "async_nolink");
            Object[] denied = PermissionChecks.spawnDenied(p, (String) a[1], false, false, false);
            if (denied != null) {
                return denied;
            }
            List<Object> args = Arrays.asList(Payloads.exportAll(a, 2));
            return SupervisorModule.call(sup, () -> {
                try {
                    return wrap(TaskSupervisor.asyncNolink(p.proc(), sup, body, args));
                } catch (IllegalStateException full) {
                    return LuaErrors.fail(ErrorKind.LIMIT_EXCEEDED, "max_children: task supervisor " + sup
                            + " runs as many tasks as its max_children allows");
                }
            });
        });
        BuiltInModules.fn(t, "start_child", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Object sup = CallTargets.of(a, 0, "start_child", "task supervisor pid or registered name");
            ProcessBody body = body(p, a, 1, "start_child");
            Object[] denied = PermissionChecks.spawnDenied(p, (String) a[1], false, false, false);
            if (denied != null) {
                return denied;
            }
            List<Object> args = Arrays.asList(Payloads.exportAll(a, 2));
            return SupervisorModule.call(sup, () -> SupervisorModule.started(
                    TaskSupervisor.startChild(p.proc(), sup, body, args), sup));
        });
        BuiltInModules.fn(t, "await", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Task task = handle(a, 0, "await");
            Duration timeout = Durations.timeoutArg(a, 1, "await", Server.DEFAULT_CALL_TIMEOUT);
            try {
                return new Object[] {Payloads.toLua(Task.await(p.proc(), task, timeout))};
            } catch (TaskExitException e) {
                return LuaErrors.fail(errorOf(e.reason()));
            } catch (CallException e) {
                return LuaErrors.fail(ErrorKind.UNAVAILABLE, "timeout: task " + task.pid() + " did not finish within "
                        + timeout.toMillis() + " ms");
            } catch (IllegalArgumentException notOwner) {
                throw new LuaError("bad argument #1 to 'await' (" + notOwner.getMessage() + ")");
            }
        });
        BuiltInModules.fn(t, "yield", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Task task = handle(a, 0, "yield");
            Duration timeout = Durations.timeoutArg(a, 1, "yield", Server.DEFAULT_CALL_TIMEOUT);
            return outcome(waitFor(p, task, timeout, "yield"));
        });
        BuiltInModules.fn(t, "shutdown", TaskModule::shutdown);
        return t.freeze();
    }

    /**
     * {@code task.shutdown(t[, timeout])}: unlinks the task and cancels it, killing it when it has
     * not ended within the timeout (5 s); returns its result if it had finished, else nothing.
     */
    private static Object[] shutdown(LuaState s, Object[] a) {
        LuaProc p = LuaProc.of(s);
        Task task = handle(a, 0, "shutdown");
        Duration timeout = Durations.timeoutArg(a, 1, "shutdown", Server.DEFAULT_CALL_TIMEOUT);
        Optional<ExitReason> done = task.result();
        if (done.isPresent()) {
            return outcome(done);
        }
        Pid pid = task.pid();
        try {
            p.proc().unlink(pid);
            p.proc().node().cancel(pid, timeout, "shutdown");
        } catch (ProcessException ended) {
            // it ended meanwhile: its result is in the task
        }
        Optional<ExitReason> end = waitFor(p, task, timeout.plusSeconds(1), "shutdown");
        return end.orElse(null) instanceof ExitReason.Normal n ? new Object[] {Payloads.toLua(n.value())} : new Object[0];
    }

    private static Optional<ExitReason> waitFor(LuaProc p, Task task, Duration timeout, String fname) {
        try {
            return Task.yield(p.proc(), task, timeout);
        } catch (IllegalArgumentException notOwner) {
            throw new LuaError("bad argument #1 to '" + fname + "' (" + notOwner.getMessage() + ")");
        }
    }

    /** {@return the value of a finished task, {@code nil, err} for a failed one, nothing while it runs} */
    private static Object[] outcome(Optional<ExitReason> r) {
        if (r.isEmpty()) {
            return new Object[0];
        }
        return r.get() instanceof ExitReason.Normal n ? new Object[] {Payloads.toLua(n.value())}
                : LuaErrors.fail(errorOf(r.get()));
    }

    /** {@return the error a task's abnormal end means} */
    private static ProcessError errorOf(ExitReason r) {
        return switch (r) {
            case ExitReason.Failed f when f.error() instanceof ProcessException e -> e.error();
            case ExitReason.Failed f when f.error() instanceof ProcessError e -> e;
            case ExitReason.Failed f -> ProcessError.of(ErrorKind.INTERNAL, String.valueOf(f.error()));
            case ExitReason.Killed k -> ProcessError.TERMINATED;
            case ExitReason.Shutdown sd -> ProcessError.of(ErrorKind.UNAVAILABLE, "shutdown: the task was stopped");
            case ExitReason.Normal n -> ProcessError.of(ErrorKind.INTERNAL, "the task ended normally");
        };
    }

    /** The body of a task: argument {@code i} names a process.lua entry, resolved as a spawn resolves it. */
    private static ProcessBody body(LuaProc p, Object[] a, int i, String fname) {
        Object id = arg(a, i);
        if (!(id instanceof String text) || text.isEmpty()) {
            throw new LuaError("bad argument #" + (i + 1) + " to '" + fname + "' (entry id expected, got "
                    + LuaValues.typeName(id) + ")");
        }
        SpawnTarget target = SpawnTarget.resolve(p, text, LuaStrings.fromJava(p.proc().host().id()));
        if (target.error() != null) {
            throw new LuaError(fname + ": " + target.error().message());
        }
        Map<String, Object> inherited = SecurityContext.securityOnly(p.context());
        return inherited.isEmpty() ? target.program() : new LuaStart(target.program(), inherited, null);
    }

    private static Object[] wrap(Task task) {
        return new Object[] {new LuaUserdata(task, TASK_MT)};
    }

    private static Task handle(Object[] a, int i, String fname) {
        if (arg(a, i) instanceof LuaUserdata u && u.value() instanceof Task task) {
            return task;
        }
        throw new LuaError("bad argument #" + (i + 1) + " to '" + fname + "' (task expected, got "
                + LuaValues.typeName(arg(a, i)) + ")");
    }
}
