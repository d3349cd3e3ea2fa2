package dev.trellis.runtime.entry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Load-time checks of supervision trees declared in YAML, beyond each entry's own fields:
 * <ul>
 *   <li>an entry run as a child is started by its supervisor, so it may not be auto-started too
 *       (it would run twice);</li>
 *   <li>supervisors may nest to any depth, but not in a cycle ({@code a} runs {@code b} runs
 *       {@code a}), which would start supervisors without end.</li>
 * </ul>
 *
 * <pre>{@code
 * SupervisionTrees.check(entries, problems);
 * // _index.yaml:12: entry 'app:outer': supervisors nest in a cycle: app:outer -> app:inner -> app:outer
 * }</pre>
 */
final class SupervisionTrees {

    private SupervisionTrees() {
    }

    static void check(List<Entry> entries, Problems problems) {
        Map<EntryId, Entry> byId = new HashMap<>();
        entries.forEach(e -> byId.putIfAbsent(e.id(), e));
        for (Entry e : entries) {
            if (e instanceof SupervisorEntry sup) {
                for (SupervisedChild child : sup.children()) {
                    if (byId.get(child.process()) instanceof LifecycleEntry target && target.lifecycle().autoStart()) {
                        problems.add(child.location(), sup.id(), "child '" + child.id() + "' runs " + child.process()
                                + ", which is auto-started too (lifecycle.auto_start: true) and would run twice;"
                                + " remove auto_start from " + child.process() + ": its supervisor starts it");
                    }
                }
            }
        }
        Set<EntryId> reported = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e instanceof SupervisorEntry sup && !reported.contains(sup.id())) {
                List<EntryId> path = new ArrayList<>();
                path.add(sup.id());
                findCycle(sup, byId, path, problems, reported);
            }
        }
    }

    /** Depth-first through nested supervisor entries; reports the first cycle through {@code path}. */
    private static boolean findCycle(SupervisorEntry sup, Map<EntryId, Entry> byId, List<EntryId> path,
                                     Problems problems, Set<EntryId> reported) {
        for (SupervisedChild child : sup.children()) {
            if (!(byId.get(child.process()) instanceof SupervisorEntry nested)) {
                continue;
            }
            int at = path.indexOf(nested.id());
            if (at >= 0) {
                List<EntryId> cycle = new ArrayList<>(path.subList(at, path.size()));
                cycle.add(nested.id());
                reported.addAll(cycle);
                Entry first = byId.get(cycle.getFirst());
                problems.add(first.location(), first.id(), "supervisors nest in a cycle: "
                        + String.join(" -> ", cycle.stream().map(EntryId::toString).toList()));
                return true;
            }
            path.add(nested.id());
            boolean found = findCycle(nested, byId, path, problems, reported);
            path.removeLast();
            if (found) {
                return true;
            }
        }
        return false;
    }
}
