package dev.trellis.runtime.entry;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with an app, found while loading it: where, which entry, and what.
 *
 * <pre>{@code
 * Problem p = new Problem(new Location(file, 7), Optional.of(EntryId.parse("app:processes")),
 *         "field 'host.workers' must be a positive integer, got \"x\"");
 * p.toString();   // "app/_index.yaml:7: entry 'app:processes': field 'host.workers' must be ..."
 * }</pre>
 */
public record Problem(Location location, Optional<EntryId> entry, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::location)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(message, "message");
    }

    public Problem(Location location, EntryId entry, String message) {
        this(location, Optional.ofNullable(entry), message);
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    /** {@code file:line: entry 'ns:name': message}; the entry part is left out for file-level problems. */
    @Override
    public String toString() {
        return location + ": " + entry.map(id -> "entry '" + id + "': ").orElse("") + message;
    }
}
