package dev.trellis.runtime.entry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A place in an app's files: a file and a 1-based line (0 when the whole file is meant).
 *
 * <pre>{@code
 * new Location(Path.of("app/_index.yaml"), 12).toString();   // "app/_index.yaml:12"
 * new Location(Path.of("./_index.yaml"), 3).toString();      // "_index.yaml:3"
 * }</pre>
 */
public record Location(Path file, int line) implements Comparable<Location> {

    public Location {
        Objects.requireNonNull(file, "file");
        // One spelling per file in problems: "./_index.yaml" and "_index.yaml" print alike.
        file = file.normalize();
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
    }

    /** The whole file, without a line. */
    public static Location of(Path file) {
        return new Location(file, 0);
    }

    @Override
    public int compareTo(Location other) {
        int byFile = file.toString().compareTo(other.file.toString());
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }

    @Override
    public String toString() {
        return line == 0 ? file.toString() : file + ":" + line;
    }
}
