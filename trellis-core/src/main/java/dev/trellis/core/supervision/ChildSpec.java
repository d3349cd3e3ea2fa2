package dev.trellis.core.supervision;

import dev.trellis.core.supervision.InvalidChildSpecException.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a supervisor starts, stops and restarts one child: Elixir's child specification map.
 * Immutable; each {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * ChildSpec spec = ChildSpec.worker("queue", ctx -> SimpleQueue.startLink(ctx, List.of(1, 2, 3)))
 *         .restart(Restart.PERMANENT)          // default
 *         .shutdown(Shutdown.millis(5_000));   // default for a worker
 * }</pre>
 *
 * <p>Fields and their defaults (Elixir's):
 * <ul>
 *   <li>{@code id}: required; any value with {@code equals}, unique among a supervisor's children.</li>
 *   <li>{@code start}: required; a {@link ChildStart} called on the supervisor's process.</li>
 *   <li>{@code restart}: {@link Restart#PERMANENT}.</li>
 *   <li>{@code shutdown}: 5 s for a worker, {@link Shutdown#infinity()} for a supervisor.</li>
 *   <li>{@code type}: {@link ChildType#WORKER}.</li>
 *   <li>{@code significant}: false; true only with restart transient/temporary under a
 *       supervisor whose auto_shutdown is not never.</li>
 *   <li>{@code modules}: the id's class name (informational, as in OTP).</li>
 * </ul>
 * Specs may also be given as maps ({@link #fromMap}) or legacy tuples ({@link #fromTuple}); both
 * validate every field and name the child and the field at fault.
 */
public final class ChildSpec {
    private final Object id;
    private final ChildStart start;
    private final Restart restart;
    private final Shutdown shutdown; // null = the type's default
    private final ChildType type;
    private final boolean significant;
    private final List<String> modules; // null = derived from the id

    private ChildSpec(Object id, ChildStart start, Restart restart, Shutdown shutdown, ChildType type,
                      boolean significant, List<String> modules) {
        this.id = id;
        this.start = start;
        this.restart = restart;
        this.shutdown = shutdown;
        this.type = type;
        this.significant = significant;
        this.modules = modules;
    }

    /** A worker child with every option at its default. */
    public static ChildSpec worker(Object id, ChildStart start) {
        return checked(new ChildSpec(id, start, Restart.PERMANENT, null, ChildType.WORKER, false, null));
    }

    /** A supervisor child (shutdown infinity by default). */
    public static ChildSpec supervisor(Object id, ChildStart start) {
        return checked(new ChildSpec(id, start, Restart.PERMANENT, null, ChildType.SUPERVISOR, false, null));
    }

    public ChildSpec restart(Restart restart) {
        if (restart == null) {
            throw new InvalidChildSpecException(id, "restart", Problem.INVALID_RESTART_TYPE,
                    "null (expected permanent, transient or temporary)");
        }
        return checked(new ChildSpec(id, start, restart, shutdown, type, significant, modules));
    }

    public ChildSpec shutdown(Shutdown shutdown) {
        if (shutdown == null) {
            throw new InvalidChildSpecException(id, "shutdown", Problem.INVALID_SHUTDOWN,
                    "null (expected brutal_kill, infinity or a duration >= 0)");
        }
        return checked(new ChildSpec(id, start, restart, shutdown, type, significant, modules));
    }

    public ChildSpec type(ChildType type) {
        if (type == null) {
            throw new InvalidChildSpecException(id, "type", Problem.INVALID_CHILD_TYPE,
                    "null (expected worker or supervisor)");
        }
        return checked(new ChildSpec(id, start, restart, shutdown, type, significant, modules));
    }

    public ChildSpec significant(boolean significant) {
        return checked(new ChildSpec(id, start, restart, shutdown, type, significant, modules));
    }

    public ChildSpec id(Object id) {
        return checked(new ChildSpec(id, start, restart, shutdown, type, significant, modules));
    }

    public ChildSpec start(ChildStart start) {
        return checked(new ChildSpec(id, start, restart, shutdown, type, significant, modules));
    }

    public ChildSpec modules(List<String> modules) {
        if (modules == null || modules.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new InvalidChildSpecException(id, "modules", Problem.INVALID_MODULES,
                    modules + " (expected a list of non-blank names)");
        }
        return checked(new ChildSpec(id, start, restart, shutdown, type, significant, List.copyOf(modules)));
    }

    public Object id() {
        return id;
    }

    public ChildStart start() {
        return start;
    }

    public Restart restart() {
        return restart;
    }

    /** The effective shutdown: the one set, or the type's default. */
    public Shutdown shutdown() {
        return shutdown != null ? shutdown : type.defaultShutdown();
    }

    public ChildType type() {
        return type;
    }

    public boolean significant() {
        return significant;
    }

    /** The modules list (informational); defaults to the id's class name or the id itself. */
    public List<String> modules() {
        if (modules != null) {
            return modules;
        }
        return List.of(id instanceof Class<?> c ? c.getName() : String.valueOf(id));
    }

    /**
     * Reads an Elixir-style map spec: {@code id}, {@code start} (a {@link ChildStart}),
     * {@code restart}, {@code shutdown}, {@code type}, {@code significant}, {@code modules}. Unknown
     * keys are ignored. Values may be the enums or their Erlang spellings ({@code "transient"},
     * {@code "brutal_kill"}, {@code 5000}, …).
     */
    public static ChildSpec fromMap(Map<String, ?> map) {
        if (map == null) {
            throw new InvalidChildSpecException(null, null, Problem.INVALID_CHILD_SPEC, "spec is null");
        }
        Object id = map.get("id");
        if (id == null) {
            throw new InvalidChildSpecException(null, "id", Problem.MISSING_ID, "missing (id is required)");
        }
        Object start = map.get("start");
        if (start == null) {
            throw new InvalidChildSpecException(id, "start", Problem.MISSING_START,
                    "missing (start is required)");
        }
        if (!(start instanceof ChildStart childStart)) {
            throw new InvalidChildSpecException(id, "start", Problem.INVALID_START,
                    start + " is not a ChildStart function");
        }
        ChildSpec spec = new ChildSpec(id, childStart, Restart.PERMANENT, null, ChildType.WORKER, false, null);
        if (map.containsKey("type")) {
            ChildType t = ChildType.parse(map.get("type"));
            if (t == null) {
                throw new InvalidChildSpecException(id, "type", Problem.INVALID_CHILD_TYPE,
                        map.get("type") + " (expected worker or supervisor)");
            }
            spec = new ChildSpec(id, childStart, spec.restart, null, t, false, null);
        }
        if (map.containsKey("restart")) {
            Restart r = Restart.parse(map.get("restart"));
            if (r == null) {
                throw new InvalidChildSpecException(id, "restart", Problem.INVALID_RESTART_TYPE,
                        map.get("restart") + " (expected permanent, transient or temporary)");
            }
            spec = new ChildSpec(id, childStart, r, null, spec.type, false, null);
        }
        Shutdown shutdown = null;
        if (map.containsKey("shutdown")) {
            shutdown = Shutdown.parse(map.get("shutdown"));
            if (shutdown == null) {
                throw new InvalidChildSpecException(id, "shutdown", Problem.INVALID_SHUTDOWN,
                        map.get("shutdown") + " (expected brutal_kill, infinity or an integer of ms >= 0)");
            }
        }
        boolean significant = false;
        if (map.containsKey("significant")) {
            if (!(map.get("significant") instanceof Boolean b)) {
                throw new InvalidChildSpecException(id, "significant", Problem.INVALID_SIGNIFICANT,
                        map.get("significant") + " (expected true or false)");
            }
            significant = b;
        }
        List<String> modules = null;
        if (map.containsKey("modules")) {
            modules = parseModules(id, map.get("modules"));
        }
        return checked(new ChildSpec(id, childStart, spec.restart, shutdown, spec.type, significant, modules));
    }

    /**
     * Reads a legacy tuple spec {@code [id, start, restart, shutdown, type, modules]} (OTP's
     * six-tuple). Every element is validated as in {@link #fromMap}.
     */
    public static ChildSpec fromTuple(List<?> tuple) {
        if (tuple == null || tuple.size() != 6) {
            throw new InvalidChildSpecException(tuple == null || tuple.isEmpty() ? null : tuple.get(0), null,
                    Problem.INVALID_CHILD_SPEC,
                    "a tuple spec has 6 elements [id, start, restart, shutdown, type, modules], got " + tuple);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        String[] keys = {"id", "start", "restart", "shutdown", "type", "modules"};
        for (int i = 0; i < keys.length; i++) {
            if (tuple.get(i) != null) {
                map.put(keys[i], tuple.get(i));
            }
        }
        if (!map.containsKey("restart") || !map.containsKey("shutdown") || !map.containsKey("type")) {
            String missing = !map.containsKey("restart") ? "restart" : !map.containsKey("shutdown") ? "shutdown" : "type";
            Problem p = switch (missing) {
                case "restart" -> Problem.INVALID_RESTART_TYPE;
                case "shutdown" -> Problem.INVALID_SHUTDOWN;
                default -> Problem.INVALID_CHILD_TYPE;
            };
            throw new InvalidChildSpecException(map.get("id"), missing, p, "null in tuple spec");
        }
        return fromMap(map);
    }

    /** A {@link ChildSpec}, a map spec or a tuple spec, normalized to a {@link ChildSpec}. */
    public static ChildSpec normalize(Object spec) {
        return switch (spec) {
            case ChildSpec s -> checked(s);
            case Map<?, ?> m -> fromMap(stringKeys(m));
            case List<?> l -> fromTuple(l);
            case null -> throw new InvalidChildSpecException(null, null, Problem.INVALID_CHILD_SPEC, "spec is null");
            default -> throw new InvalidChildSpecException(null, null, Problem.INVALID_CHILD_SPEC,
                    spec + " is not a child spec (expected a ChildSpec, a map or a 6-element tuple)");
        };
    }

    /**
     * Validates a supervisor's list of specs: each one, unique ids, and significance against the
     * supervisor's auto_shutdown. Returns the normalized list in order.
     */
    public static List<ChildSpec> validateAll(List<?> specs, AutoShutdown autoShutdown) {
        if (specs == null) {
            throw new IllegalArgumentException("children must be a list of child specs, got null");
        }
        List<ChildSpec> out = new ArrayList<>(specs.size());
        Set<Object> ids = new HashSet<>();
        for (Object raw : specs) {
            ChildSpec spec = normalize(raw);
            spec.checkSignificance(autoShutdown);
            if (!ids.add(spec.id)) {
                throw new InvalidChildSpecException(spec.id, "id", Problem.DUPLICATE_CHILD_NAME,
                        "duplicate id " + spec.id + " in the list of children");
            }
            out.add(spec);
        }
        return List.copyOf(out);
    }

    /** Rejects significant=true when the supervisor's auto_shutdown is never. */
    void checkSignificance(AutoShutdown autoShutdown) {
        if (significant && autoShutdown == AutoShutdown.NEVER) {
            throw new InvalidChildSpecException(id, "significant", Problem.BAD_COMBINATION,
                    "significant children need a supervisor with auto_shutdown any_significant or all_significant");
        }
    }

    private static ChildSpec checked(ChildSpec s) {
        if (s.id == null) {
            throw new InvalidChildSpecException(null, "id", Problem.MISSING_ID, "missing (id is required)");
        }
        if (s.start == null) {
            throw new InvalidChildSpecException(s.id, "start", Problem.MISSING_START, "missing (start is required)");
        }
        if (s.significant && s.restart == Restart.PERMANENT) {
            throw new InvalidChildSpecException(s.id, "significant", Problem.BAD_COMBINATION,
                    "a permanent child cannot be significant (use transient or temporary)");
        }
        return s;
    }

    private static List<String> parseModules(Object id, Object raw) {
        if ("dynamic".equals(raw) || ":dynamic".equals(raw)) {
            return List.of("dynamic");
        }
        if (!(raw instanceof List<?> list)) {
            throw new InvalidChildSpecException(id, "modules", Problem.INVALID_MODULES,
                    raw + " (expected a list of module names or dynamic)");
        }
        List<String> out = new ArrayList<>();
        for (Object m : list) {
            if (!(m instanceof String s) || s.isBlank()) {
                throw new InvalidChildSpecException(id, "modules", Problem.INVALID_MODULES,
                        "invalid module " + m + " (expected a non-blank name) [invalid_module]");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object k = e.getKey();
            String key = k instanceof String s ? (s.startsWith(":") ? s.substring(1) : s) : String.valueOf(k);
            out.put(key, e.getValue());
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChildSpec c && id.equals(c.id) && start.equals(c.start) && restart == c.restart
                && shutdown().equals(c.shutdown()) && type == c.type && significant == c.significant
                && modules().equals(c.modules());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, restart, shutdown(), type, significant);
    }

    @Override
    public String toString() {
        return "%{id: " + id + ", restart: " + restart.erlangName() + ", shutdown: " + shutdown()
                + ", type: " + type.erlangName() + ", significant: " + significant + ", modules: " + modules() + "}";
    }
}
