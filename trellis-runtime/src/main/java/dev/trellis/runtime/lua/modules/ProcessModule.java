package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;
import static dev.trellis.lua.LuaArgs.checkString;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.core.Spawner;
import dev.trellis.core.channel.Channel;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import dev.trellis.lua.LuaValues;
import java.time.Duration;
import java.util.Map;
import dev.trellis.lua.LuaStrings;
import dev.trellis.runtime.lua.CodeUpgrade;
import dev.trellis.runtime.lua.LuaChannel;
import dev.trellis.runtime.lua.Durations;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProc;
import dev.trellis.runtime.lua.LuaStart;
import dev.trellis.runtime.lua.LuaProgram;
import dev.trellis.runtime.lua.Payloads;
import dev.trellis.runtime.lua.SpawnTarget;

/**
 * The {@code process} global: identity, spawning, messaging, monitors and links,
 * cancel and terminate, options, subscriptions, and the name registry.
 *
 * <pre>{@code
 * local pid, err = process.spawn_monitored("app.workers:task", "app:processes", {n = 1})
 * if err then return nil, "spawn failed: " .. err end
 * process.send(pid, "work", "payload")
 * local e = process.events():receive()        -- {kind = process.event.EXIT, from = pid, result = {...}}
 * process.registry.register("pool")
 * process.cancel(pid, "5s", "shutting down")   -- CANCEL now, terminate if still alive after 5s
 * }</pre>
 *
 * <p>Return conventions (docs/process-model.md, Lua processes): success gives {@code true} (or the
 * value), failure {@code nil, err} with an error object; wrong argument types raise. Errors of
 * terminate/cancel/monitor/unmonitor/link/unlink are reported as {@code "<op> failed: <reason>"}
 * with kind INTERNAL; send and spawn keep the core's kind. Every function finds its process
 * through its state ({@link LuaProc#of}), so the table is shared by all processes (frozen).
 */
final class ProcessModule {

    private static final Object[] TRUE = {Boolean.TRUE};
    /** The pid operations a scope must allow ({@code process.<op>} on the target pid). */
    private static final java.util.Set<String> CHECKED_OPS = java.util.Set.of("terminate", "cancel", "monitor", "link");

    private ProcessModule() {
    }

    /** {@return the frozen {@code process} table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        BuiltInModules.fn(t, "pid", (s, a) -> new Object[] {LuaProc.of(s).pidText()});
        BuiltInModules.fn(t, "id", (s, a) -> new Object[] {LuaProc.of(s).program().id().toString()});
        BuiltInModules.fn(t, "send", ProcessModule::send);
        BuiltInModules.fn(t, "spawn", (s, a) -> spawn(s, a, "spawn", false, false));
        BuiltInModules.fn(t, "spawn_monitored", (s, a) -> spawn(s, a, "spawn_monitored", true, false));
        BuiltInModules.fn(t, "spawn_linked", (s, a) -> spawn(s, a, "spawn_linked", false, true));
        BuiltInModules.fn(t, "spawn_linked_monitored", (s, a) -> spawn(s, a, "spawn_linked_monitored", true, true));
        BuiltInModules.fn(t, "terminate", (s, a) -> onPid(s, a, "terminate", (p, pid) -> p.proc().terminate(pid)));
        // (terminate, cancel, monitor and link are checked against the caller's scope: process.<op> on the pid)
        BuiltInModules.fn(t, "cancel", ProcessModule::cancel);
        BuiltInModules.fn(t, "monitor", (s, a) -> onPid(s, a, "monitor", (p, pid) -> p.proc().monitor(pid)));
        BuiltInModules.fn(t, "unmonitor", (s, a) -> onPid(s, a, "unmonitor", (p, pid) -> p.proc().unmonitor(pid)));
        BuiltInModules.fn(t, "link", (s, a) -> onPid(s, a, "link", (p, pid) -> p.proc().link(pid)));
        BuiltInModules.fn(t, "unlink", (s, a) -> onPid(s, a, "unlink", (p, pid) -> p.proc().unlink(pid)));
        BuiltInModules.fn(t, "get_options", (s, a) -> {
            LuaTable o = new LuaTable(0, 1);
            o.rawset("trap_links", LuaProc.orNull(s) != null && LuaProc.orNull(s).proc().trapLinks());
            return new Object[] {o};
        });
        BuiltInModules.fn(t, "set_options", ProcessModule::setOptions);
        BuiltInModules.fn(t, "inbox", (s, a) -> new Object[] {LuaProc.of(s).inbox()});
        BuiltInModules.fn(t, "events", (s, a) -> new Object[] {LuaProc.of(s).events()});
        BuiltInModules.fn(t, "listen", ProcessModule::listen);
        BuiltInModules.fn(t, "unlisten", ProcessModule::unlisten);
        BuiltInModules.fn(t, "upgrade", ProcessModule::upgrade);
        LuaTable event = new LuaTable(0, 3);
        event.rawset("CANCEL", "pid.cancel");
        event.rawset("EXIT", "pid.exit");
        event.rawset("LINK_DOWN", "pid.link.down");
        t.rawset("event", event.freeze());
        t.rawset("registry", RegistryModule.create());
        SpawnerModule.install(t);
        return t.freeze();
    }

    // ============================================================================================
    // Messaging and spawning
    // ============================================================================================

    private static Object[] send(LuaState s, Object[] a) {
        if (a.length < 2) {
            return LuaErrors.fail(ErrorKind.INVALID, "send requires at least destination and topic arguments");
        }
        if (!(a[0] instanceof String dest)) {
            // A number is not coerced to a name here (as Wippy does): send(123, ...) is a mistake.
            throw LuaArgs.typeError(a, 0, "send", "pid or name string");
        }
        String topic = checkString(a, 1, "send");
        LuaProc p = LuaProc.of(s);
        if (PermissionChecks.active(p)) {
            Object[] denied;
            try {
                denied = PermissionChecks.denied(p, "process.send", p.proc().node().resolve(dest).toString(),
                        "not allowed to send: " + LuaStrings.toJava(dest));
            } catch (ProcessException e) {
                return LuaErrors.fail(e.error());
            }
            if (denied != null) {
                return denied;
            }
        }
        try {
            p.proc().send(dest, topic, Payloads.exportAll(a, 2));
            return TRUE;
        } catch (ProcessException e) {
            return LuaErrors.fail(e.error());
        } catch (IllegalArgumentException e) {
            return LuaErrors.fail(ErrorKind.INVALID, e.getMessage());
        }
    }

    private static Object[] spawn(LuaState s, Object[] a, String fname, boolean monitored, boolean linked) {
        if (a.length < 2) {
            return LuaErrors.fail(ErrorKind.INVALID, "spawn requires at least id and host arguments");
        }
        String id = checkString(a, 0, fname);
        String host = checkString(a, 1, fname);
        LuaProc p = LuaProc.of(s);
        Object[] denied = PermissionChecks.spawnDenied(p, id, false, monitored, linked);
        if (denied != null) {
            return denied;
        }
        SpawnTarget target = SpawnTarget.resolve(p, id, host);
        if (target.error() != null) {
            return LuaErrors.fail(target.error());
        }
        denied = PermissionChecks.hostDenied(p, target.host());
        if (denied != null) {
            return denied;
        }
        try {
            Spawner spawner = p.proc().spawner().on(target.host());
            if (monitored) {
                spawner = spawner.monitored();
            }
            if (linked) {
                spawner = spawner.linked();
            }
            // A plain spawn passes on who the parent acts for (actor and scope), not its other context values.
            Map<String, Object> inherited = SecurityContext.securityOnly(p.context());
            Pid pid = inherited.isEmpty()
                    ? spawner.spawn(target.program(), Payloads.exportAll(a, 2))
                    : spawner.spawn(new LuaStart(target.program(), inherited, null), Payloads.exportAll(a, 2));
            return new Object[] {pid.toString()};
        } catch (ProcessException e) {
            return LuaErrors.fail(e.error());
        }
    }

    // ============================================================================================
    // Monitors, links, cancel, terminate
    // ============================================================================================

    @FunctionalInterface
    private interface PidOp {
        void apply(LuaProc p, Pid pid);
    }

    private static Object[] onPid(LuaState s, Object[] a, String op, PidOp action) {
        String dest = checkString(a, 0, op);
        LuaProc p = LuaProc.of(s);
        Pid pid;
        try {
            pid = p.proc().node().resolve(dest);
        } catch (ProcessException e) {
            return LuaErrors.fail(e.error());
        }
        if (CHECKED_OPS.contains(op)) {
            Object[] denied = PermissionChecks.denied(p, "process." + op, pid.toString(),
                    "not allowed to " + op + ": " + LuaStrings.toJava(dest));
            if (denied != null) {
                return denied;
            }
        }
        try {
            action.apply(p, pid);
            return TRUE;
        } catch (ProcessException e) {
            return LuaErrors.fail(ErrorKind.INTERNAL, op + " failed: " + e.getMessage());
        }
    }

    /**
     * {@code cancel(dest[, timeout][, reason])}: CANCEL now, terminate if still alive after the
     * timeout (docs/process-model.md, Cancel).
     */
    private static Object[] cancel(LuaState s, Object[] a) {
        if (a.length < 1) {
            return LuaErrors.fail(ErrorKind.INVALID, "cancel requires at least destination argument");
        }
        Duration timeout = null;
        String reason = "";
        Object second = arg(a, 1);
        if (a.length >= 3) {
            timeout = second == null ? null : durationArg(second);
            reason = reasonArg(a, 2);
        } else if (second != null) {
            if (Durations.isDuration(second)) {
                timeout = durationArg(second);
            } else {
                reason = reasonArg(a, 1);
            }
        }
        Duration t = timeout;
        String r = reason;
        return onPid(s, a, "cancel", (p, pid) -> {
            if (t == null) {
                p.proc().cancel(pid, r);
            } else {
                p.proc().cancel(pid, t, r);
            }
        });
    }

    private static Duration durationArg(Object v) {
        Duration d = Durations.of(v, "cancel");
        if (d.isNegative()) {
            throw new LuaError("bad argument #2 to 'cancel' (timeout must not be negative)");
        }
        return d;
    }

    private static String reasonArg(Object[] a, int i) {
        Object v = arg(a, i);
        if (v == null) {
            return "";
        }
        if (v instanceof String || v instanceof Long || v instanceof Double) {
            return checkString(a, i, "cancel");
        }
        throw dev.trellis.lua.LuaArgs.typeError(a, i, "cancel", "string");
    }

    // ============================================================================================
    // Options and subscriptions
    // ============================================================================================

    private static Object[] setOptions(LuaState s, Object[] a) {
        if (!(arg(a, 0) instanceof LuaTable options)) {
            return new Object[] {Boolean.FALSE, LuaErrors.invalid("options parameter must be a table")};
        }
        LuaProc p = LuaProc.of(s);
        LuaUserdata problem = null;
        Object[] kv = new Object[2];
        for (Object k = null; options.next(k, kv); k = kv[0]) {
            if ("trap_links".equals(kv[0])) {
                if (kv[1] instanceof Boolean b) {
                    p.proc().trapLinks(b);
                } else if (problem == null) {
                    problem = LuaErrors.invalid("trap_links must be a boolean");
                }
            } else if (kv[0] instanceof String key && problem == null) {
                problem = LuaErrors.invalid("option " + key + " is not supported");
            }
        }
        return problem == null ? new Object[] {Boolean.TRUE, null} : new Object[] {Boolean.FALSE, problem};
    }

    private static Object[] listen(LuaState s, Object[] a) {
        String topic = checkString(a, 0, "listen");
        boolean messages = arg(a, 1) instanceof LuaTable opts && LuaValues.isTruthy(opts.rawgetStr("message"));
        LuaProc p = LuaProc.of(s);
        try {
            Channel<?> ch = messages ? p.proc().listenMessages(topic) : p.proc().listen(topic);
            return new Object[] {p.listener(ch)};
        } catch (ProcessException e) {
            return LuaErrors.fail(e.error());
        }
    }

    // ============================================================================================
    // Code upgrade
    // ============================================================================================

    /**
     * {@code upgrade([entry][, args...])}: the process goes on as {@code entry}'s main (its own entry
     * when nil or ""), called with {@code args}; the call does not return. An entry that does not
     * exist is reported before anything is given up: {@code nil, err} (NOT_FOUND, naming it), and
     * the old code carries on.
     */
    private static Object[] upgrade(LuaState s, Object[] a) {
        LuaProc p = LuaProc.of(s);
        Object first = arg(a, 0);
        LuaProgram target;
        if (first == null || "".equals(first)) {
            target = p.program();
        } else if (first instanceof String id) {
            target = p.program().runtime().program(id);
            if (target == null) {
                return LuaErrors.fail(ErrorKind.NOT_FOUND, "upgrade: entry not found: " + LuaStrings.toJava(id)
                        + " (a process.lua or function.lua entry id, namespace:name)");
            }
        } else {
            throw LuaArgs.typeError(a, 0, "upgrade", "string or nil");
        }
        String targetId = target.id().toString();
        Object[] denied = PermissionChecks.denied(p, "process.upgrade", targetId, "not allowed to upgrade to: " + targetId);
        if (denied != null) {
            return denied;
        }
        throw new CodeUpgrade(target, Payloads.exportAll(a, 1));
    }

    private static Object[] unlisten(LuaState s, Object[] a) {
        if (!(arg(a, 0) instanceof LuaChannel)) {
            throw new LuaError("channel expected");
        }
        LuaProc p = LuaProc.of(s);
        Channel<?> ch = (Channel<?>) ((LuaUserdata) a[0]).value();
        if (!p.proc().unlisten(ch)) {
            return new Object[] {Boolean.FALSE, LuaErrors.object(ProcessError.of(ErrorKind.NOT_FOUND, "unsubscribe: channel not found"))};
        }
        p.forget(ch);
        return TRUE;
    }
}
