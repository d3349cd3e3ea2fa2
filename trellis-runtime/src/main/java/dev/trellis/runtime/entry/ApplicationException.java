package dev.trellis.runtime.entry;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An app that cannot start: every {@link Problem} found while loading it, all at once.
 *
 * <pre>{@code
 * try {
 *     Application app = new ApplicationLoader().load(Path.of("examples/worker-pool"));
 * } catch (ApplicationException e) {
 *     e.problems().forEach(System.err::println);   // file:line: entry 'ns:name': message
 * }
 * }</pre>
 */
public final class ApplicationException extends Exception {

    private final List<Problem> problems;

    public ApplicationException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("an ApplicationException needs at least one problem");
        }
    }

    /** The problems, ordered by file and line. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        Objects.requireNonNull(problems, "problems");
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return count + ":\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
