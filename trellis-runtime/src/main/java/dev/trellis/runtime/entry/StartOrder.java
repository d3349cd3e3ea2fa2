package dev.trellis.runtime.entry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SequencedSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The order in which lifecycle entries start: every entry after its dependencies (its host and
 * {@code lifecycle.requires}), ties broken by id so the order is the same on every run. Stopping
 * uses the reverse.
 *
 * <pre>{@code
 * List<LifecycleEntry> order = StartOrder.of(entries);   // hosts before the services on them
 * }</pre>
 *
 * <p>Kahn's topological sort with a priority queue keyed by id. Dependencies that name no lifecycle
 * entry are ignored here (the loader reports them as bad references). A cycle is an
 * {@link ApplicationException} whose message walks the cycle: {@code a -> b -> a}.
 */
public final class StartOrder {

    private StartOrder() {
    }

    /** All given entries in dependency order; throws if their dependencies form a cycle. */
    public static List<LifecycleEntry> of(Collection<? extends LifecycleEntry> entries) throws ApplicationException {
        Map<EntryId, LifecycleEntry> byId = new TreeMap<>();
        for (LifecycleEntry entry : entries) {
            byId.put(entry.id(), entry);
        }
        Map<EntryId, Integer> unmetDependencies = new HashMap<>();
        Map<EntryId, List<EntryId>> dependents = new HashMap<>();
        for (LifecycleEntry entry : byId.values()) {
            Set<EntryId> dependencies = knownDependencies(entry, byId);
            unmetDependencies.put(entry.id(), dependencies.size());
            for (EntryId dependency : dependencies) {
                dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(entry.id());
            }
        }
        PriorityQueue<EntryId> ready = new PriorityQueue<>();
        unmetDependencies.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<LifecycleEntry> order = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            EntryId next = ready.poll();
            order.add(byId.get(next));
            for (EntryId dependent : dependents.getOrDefault(next, List.of())) {
                if (unmetDependencies.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < byId.size()) {
            throw cycleError(byId, unmetDependencies);
        }
        return List.copyOf(order);
    }

    private static Set<EntryId> knownDependencies(LifecycleEntry entry, Map<EntryId, LifecycleEntry> byId) {
        Set<EntryId> known = new LinkedHashSet<>();
        for (EntryId dependency : entry.dependencies()) {
            if (byId.containsKey(dependency)) {
                known.add(dependency);
            }
        }
        return known;
    }

    /**
     * Every entry left unsorted has an unmet dependency that is itself unsorted, so walking from the
     * smallest such entry along its smallest unsorted dependency must come back to an entry already
     * on the path: that loop is a cycle. It is reported from its smallest id.
     */
    private static ApplicationException cycleError(Map<EntryId, LifecycleEntry> byId,
                                                   Map<EntryId, Integer> unmetDependencies) {
        Set<EntryId> unsorted = unmetDependencies.entrySet().stream()
                .filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        SequencedSet<EntryId> path = new LinkedHashSet<>();
        EntryId at = unsorted.iterator().next();
        while (path.add(at)) {
            at = knownDependencies(byId.get(at), byId).stream().filter(unsorted::contains).sorted()
                    .findFirst().orElseThrow();
        }
        List<EntryId> cycle = new ArrayList<>();
        boolean inCycle = false;
        for (EntryId id : path) {
            inCycle |= id.equals(at);
            if (inCycle) {
                cycle.add(id);
            }
        }
        // Start the walk at the cycle's smallest id, so the same cycle always reads the same way.
        int smallest = cycle.indexOf(Collections.min(cycle));
        Collections.rotate(cycle, -smallest);
        cycle.add(cycle.getFirst());
        String walk = cycle.stream().map(EntryId::toString).collect(Collectors.joining(" -> "));
        LifecycleEntry first = byId.get(cycle.getFirst());
        return new ApplicationException(List.of(new Problem(first.location(), first.id(),
                "dependency cycle: " + walk + " (each needs the next one started first)")));
    }
}
