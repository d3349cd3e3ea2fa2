package dev.trellis.runtime.entry;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found so far while loading an app; the loader reports them all at once.
 *
 * <pre>{@code
 * Problems problems = new Problems();
 * problems.add(location, id, "unknown kind 'process.go'");
 * if (!problems.isEmpty()) throw problems.toException();
 * }</pre>
 */
final class Problems {

    private final List<Problem> list = new ArrayList<>();

    void add(Location location, EntryId entry, String message) {
        list.add(new Problem(location, entry, message));
    }

    void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    /** All problems, ordered by file and line; on one line, in the order they were found. */
    ApplicationException toException() {
        return new ApplicationException(list.stream().sorted(java.util.Comparator.comparing(Problem::location)).toList());
    }
}
