package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;
import static dev.trellis.lua.LuaArgs.checkTable;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.core.supervision.CallException;
import dev.trellis.core.supervision.ChildCounts;
import dev.trellis.core.supervision.ChildInfo;
import dev.trellis.core.supervision.ChildSpec;
import dev.trellis.core.supervision.ExitReason;
import dev.trellis.core.supervision.Outcome;
import dev.trellis.core.supervision.StartResult;
import dev.trellis.core.supervision.Supervisor;
import dev.trellis.core.supervision.SupervisorError;
import dev.trellis.core.supervision.SupervisorOptions;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaValues;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProc;
import dev.trellis.runtime.lua.supervision.LuaSpecs;
import dev.trellis.runtime.lua.supervision.LuaSupervision;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code require("supervisor")}: OTP supervisors driven from Lua, on the same core supervisors as
 * the YAML {@code process.supervisor} entries (and the Java API).
 *
 * <pre>{@code
 * local supervisor = require("supervisor")
 * local sup = supervisor.start_link({ strategy = "one_for_one",
 *     children = { { id = "queue", process = "app:simple_queue", args = { {1, 2, 3} } } } })
 * supervisor.which_children(sup)          -- { { id = "queue", pid = "{...}", type = "worker", restart = "permanent" } }
 * supervisor.terminate_child(sup, "queue") -- true
 * supervisor.restart_child(sup, "queue")   -- the new pid
 * local pid, err = supervisor.restart_child(sup, "nope")
 * tostring(err)                            -- "not_found: supervisor ... has no child nope"; err:kind() == errors.NOT_FOUND
 * }</pre>
 *
 * <p>{@code sup} is a pid string or a registered name. Failures of the operation return
 * {@code nil, err}; the message starts with OTP's tag ({@code not_found}, {@code running},
 * {@code restarting}, {@code already_present}, {@code already_started}, {@code max_children},
 * {@code start_failed}) and the kind maps it: NOT_FOUND, INVALID, ALREADY_EXISTS, LIMIT_EXCEEDED,
 * INTERNAL. A supervisor that does not exist is NOT_FOUND. A bad argument (a spec field of the wrong
 * type, a missing strategy) raises an error naming the function and the field.
 *
 * <p>Each function is a synchronous call to the supervisor: the calling process waits in its
 * mailbox until the supervisor answers (a supervisor serves calls one at a time).
 */
final class SupervisorModule {

    private SupervisorModule() {
    }

    static LuaTable create() {
        LuaTable t = new LuaTable();
        BuiltInModules.fn(t, "start_link", (s, a) -> start(LuaProc.of(s), checkTable(a, 0, "start_link"), true));
        BuiltInModules.fn(t, "start", (s, a) -> start(LuaProc.of(s), checkTable(a, 0, "start"), false));
        BuiltInModules.fn(t, "start_child", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Object sup = supervisor(a, "start_child");
            LuaTable spec = checkTable(a, 1, "start_child");
            LuaSpecs specs = new LuaSpecs("supervisor.start_child", p.program().id().namespace());
            return call(sup, () -> {
                LuaSpecs.Child c = specs.child(spec, "", dev.trellis.core.supervision.AutoShutdown.ANY_SIGNIFICANT);
                ChildSpec child = new LuaSupervision(p.program().runtime()).childSpec(c.child(), c.args());
                return started(Supervisor.startChild(p.proc(), sup, child), sup);
            });
        });
        BuiltInModules.fn(t, "terminate_child", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Object sup = supervisor(a, "terminate_child");
            Object child = idOrPid(a, 1, "terminate_child");
            return call(sup, () -> outcome(Supervisor.terminateChild(p.proc(), sup, child), sup, child));
        });
        BuiltInModules.fn(t, "restart_child", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Object sup = supervisor(a, "restart_child");
            String id = childId(a, 1, "restart_child");
            return call(sup, () -> started(Supervisor.restartChild(p.proc(), sup, id), sup));
        });
        BuiltInModules.fn(t, "delete_child", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Object sup = supervisor(a, "delete_child");
            String id = childId(a, 1, "delete_child");
            return call(sup, () -> outcome(Supervisor.deleteChild(p.proc(), sup, id), sup, id));
        });
        BuiltInModules.fn(t, "which_children", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Object sup = supervisor(a, "which_children");
            return call(sup, () -> new Object[] {children(Supervisor.whichChildren(p.proc(), sup))});
        });
        BuiltInModules.fn(t, "count_children", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Object sup = supervisor(a, "count_children");
            return call(sup, () -> {
                ChildCounts c = Supervisor.countChildren(p.proc(), sup);
                LuaTable counts = new LuaTable(0, 4);
                counts.rawset("specs", (long) c.specs());
                counts.rawset("active", (long) c.active());
                counts.rawset("supervisors", (long) c.supervisors());
                counts.rawset("workers", (long) c.workers());
                return new Object[] {counts};
            });
        });
        BuiltInModules.fn(t, "stop", (s, a) -> {
            LuaProc p = LuaProc.of(s);
            Object sup = supervisor(a, "stop");
            ExitReason reason = reason(arg(a, 1));
            return call(sup, () -> {
                Supervisor.stop(p.proc(), sup, reason);
                return new Object[] {Boolean.TRUE};
            });
        });
        return t.freeze();
    }

    // ---- starting ----------------------------------------------------------------------------------

    private static Object[] start(LuaProc p, LuaTable spec, boolean link) {
        String fname = link ? "supervisor.start_link" : "supervisor.start";
        LuaSpecs specs = new LuaSpecs(fname, p.program().id().namespace());
        SupervisorOptions options = specs.supervisorOptions(spec, p.proc().host().id());
        List<LuaSpecs.Child> children = specs.children(spec, options.autoShutdown());
        LuaSupervision supervision = new LuaSupervision(p.program().runtime());
        List<ChildSpec> childSpecs = new ArrayList<>(children.size());
        try {
            for (LuaSpecs.Child c : children) {
                childSpecs.add(supervision.childSpec(c.child(), c.args()));
            }
            StartResult r = supervision.startSupervisor(link ? p.proc() : null, options, childSpecs);
            return started(r, options.name() != null ? options.name() : "(new supervisor)");
        } catch (ProcessException e) {
            return LuaErrors.fail(e.error());
        }
    }

    // ---- arguments ---------------------------------------------------------------------------------

    /** {@code sup}: a pid string, or a registered name. */
    private static Object supervisor(Object[] a, String fname) {
        return CallTargets.of(a, 0, fname, "supervisor pid or registered name");
    }

    private static Object idOrPid(Object[] a, int i, String fname) {
        return CallTargets.of(a, i, fname, "child id or pid");
    }

    private static String childId(Object[] a, int i, String fname) {
        Object v = arg(a, i);
        if (!(v instanceof String text) || text.isEmpty()) {
            throw new LuaError("bad argument #" + (i + 1) + " to '" + fname + "' (child id expected, got "
                    + LuaValues.typeName(v) + ")");
        }
        return LuaStrings.toJava(text);
    }

    private static ExitReason reason(Object v) {
        if (v == null || "normal".equals(v)) {
            return ExitReason.NORMAL;
        }
        if ("shutdown".equals(v)) {
            return ExitReason.SHUTDOWN;
        }
        if (v instanceof String s) {
            return new ExitReason.Failed(ProcessError.of(ErrorKind.INTERNAL, LuaStrings.toJava(s)));
        }
        throw new LuaError("bad argument #2 to 'stop' (reason string expected, got " + LuaValues.typeName(v) + ")");
    }

    // ---- results -----------------------------------------------------------------------------------

    /** Runs one call to {@code sup}, turning a missing supervisor or a timeout into {@code nil, err}. */
    static Object[] call(Object sup, Supplier<Object[]> body) {
        try {
            return body.get();
        } catch (CallException e) {
            return switch (e.kind()) {
                case NOPROC -> LuaErrors.fail(ErrorKind.NOT_FOUND, "supervisor not found: " + sup);
                case TIMEOUT -> LuaErrors.fail(ErrorKind.UNAVAILABLE, "timeout: supervisor " + sup + " did not answer");
                case CALLEE_EXITED -> LuaErrors.fail(ErrorKind.UNAVAILABLE, "supervisor " + sup
                        + " exited before answering");
            };
        } catch (ProcessException e) {
            return LuaErrors.fail(e.error());
        }
    }

    static Object[] started(StartResult r, Object sup) {
        return switch (r) {
            case StartResult.Started s -> new Object[] {LuaStrings.fromJava(s.pid().toString())};
            case StartResult.Ignored i -> new Object[] {null, LuaErrors.object(ProcessError.of(ErrorKind.INVALID,
                    "ignore: the child's start chose not to run it"))};
            case StartResult.Failed f -> LuaErrors.fail(error(f.error(), sup, f.pid(), f.reason()));
        };
    }

    private static Object[] outcome(Outcome o, Object sup, Object child) {
        return switch (o) {
            case Outcome.Ok ok -> new Object[] {Boolean.TRUE};
            case Outcome.Rejected r -> LuaErrors.fail(error(r.error(), sup, null, child));
        };
    }

    /** The Lua error of a supervisor's answer: OTP's tag first, then what it is about. */
    static ProcessError error(SupervisorError e, Object sup, Pid pid, Object detail) {
        String tag = e == null ? "start_failed" : e.erlangName();
        return switch (e == null ? SupervisorError.START_FAILED : e) {
            case ALREADY_STARTED -> ProcessError.of(ErrorKind.ALREADY_EXISTS, tag + ": the child is already running"
                    + (pid == null ? "" : " as " + pid));
            case ALREADY_PRESENT -> ProcessError.of(ErrorKind.ALREADY_EXISTS, tag
                    + ": a child with that id exists (stopped); restart_child or delete_child it");
            case RUNNING -> ProcessError.of(ErrorKind.INVALID, tag + ": the child is running; terminate_child it first");
            case RESTARTING -> ProcessError.of(ErrorKind.INVALID, tag + ": the child is being restarted");
            case NOT_FOUND -> ProcessError.of(ErrorKind.NOT_FOUND, tag + ": supervisor " + sup + " has no child "
                    + (detail == null ? "with that id" : detail));
            case MAX_CHILDREN -> ProcessError.of(ErrorKind.LIMIT_EXCEEDED, tag + ": supervisor " + sup
                    + " runs as many children as its max_children allows");
            case SIMPLE_ONE_FOR_ONE -> ProcessError.of(ErrorKind.INVALID, tag
                    + ": a dynamic supervisor's children are named by pid, not id");
            case START_FAILED -> ProcessError.of(ErrorKind.INTERNAL, tag + ": " + describe(detail));
        };
    }

    private static String describe(Object reason) {
        return switch (reason) {
            case null -> "the child did not start";
            case ExitReason.Failed f when f.error() instanceof ProcessError pe -> pe.message();
            case ProcessError pe -> pe.message();
            case Throwable t -> String.valueOf(t.getMessage());
            default -> String.valueOf(reason);
        };
    }

    private static LuaTable children(List<ChildInfo> infos) {
        LuaTable list = new LuaTable(infos.size(), 0);
        long i = 1;
        for (ChildInfo c : infos.reversed()) {   // the core lists the most recently started first
            LuaTable row = new LuaTable(0, 4);
            if (c.id() != null) {
                row.rawset("id", LuaStrings.fromJava(String.valueOf(c.id())));
            }
            if (c.pid() != null) {
                row.rawset("pid", LuaStrings.fromJava(c.pid().toString()));
            }
            row.rawset("type", c.type().erlangName());
            row.rawset("restart", c.restart().erlangName());
            list.rawsetInt(i++, row);
        }
        return list;
    }
}
