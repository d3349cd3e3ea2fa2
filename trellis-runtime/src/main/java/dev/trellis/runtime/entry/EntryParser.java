package dev.trellis.runtime.entry;

import dev.trellis.core.supervision.AutoShutdown;
import dev.trellis.core.supervision.DynamicSupervisorOptions;
import dev.trellis.core.supervision.Restart;
import dev.trellis.core.supervision.Shutdown;
import dev.trellis.core.supervision.Strategy;
import dev.trellis.core.supervision.SupervisorOptions;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the kind fields of one entry into its record, recording a {@link Problem} for each bad
 * field and a {@link Reference} for each id it names.
 *
 * <pre>{@code
 * EntryParser parser = new EntryParser("app", references, Optional.of(Set.of("time", "uuid")));
 * Optional<Entry> host = parser.parse(fields, EntryId.parse("app:processes"), EntryKind.PROCESS_HOST);
 * }</pre>
 *
 * <p>A bad optional field falls back to its default so that the rest is still checked; the result
 * is empty only when a required field is missing (the problems then say why).
 */
final class EntryParser {

    private final String namespace;
    private final List<Reference> references;
    /** The names {@code modules:} may list, or empty when any name is accepted. */
    private final Optional<Set<String>> knownModules;

    EntryParser(String namespace, List<Reference> references, Optional<Set<String>> knownModules) {
        this.namespace = namespace;
        this.references = references;
        this.knownModules = knownModules;
    }

    Optional<Entry> parse(Fields f, EntryId id, EntryKind kind) {
        Meta meta = meta(f);
        Optional<? extends Entry> entry = switch (kind) {
            case PROCESS_HOST -> Optional.of(host(f, id, meta));
            case PROCESS_LUA -> luaProcess(f, id, meta);
            case PROCESS_SERVICE -> service(f, id, meta);
            case LIBRARY_LUA -> library(f, id, meta);
            case FUNCTION_LUA -> function(f, id, meta);
            case PROCESS_SUPERVISOR -> supervisor(f, id, meta);
            case PROCESS_DYNAMIC_SUPERVISOR -> Optional.of(dynamicSupervisor(f, id, meta));
            case PROCESS_TASK_SUPERVISOR -> Optional.of(taskSupervisor(f, id, meta));
            case SECURITY_POLICY -> policy(f, id, meta);
        };
        f.rejectUnknown(kind.yamlName());
        return entry.map(Entry.class::cast);
    }

    // ---- kinds -----------------------------------------------------------------------------------

    private ProcessHost host(Fields f, EntryId id, Meta meta) {
        int workers = ProcessHost.defaultWorkers();
        Optional<Fields> host = f.mapping("host");
        if (host.isPresent()) {
            Fields h = host.get();
            workers = h.integer("workers", 1).orElse(workers);
            // Wippy's run-queue sizes: checked so a typo or a bad value is reported, then unused
            // (a Trellis host has no run queue: its processes are virtual threads).
            h.integer("queue_size", 1);
            h.integer("local_queue_size", 1);
            h.ignore("max_processes");   // Wippy's test apps set it; Wippy itself does not read it
            h.rejectUnknown("process.host");
        }
        Lifecycle lifecycle = lifecycle(f, id, false);
        return new ProcessHost(id, meta, f.location(), workers, lifecycle);
    }

    private Optional<LuaProcess> luaProcess(Fields f, EntryId id, Meta meta) {
        Optional<Path> source = source(f);
        String method = method(f);
        List<String> modules = modules(f);
        Map<String, EntryId> imports = imports(f, id);
        Lifecycle lifecycle = lifecycle(f, id, true);
        Optional<EntryId> host = defaultHost(f, id);
        return source.map(s -> new LuaProcess(id, meta, f.location(), s, method, modules, imports, lifecycle, host));
    }

    private Optional<LuaService> service(Fields f, EntryId id, Meta meta) {
        Optional<EntryId> process = reference(f, id, "process", Set.of(EntryKind.PROCESS_LUA));
        Optional<EntryId> host = reference(f, id, "host", Set.of(EntryKind.PROCESS_HOST));
        if (host.filter(ProcessHost.CONTROL_HOST::equals).isPresent()) {
            f.problem(f.valueNode("host"), "field 'host' may not be " + ProcessHost.CONTROL_HOST + " (reserved for supervisors); name a process.host entry");
        }
        List<Object> input = new ArrayList<>();
        f.node("input").ifPresent(n -> {
            if (n instanceof SequenceNode) {
                f.value("input").ifPresent(v -> input.addAll((List<?>) v));
            } else {
                f.problem(n, "field 'input' must be a list (each element is one argument of main), got "
                        + YamlValues.describe(n));
            }
        });
        Lifecycle lifecycle = lifecycle(f, id, false);
        if (process.isEmpty() || host.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LuaService(id, meta, f.location(), process.get(), host.get(), input, lifecycle));
    }

    private Optional<LuaLibrary> library(Fields f, EntryId id, Meta meta) {
        Optional<Path> source = source(f);
        List<String> modules = modules(f);
        Map<String, EntryId> imports = imports(f, id);
        return source.map(s -> new LuaLibrary(id, meta, f.location(), s, modules, imports));
    }

    private Optional<LuaFunction> function(Fields f, EntryId id, Meta meta) {
        Optional<Path> source = source(f);
        String method = method(f);
        List<String> modules = modules(f);
        Map<String, EntryId> imports = imports(f, id);
        f.ignore("pool");   // Wippy's function pool settings; Trellis runs each call as a process
        return source.map(s -> new LuaFunction(id, meta, f.location(), s, method, modules, imports));
    }

    /**
     * The {@code modules} list; with known module names, each other name is a problem at its own
     * line, so that a typo shows at load time and not when {@code require} runs.
     */
    private List<String> modules(Fields f) {
        List<String> modules = f.stringList("modules").orElse(List.of());
        knownModules.filter(known -> !modules.isEmpty()).ifPresent(known -> {
            List<Node> items = ((SequenceNode) f.valueNode("modules")).getValue();
            for (int i = 0; i < modules.size(); i++) {
                String name = modules.get(i);
                if (!known.contains(name)) {
                    f.problem(items.get(i), "unknown module '" + name + "' in field 'modules'"
                            + Spelling.didYouMean(name, known) + " (known modules: " + String.join(", ", known) + ")");
                }
            }
        });
        return modules;
    }

    // ---- supervisors -------------------------------------------------------------------------------

    private Optional<SupervisorEntry> supervisor(Fields f, EntryId id, Meta meta) {
        Optional<EntryId> host = optionalReference(f, id, "host", Set.of(EntryKind.PROCESS_HOST));
        rejectControlHost(f, host);
        Optional<Strategy> strategy = f.requiredString("strategy").flatMap(s -> choice(f, "strategy", s, STRATEGIES));
        int maxRestarts = f.integer("max_restarts", 0).orElse(SupervisorOptions.DEFAULT_MAX_RESTARTS);
        Duration period = maxSeconds(f);
        AutoShutdown autoShutdown = f.string("auto_shutdown").flatMap(s -> choice(f, "auto_shutdown", s, AUTO_SHUTDOWNS))
                .orElse(AutoShutdown.NEVER);
        Optional<String> name = supervisorName(f, id);
        List<SupervisedChild> children = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Fields c : f.mappingList("children").orElse(List.of())) {
            child(c, id, autoShutdown).ifPresent(child -> {
                if (ids.add(child.id())) {
                    children.add(child);
                } else {
                    c.problem(c.valueNode(c.has("id") ? "id" : "process"), "duplicate child id '" + child.id()
                            + "' (each child of a supervisor needs its own id; set 'id' to tell them apart)");
                }
            });
        }
        if (!f.has("children")) {
            f.problemAtEntry("missing field 'children'"
                    + " (a process.supervisor needs a list of children; use a process.dynamic_supervisor to add them at run time)");
        }
        Lifecycle lifecycle = lifecycle(f, id, false);
        return strategy.map(s -> new SupervisorEntry(id, meta, f.location(), host, s, maxRestarts, period, autoShutdown,
                name, children, lifecycle));
    }

    /** One item of {@code children}. */
    private Optional<SupervisedChild> child(Fields c, EntryId supervisor, AutoShutdown autoShutdown) {
        Optional<EntryId> process = reference(c, supervisor, "process", Reference.CHILD_KINDS);
        Optional<String> explicitId = c.string("id").filter(s -> {
            if (s.isBlank()) {
                c.problem(c.valueNode("id"), "field '" + c.path("id") + "' must not be empty");
                return false;
            }
            return true;
        });
        List<Object> args = new ArrayList<>();
        c.node("args").ifPresent(n -> {
            if (n instanceof SequenceNode) {
                c.value("args").ifPresent(v -> args.addAll((List<?>) v));
            } else {
                c.problem(n, "field '" + c.path("args") + "' must be a list (each element is one argument of main), got "
                        + YamlValues.describe(n));
            }
        });
        Restart restart = c.string("restart").flatMap(s -> choice(c, "restart", s, RESTARTS)).orElse(Restart.PERMANENT);
        Optional<Shutdown> shutdown = c.node("shutdown").flatMap(n -> shutdown(c));
        boolean significant = c.bool("significant").orElse(false);
        if (significant && restart == Restart.PERMANENT) {
            c.problem(c.valueNode("significant"), "field '" + c.path("significant") + "': a permanent child cannot be"
                    + " significant (use restart: transient or temporary)");
        } else if (significant && autoShutdown == AutoShutdown.NEVER) {
            c.problem(c.valueNode("significant"), "field '" + c.path("significant") + "': significant children need"
                    + " the supervisor's auto_shutdown to be any_significant or all_significant");
        }
        Optional<String> name = registeredName(c, "name");
        Optional<EntryId> host = optionalReference(c, supervisor, "host", Set.of(EntryKind.PROCESS_HOST));
        rejectControlHost(c, host);
        c.rejectUnknown("a child of process.supervisor");
        return process.map(p -> new SupervisedChild(explicitId.orElse(p.name()), p, args, restart, shutdown,
                significant, name, host, c.location()));
    }

    private DynamicSupervisorEntry dynamicSupervisor(Fields f, EntryId id, Meta meta) {
        Optional<EntryId> host = optionalReference(f, id, "host", Set.of(EntryKind.PROCESS_HOST));
        rejectControlHost(f, host);
        int maxChildren = maxChildren(f);
        int maxRestarts = f.integer("max_restarts", 0).orElse(SupervisorOptions.DEFAULT_MAX_RESTARTS);
        Duration period = maxSeconds(f);
        List<Object> extraArgs = new ArrayList<>();
        f.node("extra_args").ifPresent(n -> {
            if (n instanceof SequenceNode) {
                f.value("extra_args").ifPresent(v -> extraArgs.addAll((List<?>) v));
            } else {
                f.problem(n, "field 'extra_args' must be a list (put before each child's own arguments), got "
                        + YamlValues.describe(n));
            }
        });
        Optional<String> name = supervisorName(f, id);
        Lifecycle lifecycle = lifecycle(f, id, false);
        return new DynamicSupervisorEntry(id, meta, f.location(), host, maxChildren, maxRestarts, period, extraArgs,
                name, lifecycle);
    }

    private TaskSupervisorEntry taskSupervisor(Fields f, EntryId id, Meta meta) {
        Optional<EntryId> host = optionalReference(f, id, "host", Set.of(EntryKind.PROCESS_HOST));
        rejectControlHost(f, host);
        int maxChildren = maxChildren(f);
        Optional<String> name = supervisorName(f, id);
        Lifecycle lifecycle = lifecycle(f, id, false);
        return new TaskSupervisorEntry(id, meta, f.location(), host, maxChildren, name, lifecycle);
    }

    private static final Map<String, Strategy> STRATEGIES = Map.of("one_for_one", Strategy.ONE_FOR_ONE,
            "one_for_all", Strategy.ONE_FOR_ALL, "rest_for_one", Strategy.REST_FOR_ONE);
    private static final Map<String, Restart> RESTARTS = Map.of("permanent", Restart.PERMANENT,
            "transient", Restart.TRANSIENT, "temporary", Restart.TEMPORARY);
    private static final Map<String, AutoShutdown> AUTO_SHUTDOWNS = Map.of("never", AutoShutdown.NEVER,
            "any_significant", AutoShutdown.ANY_SIGNIFICANT, "all_significant", AutoShutdown.ALL_SIGNIFICANT);

    /** One of a fixed set of words, or a problem listing them (with a "did you mean"). */
    private static <T> Optional<T> choice(Fields f, String key, String word, Map<String, T> choices) {
        T value = choices.get(word);
        if (value == null) {
            List<String> names = choices.keySet().stream().sorted().toList();
            f.problem(f.valueNode(key), "field '" + f.path(key) + "' must be one of " + String.join(", ", names)
                    + ", got \"" + word + "\"" + Spelling.didYouMean(word, names));
        }
        return Optional.ofNullable(value);
    }

    /** {@code shutdown}: brutal_kill, infinity, or a duration such as 5s. */
    private static Optional<Shutdown> shutdown(Fields c) {
        Optional<String> text = c.string("shutdown");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (text.get()) {
            case "brutal_kill" -> Optional.of(new Shutdown.BrutalKill());
            case "infinity" -> Optional.of(new Shutdown.Infinity());
            default -> {
                try {
                    Duration d = GoDuration.parse(text.get());
                    if (d.isNegative()) {
                        c.problem(c.valueNode("shutdown"), "field '" + c.path("shutdown") + "' must not be negative, got "
                                + text.get());
                        yield Optional.empty();
                    }
                    yield Optional.of(new Shutdown.Timeout(d));
                } catch (IllegalArgumentException e) {
                    c.problem(c.valueNode("shutdown"), "field '" + c.path("shutdown") + "' must be brutal_kill, infinity"
                            + " or a duration such as 5s: " + e.getMessage());
                    yield Optional.empty();
                }
            }
        };
    }

    /** {@code max_seconds}: a positive integer of seconds (default 5). */
    private static Duration maxSeconds(Fields f) {
        return f.integer("max_seconds", 1).map(s -> Duration.ofSeconds(s)).orElse(SupervisorOptions.DEFAULT_PERIOD);
    }

    /** {@code max_children}: an integer >= 0 or {@code infinity} (the default). */
    private static int maxChildren(Fields f) {
        Optional<Node> node = f.node("max_children");
        if (node.isEmpty()) {
            return DynamicSupervisorOptions.INFINITY;
        }
        if (node.get() instanceof ScalarNode scalar && "infinity".equals(YamlValues.scalar(scalar))) {
            return DynamicSupervisorOptions.INFINITY;
        }
        return f.integer("max_children", 0).orElse(DynamicSupervisorOptions.INFINITY);
    }

    /**
     * The name a supervisor entry registers under: {@code registered_name}, or else the entry's own
     * name, so that {@code supervisor.which_children("queue_sup")} finds the entry {@code queue_sup}.
     */
    private static Optional<String> supervisorName(Fields f, EntryId id) {
        return f.has("registered_name") ? registeredName(f, "registered_name") : Optional.of(id.name());
    }

    private static Optional<String> registeredName(Fields f, String key) {
        return f.string(key).filter(s -> {
            if (s.isBlank()) {
                f.problem(f.valueNode(key), "field '" + f.path(key) + "' must not be empty");
                return false;
            }
            return true;
        });
    }

    private static void rejectControlHost(Fields f, Optional<EntryId> host) {
        if (host.filter(ProcessHost.CONTROL_HOST::equals).isPresent()) {
            f.problem(f.valueNode("host"), "field '" + f.path("host") + "' may not be " + ProcessHost.CONTROL_HOST
                    + " (reserved for Trellis's own watchers); name a process.host entry");
        }
    }

    // ---- shared fields ---------------------------------------------------------------------------

    private Meta meta(Fields f) {
        Optional<Node> node = f.node("meta");
        if (node.isEmpty()) {
            return Meta.EMPTY;
        }
        if (!(node.get() instanceof MappingNode)) {
            f.problem(node.get(), "field 'meta' must be a mapping, got " + YamlValues.describe(node.get()));
            return Meta.EMPTY;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) f.value("meta").orElse(Map.of());
        // The keys Trellis reads are checked; the rest of meta is the user's own.
        f.mapping("meta").ifPresent(m -> {
            m.duration("timeout").ifPresent(d -> {
                if (d.isZero() || d.isNegative()) {
                    m.problem(m.valueNode("timeout"), "field 'meta.timeout' must be a positive duration such as 30s, got " + GoDuration.format(d));
                }
            });
            m.bool("isolated");
            // meta.type is free-form (Wippy apps use it for their own kinds), but a near miss of
            // "test" would silently drop a test from `trellis test`.
            m.string("type").ifPresent(type -> Spelling.closest(type, List.of(Meta.TEST_TYPE)).ifPresent(test ->
                    m.problem(m.valueNode("type"), "field 'meta.type' is '" + type + "', which marks nothing"
                            + " (did you mean '" + test + "'? only meta.type: test makes a function.lua a test)")));
        });
        return new Meta(values);
    }

    /** {@code source: file://x.lua}, resolved against the YAML file's directory; it must exist. */
    private Optional<Path> source(Fields f) {
        Optional<String> text = f.requiredString("source");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Node at = f.valueNode("source");
        String url = text.get();
        if (!url.startsWith("file://") || url.length() == "file://".length()) {
            f.problem(at, "field 'source' must be a file:// URL such as file://main.lua, got \"" + url + "\"");
            return Optional.empty();
        }
        Path path;
        try {
            Path relative = Path.of(url.substring("file://".length()));
            path = relative.isAbsolute() ? relative : f.file().resolveSibling(relative).normalize();
        } catch (InvalidPathException e) {
            f.problem(at, "field 'source' is not a valid path: " + e.getMessage());
            return Optional.empty();
        }
        if (Files.isDirectory(path)) {
            f.problem(at, "source " + path + " is a directory, not a Lua file");
        } else if (!Files.isRegularFile(path)) {
            f.problem(at, "source file not found: " + path);
        }
        return Optional.of(path);
    }

    private String method(Fields f) {
        Optional<String> method = f.string("method");
        if (method.isPresent() && method.get().isBlank()) {
            f.problem(f.valueNode("method"), "field 'method' must not be empty (default: main)");
            return LuaProcess.DEFAULT_METHOD;
        }
        return method.orElse(LuaProcess.DEFAULT_METHOD);
    }

    /** {@code imports: {alias: ns:library}}: each value must name a library.lua. */
    private Map<String, EntryId> imports(Fields f, EntryId id) {
        Map<String, EntryId> imports = new LinkedHashMap<>();
        f.mapping("imports").ifPresent(m -> {
            for (String alias : m.keys()) {
                optionalReference(m, id, alias, Set.of(EntryKind.LIBRARY_LUA)).ifPresent(target -> imports.put(alias, target));
            }
        });
        return imports;
    }

    /** {@code meta.default_host}: the host an auto-started process.lua runs on. */
    private Optional<EntryId> defaultHost(Fields f, EntryId id) {
        if (!(f.node("meta").orElse(null) instanceof MappingNode)) {
            return Optional.empty();   // meta(f) reported it
        }
        Fields meta = f.mapping("meta").orElseThrow();
        return meta.has("default_host")
                ? optionalReference(meta, id, "default_host", Set.of(EntryKind.PROCESS_HOST))
                : Optional.empty();
    }

    /**
     * The lifecycle block. For a process.lua only {@code auto_start} and {@code requires} apply: it is
     * started once, not supervised.
     */
    private Lifecycle lifecycle(Fields f, EntryId id, boolean processLua) {
        Optional<Fields> block = f.mapping("lifecycle");
        if (block.isEmpty()) {
            return Lifecycle.DEFAULT;
        }
        Fields l = block.get();
        Lifecycle d = Lifecycle.DEFAULT;
        boolean autoStart = l.bool("auto_start").orElse(d.autoStart());
        List<EntryId> requires = new ArrayList<>();
        requires.addAll(referenceList(l, id, "requires", Reference.LIFECYCLE_KINDS));
        requires.addAll(referenceList(l, id, "depends_on", Reference.LIFECYCLE_KINDS));
        requires = requires.stream().distinct().toList();
        Optional<EntrySecurity> security = l.mapping("security").map(sec -> security(sec, id));
        if (processLua) {
            l.rejectUnknown("the lifecycle of a process.lua, which is started once and not supervised;"
                    + " use a process.service for timeouts and restarts");
            return new Lifecycle(autoStart, d.startTimeout(), d.stopTimeout(), d.stableThreshold(), d.startup(),
                    requires, d.restart(), security);
        }
        Duration startTimeout = positive(l, "start_timeout").orElse(d.startTimeout());
        Duration stopTimeout = positive(l, "stop_timeout").orElse(d.stopTimeout());
        Duration stableThreshold = nonNegative(l, "stable_threshold").orElse(d.stableThreshold());
        Lifecycle.Startup startup = l.string("startup").flatMap(s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "required" -> Optional.of(Lifecycle.Startup.REQUIRED);
            case "optional" -> Optional.of(Lifecycle.Startup.OPTIONAL);
            default -> {
                l.problem(l.valueNode("startup"), "field 'lifecycle.startup' must be required or optional, got \"" + s + "\"");
                yield Optional.empty();
            }
        }).orElse(d.startup());
        RestartPolicy restart = l.mapping("restart").map(this::restart).orElse(d.restart());
        l.rejectUnknown("lifecycle");
        return new Lifecycle(autoStart, startTimeout, stopTimeout, stableThreshold, startup, requires, restart, security);
    }

    /** {@code lifecycle.security}: the actor (default: the entry's id) and the policies of the scope. */
    private EntrySecurity security(Fields sec, EntryId id) {
        String actorId = id.toString();
        Map<String, Object> actorMeta = Map.of();
        Optional<Fields> actor = sec.mapping("actor");
        if (actor.isPresent()) {
            Fields a = actor.get();
            actorId = a.requiredString("id").orElse(actorId);
            Optional<Object> meta = a.value("meta");
            if (meta.isPresent()) {
                if (meta.get() instanceof Map<?, ?> m) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    actorMeta = copy;
                } else {
                    a.problem(a.valueNode("meta"), "field '" + a.path("meta") + "' must be a mapping");
                }
            }
            a.rejectUnknown("lifecycle.security.actor");
        }
        List<EntryId> policies = referenceList(sec, id, "policies", Set.of(EntryKind.SECURITY_POLICY));
        List<EntryId> groups = groupIds(sec, "groups");
        sec.rejectUnknown("lifecycle.security");
        return new EntrySecurity(actorId, actorMeta, policies, groups);
    }

    /** A list of policy group ids; a bare name means this entry's namespace. */
    private List<EntryId> groupIds(Fields f, String key) {
        List<EntryId> ids = new ArrayList<>();
        for (String g : f.stringList(key).orElse(List.of())) {
            try {
                ids.add(EntryId.resolve(g, namespace));
            } catch (IllegalArgumentException e) {
                f.problem(f.valueNode(key), "field '" + f.path(key) + "': bad group id '" + g + "': " + e.getMessage());
            }
        }
        return ids;
    }

    /** A {@code security.policy}: {@code policy.actions}, {@code policy.resources}, {@code policy.effect}, {@code groups}. */
    private Optional<SecurityPolicy> policy(Fields f, EntryId id, Meta meta) {
        List<EntryId> groups = groupIds(f, "groups");
        Optional<Fields> block = f.mapping("policy");
        if (block.isEmpty()) {
            if (!f.has("policy")) {
                f.problemAtEntry("missing field 'policy' (a mapping with actions, resources and effect)");
            }
            return Optional.empty();
        }
        Fields p = block.get();
        List<String> actions = patterns(p, "actions");
        List<String> resources = patterns(p, "resources");
        Optional<SecurityPolicy.Effect> effect = p.requiredString("effect").flatMap(e -> switch (e) {
            case "allow" -> Optional.of(SecurityPolicy.Effect.ALLOW);
            case "deny" -> Optional.of(SecurityPolicy.Effect.DENY);
            default -> {
                p.problem(p.valueNode("effect"), "field '" + p.path("effect") + "' must be allow or deny, got \"" + e + "\"");
                yield Optional.empty();
            }
        });
        if (p.has("conditions")) {
            p.node("conditions");
            p.problem(p.valueNode("conditions"), "field '" + p.path("conditions") + "' is not supported yet:"
                    + " a policy here decides by its actions and resources only");
        }
        p.rejectUnknown("security.policy policy");
        if (actions.isEmpty() || resources.isEmpty() || effect.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SecurityPolicy(id, meta, f.location(), actions, resources, effect.get(), groups));
    }

    /** A required pattern field: one non-empty string or a non-empty list of them. */
    private static List<String> patterns(Fields p, String key) {
        Optional<Node> node = p.node(key);
        if (node.isEmpty()) {
            p.problemAtEntry("missing field '" + p.path(key) + "' (a pattern such as \"*\" or a list of them)");
            return List.of();
        }
        if (node.get() instanceof ScalarNode) {
            String one = p.string(key).orElse("");
            if (one.isEmpty()) {
                p.problem(node.get(), "field '" + p.path(key) + "' must not be empty");
                return List.of();
            }
            return List.of(one);
        }
        List<String> many = p.stringList(key).orElse(List.of());
        if (many.isEmpty() && node.get() instanceof SequenceNode) {
            p.problem(node.get(), "field '" + p.path(key) + "' must list at least one pattern");
        }
        return many;
    }

    private RestartPolicy restart(Fields r) {
        RestartPolicy d = RestartPolicy.DEFAULT;
        Duration initialDelay = nonNegative(r, "initial_delay").orElse(d.initialDelay());
        Duration maxDelay = nonNegative(r, "max_delay").orElse(d.maxDelay());
        double factor = r.number("backoff_factor").filter(x -> {
            if (x >= 1.0 && !x.isInfinite()) {
                return true;
            }
            r.problem(r.valueNode("backoff_factor"), "field 'lifecycle.restart.backoff_factor' must be a number >= 1.0, got " + x);
            return false;
        }).orElse(d.backoffFactor());
        double jitter = r.number("jitter").filter(x -> {
            if (x >= 0.0 && x <= 1.0) {
                return true;
            }
            r.problem(r.valueNode("jitter"), "field 'lifecycle.restart.jitter' must be between 0.0 and 1.0, got " + x);
            return false;
        }).orElse(d.jitter());
        int maxAttempts = r.integer("max_attempts", 0).orElse(d.maxAttempts());
        r.rejectUnknown("lifecycle.restart");
        if (maxDelay.compareTo(initialDelay) < 0) {
            r.problem(r.valueNode("max_delay"), "field 'lifecycle.restart.max_delay' (" + GoDuration.format(maxDelay)
                    + ") must not be less than initial_delay (" + GoDuration.format(initialDelay) + ")");
            maxDelay = initialDelay;
        }
        return new RestartPolicy(initialDelay, maxDelay, factor, jitter, maxAttempts);
    }

    private static Optional<Duration> positive(Fields f, String key) {
        return f.duration(key).filter(d -> {
            if (d.isNegative() || d.isZero()) {
                f.problem(f.valueNode(key), "field '" + f.path(key) + "' must be greater than 0, got " + GoDuration.format(d));
                return false;
            }
            return true;
        });
    }

    private static Optional<Duration> nonNegative(Fields f, String key) {
        return f.duration(key).filter(d -> {
            if (d.isNegative()) {
                f.problem(f.valueNode(key), "field '" + f.path(key) + "' must not be negative, got " + GoDuration.format(d));
                return false;
            }
            return true;
        });
    }

    // ---- references --------------------------------------------------------------------------------

    /** A required reference field; a bare name means this entry's namespace. */
    private Optional<EntryId> reference(Fields f, EntryId from, String key, Set<EntryKind> expected) {
        return f.requiredString(key).flatMap(t -> resolve(f, f.valueNode(key), from, f.path(key), t, expected));
    }

    private Optional<EntryId> optionalReference(Fields f, EntryId from, String key, Set<EntryKind> expected) {
        return f.string(key).flatMap(t -> resolve(f, f.valueNode(key), from, f.path(key), t, expected));
    }

    private List<EntryId> referenceList(Fields f, EntryId from, String key, Set<EntryKind> expected) {
        Optional<Node> node = f.node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof SequenceNode sequence)) {
            f.problem(node.get(), "field '" + f.path(key) + "' must be a list of entry ids, got " + YamlValues.describe(node.get()));
            return List.of();
        }
        List<EntryId> ids = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && YamlValues.scalar(scalar) instanceof String text) {
                resolve(f, item, from, f.path(key), text, expected).ifPresent(ids::add);
            } else {
                f.problem(item, "field '" + f.path(key) + "' must hold entry ids, got " + YamlValues.describe(item));
            }
        }
        return ids;
    }

    private Optional<EntryId> resolve(Fields f, Node at, EntryId from, String field, String text, Set<EntryKind> expected) {
        try {
            EntryId target = EntryId.resolve(text, namespace);
            references.add(new Reference(from, f.at(at), field, target, expected));
            return Optional.of(target);
        } catch (IllegalArgumentException e) {
            f.problem(at, "field '" + field + "': " + e.getMessage());
            return Optional.empty();
        }
    }
}
