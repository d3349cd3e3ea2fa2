package dev.trellis.runtime.lua.supervision;

import dev.trellis.core.supervision.AutoShutdown;
import dev.trellis.core.supervision.DynamicSupervisorOptions;
import dev.trellis.core.supervision.Restart;
import dev.trellis.core.supervision.Shutdown;
import dev.trellis.core.supervision.Strategy;
import dev.trellis.core.supervision.SupervisorOptions;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaValues;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.Location;
import dev.trellis.runtime.entry.SupervisedChild;
import dev.trellis.runtime.lua.Durations;
import dev.trellis.runtime.lua.Payloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the supervisor and child specs Lua code passes to the {@code supervisor} module: the YAML
 * shapes of {@code process.supervisor} written as tables.
 *
 * <pre>{@code
 * supervisor.start_link({
 *     strategy = "one_for_all", max_restarts = 3, max_seconds = 5,
 *     children = {
 *         { id = "queue", process = "app:simple_queue", args = { {1, 2, 3} }, restart = "permanent",
 *           shutdown = "5s", name = "simple_queue" },
 *     },
 * })
 * }</pre>
 *
 * <p>A field of the wrong type or with an unknown value raises a Lua error naming the function,
 * the field and what was expected: bad arguments are the caller's bug, as with {@code string.rep}.
 * A {@code process} written as a bare name means the caller's namespace.
 */
public final class LuaSpecs {

    private static final Map<String, Strategy> STRATEGIES = Map.of("one_for_one", Strategy.ONE_FOR_ONE,
            "one_for_all", Strategy.ONE_FOR_ALL, "rest_for_one", Strategy.REST_FOR_ONE);
    private static final Map<String, Restart> RESTARTS = Map.of("permanent", Restart.PERMANENT,
            "transient", Restart.TRANSIENT, "temporary", Restart.TEMPORARY);
    private static final Map<String, AutoShutdown> AUTO_SHUTDOWNS = Map.of("never", AutoShutdown.NEVER,
            "any_significant", AutoShutdown.ANY_SIGNIFICANT, "all_significant", AutoShutdown.ALL_SIGNIFICANT);

    private final String fname;
    private final String namespace;

    /**
     * @param fname the Lua function being called, for error messages ({@code "supervisor.start_link"})
     * @param namespace the caller's entry namespace, for bare process names
     */
    public LuaSpecs(String fname, String namespace) {
        this.fname = fname;
        this.namespace = namespace;
    }

    /** A child spec table and its arguments (as Lua values, copied on every start). */
    public record Child(SupervisedChild child, Object[] args) {
    }

    /** The flags of a static supervisor; {@code defaultHost} when the spec names none. */
    public SupervisorOptions supervisorOptions(LuaTable spec, String defaultHost) {
        Object strategy = spec.rawget("strategy");
        if (strategy == null) {
            throw error("strategy", "is required (one_for_one, one_for_all or rest_for_one)");
        }
        SupervisorOptions o = SupervisorOptions.of(choice("strategy", strategy, STRATEGIES))
                .maxRestarts(integer(spec, "max_restarts", SupervisorOptions.DEFAULT_MAX_RESTARTS, 0))
                .period(maxSeconds(spec));
        if (spec.rawget("auto_shutdown") != null) {
            o = o.autoShutdown(choice("auto_shutdown", spec.rawget("auto_shutdown"), AUTO_SHUTDOWNS));
        }
        Optional<String> name = string(spec, "name");
        if (name.isPresent()) {
            o = o.name(name.get());
        }
        return o.host(string(spec, "host").orElse(defaultHost));
    }

    /** The flags of a dynamic supervisor. */
    public DynamicSupervisorOptions dynamicOptions(LuaTable spec, String defaultHost) {
        DynamicSupervisorOptions o = DynamicSupervisorOptions.defaults()
                .maxRestarts(integer(spec, "max_restarts", SupervisorOptions.DEFAULT_MAX_RESTARTS, 0))
                .period(maxSeconds(spec));
        Object max = spec.rawget("max_children");
        if (max != null && !"infinity".equals(max)) {
            o = o.maxChildren(integer(spec, "max_children", 0, 0));
        }
        Object extra = spec.rawget("extra_args");
        if (extra != null) {
            if (!(extra instanceof LuaTable list)) {
                throw error("extra_args", "must be a list, got " + LuaValues.typeName(extra));
            }
            o = o.extraArguments(List.of(Payloads.exportAll(arrayOf(list), 0)));
        }
        Optional<String> name = string(spec, "name");
        if (name.isPresent()) {
            o = o.name(name.get());
        }
        return o.host(string(spec, "host").orElse(defaultHost));
    }

    /** The children of a static supervisor spec, in order; duplicate ids are an error. */
    public List<Child> children(LuaTable spec, AutoShutdown autoShutdown) {
        Object raw = spec.rawget("children");
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof LuaTable list)) {
            throw error("children", "must be a list of child specs, got " + LuaValues.typeName(raw));
        }
        List<Child> children = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Object[] items = arrayOf(list);
        for (int i = 0; i < items.length; i++) {
            if (!(items[i] instanceof LuaTable item)) {
                throw error("children[" + (i + 1) + "]", "must be a table, got " + LuaValues.typeName(items[i]));
            }
            Child c = child(item, "children[" + (i + 1) + "].", autoShutdown);
            if (ids.contains(c.child().id())) {
                throw error("children[" + (i + 1) + "].id", "duplicate child id '" + c.child().id() + "'");
            }
            ids.add(c.child().id());
            children.add(c);
        }
        return children;
    }

    /** One child spec: {@code process} is required, the rest as in YAML. */
    public Child child(LuaTable t, String prefix, AutoShutdown autoShutdown) {
        Object process = t.rawget("process");
        if (!(process instanceof String text) || text.isEmpty()) {
            throw error(prefix + "process", "is required: the id of a process.lua or supervisor entry, got "
                    + LuaValues.typeName(process));
        }
        EntryId id;
        try {
            id = EntryId.resolve(LuaStrings.toJava(text), namespace);
        } catch (IllegalArgumentException e) {
            throw error(prefix + "process", e.getMessage());
        }
        String childId = string(t, prefix + "id", t.rawget("id")).orElse(id.name());
        Object args = t.rawget("args");
        Object[] argValues = new Object[0];
        if (args != null) {
            if (!(args instanceof LuaTable list)) {
                throw error(prefix + "args", "must be a list (one element per argument of main), got "
                        + LuaValues.typeName(args));
            }
            argValues = Payloads.exportAll(arrayOf(list), 0);
        }
        Restart restart = t.rawget("restart") == null ? Restart.PERMANENT
                : choice(prefix + "restart", t.rawget("restart"), RESTARTS);
        Optional<Shutdown> shutdown = Optional.ofNullable(t.rawget("shutdown")).map(v -> shutdown(prefix, v));
        Object significantValue = t.rawget("significant");
        if (significantValue != null && !(significantValue instanceof Boolean)) {
            throw error(prefix + "significant", "must be a boolean, got " + LuaValues.typeName(significantValue));
        }
        boolean significant = Boolean.TRUE.equals(significantValue);
        if (significant && restart == Restart.PERMANENT) {
            throw error(prefix + "significant", "a permanent child cannot be significant (use transient or temporary)");
        }
        if (significant && autoShutdown == AutoShutdown.NEVER) {
            throw error(prefix + "significant", "significant children need auto_shutdown any_significant or all_significant");
        }
        Optional<String> name = string(t, prefix + "name", t.rawget("name"));
        Optional<EntryId> host = string(t, prefix + "host", t.rawget("host")).map(h -> {
            try {
                return EntryId.resolve(h, namespace);
            } catch (IllegalArgumentException e) {
                throw error(prefix + "host", e.getMessage());
            }
        });
        SupervisedChild child = new SupervisedChild(childId, id, List.of(), restart, shutdown, significant, name, host,
                Location.of(Path.of(fname)));
        return new Child(child, argValues);
    }

    private Shutdown shutdown(String prefix, Object v) {
        if ("brutal_kill".equals(v)) {
            return new Shutdown.BrutalKill();
        }
        if ("infinity".equals(v)) {
            return new Shutdown.Infinity();
        }
        Duration d;
        try {
            d = Durations.of(v, fname);
        } catch (IllegalArgumentException e) {
            throw error(prefix + "shutdown", "must be brutal_kill, infinity or a duration (\"5s\" or nanoseconds): "
                    + e.getMessage());
        }
        if (d.isNegative()) {
            throw error(prefix + "shutdown", "must not be negative");
        }
        return new Shutdown.Timeout(d);
    }

    private Duration maxSeconds(LuaTable spec) {
        return Duration.ofSeconds(integer(spec, "max_seconds", 5, 1));
    }

    private int integer(LuaTable t, String key, int defaultValue, int min) {
        Object v = t.rawget(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            v = d.longValue();
        }
        if (!(v instanceof Long n) || n < min || n > Integer.MAX_VALUE) {
            throw error(key, "must be an integer >= " + min + ", got " + LuaValues.tostring(v));
        }
        return (int) (long) n;
    }

    private Optional<String> string(LuaTable t, String key) {
        return string(t, key, t.rawget(key));
    }

    private Optional<String> string(LuaTable t, String field, Object v) {
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s) || s.isEmpty()) {
            throw error(field, "must be a non-empty string, got " + LuaValues.typeName(v));
        }
        return Optional.of(LuaStrings.toJava(s));
    }

    private <T> T choice(String field, Object v, Map<String, T> choices) {
        T value = v instanceof String s ? choices.get(LuaStrings.toJava(s)) : null;
        if (value == null) {
            throw error(field, "must be one of " + String.join(", ", choices.keySet().stream().sorted().toList())
                    + ", got " + (v instanceof String s ? "\"" + LuaStrings.toJava(s) + "\"" : LuaValues.typeName(v)));
        }
        return value;
    }

    private static Object[] arrayOf(LuaTable list) {
        long n = list.length();
        Object[] out = new Object[(int) n];
        for (int i = 0; i < n; i++) {
            out[i] = list.rawgetInt(i + 1);
        }
        return out;
    }

    private LuaError error(String field, String message) {
        return new LuaError("bad argument #1 to '" + fname + "' (field '" + field + "' " + message + ")");
    }
}
