package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;
import static dev.trellis.lua.LuaArgs.checkString;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Event;
import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.core.Spawner;
import dev.trellis.core.channel.Channel;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.trellis.runtime.entry.ProcessHost;
import dev.trellis.runtime.lua.LuaErrors;
import dev.trellis.runtime.lua.LuaProc;
import dev.trellis.runtime.lua.LuaProgram;
import dev.trellis.runtime.lua.LuaStart;
import dev.trellis.runtime.lua.Payloads;
import dev.trellis.runtime.lua.SpawnTarget;

/**
 * {@code process.with_context}, {@code process.with_options} and the immutable Spawner they return
 * and {@code process.exec}: spawning with inherited context values, a
 * registered name, and messages queued before the child runs; and spawning and waiting for the
 * result.
 *
 * <pre>{@code
 * local pid, err = process.with_context({request_id = "r1"})
 *     :with_name("cache")                    -- spawn-or-signal: if "cache" exists, no new process
 *     :with_message("config", {size = 10})   -- queued before the child runs (sender "")
 *     :spawn_monitored("app:cache", "app:processes")
 * local value, err = process.exec("app:job", "app:processes", 42)   -- runs it, waits, returns its result
 * local ctx = require("ctx"); ctx.get("request_id")                   -- in the child: "r1"
 * }</pre>
 *
 * <p><b>Spawn-or-signal</b> ({@code with_name}): if the name is registered, no process is created:
 * the queued messages go to the holder (sender {@code ""}) and its pid is returned as success.
 * Otherwise the child is spawned held at a gate, its name is registered, its messages are queued,
 * and only then does it run: the name resolves and the messages are there from its first
 * instruction. Two spawners racing for one name both get the winner's pid; the loser's child
 * ends without running (its monitor and link are removed first, so nobody sees it).
 *
 * <p>Trellis decisions: spawner arguments and {@code with_message} payloads are deep-copied like
 * every other message (Wippy shares them); {@code with_options} is accepted and kept
 * but no option changes anything yet; {@code with_actor}/{@code with_scope} set the child's security actor and
 * scope, and a Spawner's spawns are permission-checked as {@code process.spawn*} are ({@link PermissionChecks}).
 * Spawner errors (bad arguments) are raised; spawn failures return {@code nil, err}.
 *
 * <p>Thread-safety: Spawners are immutable; the functions run on their process's thread.
 */
final class SpawnerModule {

    /** A message queued by {@code with_message}. */
    private record Queued(String topic, Object[] payloads) {
    }

    /** The Spawner's state; every {@code with_*} makes a new one. */
    private record Spec(Map<String, Object> context, Map<String, Object> options, String name, List<Queued> messages) {

        Spec with(Map<String, Object> ctx, Map<String, Object> opts, String n, List<Queued> msgs) {
            return new Spec(ctx, opts, n, msgs);
        }
    }

    private static final LuaTable SPAWNER_MT = new LuaTable();

    static {
        LuaTable m = new LuaTable();
        BuiltInModules.fn(m, "with_context", (s, a) -> {
            Spec sp = self(a, "with_context");
            return wrap(sp.with(merge(sp.context(), a, 1, "with_context"), sp.options, sp.name, sp.messages));
        });
        BuiltInModules.fn(m, "with_actor", (s, a) -> {
            Spec sp = self(a, "with_actor");
            SecurityActor actor = SecurityModule.checkActor(a, 1, "with_actor");
            return wrap(sp.with(SecurityContext.with(sp.context(), SecurityContext.ACTOR_KEY, actor),
                    sp.options, sp.name, sp.messages));
        });
        BuiltInModules.fn(m, "with_scope", (s, a) -> {
            Spec sp = self(a, "with_scope");
            SecurityScope scope = SecurityModule.checkScope(a, 1, "with_scope");
            return wrap(sp.with(SecurityContext.with(sp.context(), SecurityContext.SCOPE_KEY, scope),
                    sp.options, sp.name, sp.messages));
        });
        BuiltInModules.fn(m, "with_options", (s, a) -> {
            Spec sp = self(a, "with_options");
            return wrap(sp.with(sp.context(), merge(sp.options, a, 1, "with_options"), sp.name, sp.messages));
        });
        BuiltInModules.fn(m, "with_name", (s, a) -> {
            Spec sp = self(a, "with_name");
            String name = checkString(a, 1, "with_name");
            if (name.isEmpty()) {
                throw LuaArgs.argError(1, "with_name", "name must not be empty");
            }
            return wrap(sp.with(sp.context(), sp.options, name, sp.messages));
        });
        BuiltInModules.fn(m, "with_message", (s, a) -> {
            Spec sp = self(a, "with_message");
            String topic = checkString(a, 1, "with_message");
            if (topic.startsWith("@")) {
                throw LuaArgs.argError(1, "with_message", "cannot send to @ topics");
            }
            List<Queued> msgs = new ArrayList<>(sp.messages);
            msgs.add(new Queued(topic, Payloads.exportAll(a, 2)));
            return wrap(sp.with(sp.context(), sp.options, sp.name, List.copyOf(msgs)));
        });
        BuiltInModules.fn(m, "spawn", (s, a) -> spawn(s, a, "spawn", false, false));
        BuiltInModules.fn(m, "spawn_monitored", (s, a) -> spawn(s, a, "spawn_monitored", true, false));
        BuiltInModules.fn(m, "spawn_linked", (s, a) -> spawn(s, a, "spawn_linked", false, true));
        BuiltInModules.fn(m, "spawn_linked_monitored", (s, a) -> spawn(s, a, "spawn_linked_monitored", true, true));
        SPAWNER_MT.rawset("__index", m.freeze());
        SPAWNER_MT.rawset("__name", "process.Spawner");
        SPAWNER_MT.freeze();
    }

    private SpawnerModule() {
    }

    /** Adds {@code with_context}, {@code with_options} and {@code exec} to the process table. */
    static void install(LuaTable process) {
        BuiltInModules.fn(process, "with_context", (s, a) ->
                wrap(new Spec(merge(LuaProc.of(s).context(), a, 0, "with_context"), Map.of(), null, List.of())));
        BuiltInModules.fn(process, "with_options", (s, a) ->
                wrap(new Spec(LuaProc.of(s).context(), merge(Map.of(), a, 0, "with_options"), null, List.of())));
        BuiltInModules.fn(process, "exec", SpawnerModule::exec);
    }

    // ============================================================================================
    // Spawner
    // ============================================================================================

    private static Object[] wrap(Spec spec) {
        return new Object[] {new LuaUserdata(spec, SPAWNER_MT)};
    }

    private static Spec self(Object[] a, String fname) {
        if (arg(a, 0) instanceof LuaUserdata u && u.getMetatable() == SPAWNER_MT) {
            return (Spec) u.value();
        }
        throw LuaArgs.typeError(a, 0, fname, "process.Spawner");
    }

    /** {@return {@code base} plus the string-keyed entries of the table at {@code a[i]}, exported} */
    private static Map<String, Object> merge(Map<String, Object> base, Object[] a, int i, String fname) {
        LuaTable t = LuaArgs.checkTable(a, i, fname);
        Map<String, Object> out = new LinkedHashMap<>(base);
        Object[] kv = new Object[2];
        for (Object k = null; t.next(k, kv); k = kv[0]) {
            if (!(kv[0] instanceof String key)) {
                throw LuaArgs.argError(i, fname, "keys must be strings");
            }
            out.put(key, Payloads.export(kv[1]));
        }
        return Map.copyOf(out);
    }

    private static Object[] spawn(LuaState s, Object[] a, String fname, boolean monitored, boolean linked) {
        Spec spec = self(a, fname);
        if (a.length < 3) {
            throw new LuaError(fname + " requires id and host arguments");
        }
        String id = checkString(a, 1, fname);
        String host = checkString(a, 2, fname);
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
        Node node = p.proc().node();
        try {
            if (spec.name != null) {
                Pid holder = node.registry().whereis(spec.name);
                if (holder != null) {
                    return signal(node, holder, spec);
                }
            }
            Spawner spawner = p.proc().spawner().on(target.host());
            if (monitored) {
                spawner = spawner.monitored();
            }
            if (linked) {
                spawner = spawner.linked();
            }
            LuaStart.Gate gate = spec.name == null ? null : new LuaStart.Gate();
            Pid pid = spawner.spawn(new LuaStart(target.program(), spec.context(), gate), Payloads.exportAll(a, 3));
            if (gate == null) {
                queue(node, pid, spec);
                return new Object[] {pid.toString()};
            }
            try {
                node.registry().register(spec.name, pid);
            } catch (ProcessException e) {
                // Lost the race for the name (or the child was killed at the gate): the child never runs.
                if (monitored) {
                    p.proc().unmonitor(pid);
                }
                if (linked) {
                    p.proc().unlink(pid);
                }
                gate.abort();
                Pid holder = node.registry().whereis(spec.name);
                if (e.error().kind() == ErrorKind.ALREADY_EXISTS && holder != null) {
                    return signal(node, holder, spec);
                }
                return LuaErrors.fail(e.error());
            }
            queue(node, pid, spec);
            gate.open();
            return new Object[] {pid.toString()};
        } catch (ProcessException e) {
            return LuaErrors.fail(e.error());
        }
    }

    /** Spawn-or-signal when the name is taken: the messages go to its holder, whose pid is the result. */
    private static Object[] signal(Node node, Pid holder, Spec spec) {
        queue(node, holder, spec);
        return new Object[] {holder.toString()};
    }

    private static void queue(Node node, Pid to, Spec spec) {
        for (Queued q : spec.messages) {
            node.send(to, q.topic(), q.payloads().clone());
        }
    }

    // ============================================================================================
    // exec
    // ============================================================================================

    /**
     * {@code process.exec(id, host, ...)}: a watcher on the control host spawns the child monitored
     * and sends its result to a private topic of the caller; the calling coroutine parks on it.
     */
    private static Object[] exec(dev.trellis.lua.LuaState s, Object[] a) {
        if (a.length < 2) {
            return LuaErrors.fail(ErrorKind.INVALID, "exec requires id and host arguments");
        }
        String id = checkString(a, 0, "exec");
        String host = checkString(a, 1, "exec");
        if (id.isEmpty()) {
            return LuaErrors.fail(ErrorKind.INVALID, "process ID required");
        }
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            return LuaErrors.fail(ErrorKind.INVALID, "invalid process ID format (namespace:name required)");
        }
        if (host.isEmpty()) {
            return LuaErrors.fail(ErrorKind.INVALID, "host ID required");
        }
        LuaProc p = LuaProc.of(s);
        Object[] denied = PermissionChecks.spawnDenied(p, id, true, false, false);
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
        LuaProgram program = target.program();
        String targetHost = target.host();
        Node node = p.proc().node();
        p.unlistenFinishedExecs();
        String topic = p.execTopic();
        Channel<Message> reply = p.proc().listenMessages(topic);
        Pid caller = p.proc().pid();
        Object[] args = Payloads.exportAll(a, 2);
        String watcherHost = hasHost(node, ProcessHost.CONTROL_HOST.toString()) ? ProcessHost.CONTROL_HOST.toString() : p.proc().host().id();
        try {
            node.spawner().on(watcherHost).spawn(proc -> {
                Pid child;
                try {
                    child = proc.spawner().on(targetHost).monitored().spawn(program, args);
                } catch (ProcessException e) {
                    reply(proc, caller, topic, null, e.error());
                    return null;
                }
                while (true) {
                    Event e = proc.events().receive();
                    if (e.kind() == Event.Kind.EXIT && e.from().equals(child)) {
                        reply(proc, caller, topic, e.isError() ? null : e.value(), e.isError() ? e.result().error() : null);
                        return null;
                    }
                }
            });
        } catch (ProcessException e) {
            return LuaErrors.fail(e.error());
        }
        return p.scheduler().block(true, w -> reply.parkReceiver(w, 0), w -> {
            // Runs while the mailbox is being routed: unsubscribing now would disturb the router,
            // so the topic is dropped at the next exec.
            p.execFinished(reply);
            Message m = (Message) w.value();
            ProcessError err = (ProcessError) m.payload(1);
            return err != null ? LuaErrors.fail(err) : new Object[] {Payloads.toLua(m.payload(0)), null};
        });
    }

    private static void reply(dev.trellis.core.Proc watcher, Pid caller, String topic, Object value, ProcessError error) {
        try {
            watcher.send(caller, topic, value, error);
        } catch (ProcessException gone) {
            // the caller ended first; the child's result has nobody to go to
        }
    }

    private static boolean hasHost(Node node, String id) {
        try {
            node.host(id);
            return true;
        } catch (ProcessException e) {
            return false;
        }
    }

    // ============================================================================================
    // The ctx module: the context values a process inherited
    // ============================================================================================

    /** {@return the frozen {@code ctx} module: {@code get(key)} and {@code all()}} */
    static LuaTable ctxModule() {
        LuaTable t = new LuaTable();
        BuiltInModules.fn(t, "get", (s, a) -> {
            String key = checkString(a, 0, "get");
            Map<String, Object> ctx = LuaProc.of(s).context();
            if (!ctx.containsKey(key) || SecurityContext.isHidden(key)) {
                return LuaErrors.fail(ErrorKind.NOT_FOUND, "context value not found: " + LuaStrings.toJava(key));
            }
            return new Object[] {Payloads.export(ctx.get(key))};
        });
        BuiltInModules.fn(t, "all", (s, a) -> {
            Map<String, Object> ctx = LuaProc.of(s).context();
            LuaTable all = new LuaTable(0, ctx.size());
            ctx.forEach((k, v) -> {
                if (!SecurityContext.isHidden(k)) {
                    all.rawset(k, Payloads.export(v));
                }
            });
            return new Object[] {all};
        });
        return t.freeze();
    }
}
