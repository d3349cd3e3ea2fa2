package dev.trellis.runtime.entry;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A loaded, validated app: all its entries by id, and the order in which they start.
 *
 * <pre>{@code
 * Application app = new ApplicationLoader().load(Path.of("examples/worker-pool"));
 * app.entry(EntryId.parse("app:processes"), ProcessHost.class);   // Optional[ProcessHost[...]]
 * app.entriesOf(LuaFunction.class);                                // every function.lua
 * app.startOrder();    // [app:processes, app.supervisor:pool]: auto-started, dependencies first
 * app.tests();         // function.lua entries with meta.type: test, in run order
 * }</pre>
 *
 * <p>The start order holds every entry with {@code lifecycle.auto_start: true} and, before it, every
 * lifecycle entry it depends on (starting an entry starts what it needs first). Immutable.
 */
public final class Application {

    /** Test run order: {@code meta.suite}, then {@code meta.order} (unordered last), then id. */
    private static final Comparator<LuaFunction> TEST_ORDER = Comparator
            .comparing((LuaFunction f) -> f.meta().suite().orElse(""))
            .thenComparingLong(f -> f.meta().order().orElse(Long.MAX_VALUE))
            .thenComparing(LuaFunction::id);

    private final Path root;
    private final Map<EntryId, Entry> entries;          // sorted by id
    private final List<LifecycleEntry> startOrder;

    private Application(Path root, Map<EntryId, Entry> entries, List<LifecycleEntry> startOrder) {
        this.root = root;
        this.entries = entries;
        this.startOrder = startOrder;
    }

    /**
     * Builds an app from entries already validated one by one (the loader does that); checks the ids
     * are unique and the dependencies have no cycle.
     */
    public static Application of(Path root, Collection<? extends Entry> entries) throws ApplicationException {
        Objects.requireNonNull(root, "root");
        Map<EntryId, Entry> byId = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Entry entry : entries) {
            Entry previous = byId.putIfAbsent(entry.id(), entry);
            if (previous != null) {
                problems.add(new Problem(entry.location(), entry.id(),
                        "duplicate entry id (first defined at " + previous.location() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApplicationException(problems);
        }
        List<LifecycleEntry> lifecycleEntries = byId.values().stream()
                .filter(LifecycleEntry.class::isInstance).map(LifecycleEntry.class::cast).toList();
        List<LifecycleEntry> all = StartOrder.of(lifecycleEntries);
        Set<EntryId> autoStarted = autoStartClosure(lifecycleEntries, byId);
        List<LifecycleEntry> startOrder = all.stream().filter(e -> autoStarted.contains(e.id())).toList();
        return new Application(root, java.util.Collections.unmodifiableMap(byId), startOrder);
    }

    private static Set<EntryId> autoStartClosure(List<LifecycleEntry> lifecycleEntries, Map<EntryId, Entry> byId) {
        Set<EntryId> closure = new HashSet<>();
        Deque<LifecycleEntry> pending = new ArrayDeque<>();
        lifecycleEntries.stream().filter(e -> e.lifecycle().autoStart()).forEach(pending::add);
        while (!pending.isEmpty()) {
            LifecycleEntry entry = pending.pop();
            if (closure.add(entry.id())) {
                for (EntryId dependency : entry.dependencies()) {
                    if (byId.get(dependency) instanceof LifecycleEntry needed) {
                        pending.push(needed);
                    }
                }
            }
        }
        return closure;
    }

    /** The app directory it was loaded from. */
    public Path root() {
        return root;
    }

    /** Every entry, ordered by id. */
    public Collection<Entry> entries() {
        return entries.values();
    }

    public Optional<Entry> entry(EntryId id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The entry with that id if it is of the given type ({@code ProcessHost.class}, {@code LuaEntry.class}, …). */
    public <T extends Entry> Optional<T> entry(EntryId id, Class<T> type) {
        return entry(id).filter(type::isInstance).map(type::cast);
    }

    /** Every entry of the given type, ordered by id. */
    public <T extends Entry> List<T> entriesOf(Class<T> type) {
        return entries.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Every entry of the given kind, ordered by id. */
    public List<Entry> entriesOf(EntryKind kind) {
        return entries.values().stream().filter(e -> e.kind() == kind).toList();
    }

    /** What boot starts, dependencies first. */
    public List<LifecycleEntry> startOrder() {
        return startOrder;
    }

    /** What shutdown stops: the start order reversed, dependents first. */
    public List<LifecycleEntry> stopOrder() {
        return startOrder.reversed();
    }

    /** The test functions ({@code meta.type: test}) by suite, {@code meta.order}, then id. */
    public List<LuaFunction> tests() {
        return entriesOf(LuaFunction.class).stream().filter(LuaFunction::isTest).sorted(TEST_ORDER).toList();
    }

    @Override
    public String toString() {
        return "Application[" + root + ", " + entries.size() + " entries]";
    }
}
