package dev.trellis.core.supervision;

/**
 * Supervisor flags were rejected at start (OTP's {@code supervisor_data} errors). The message names
 * the flag and the value; {@link #problem()} is the rule broken.
 *
 * <pre>{@code
 * SupervisorOptions.fromMap(Map.of("strategy", "one_for_none")); // INVALID_STRATEGY
 * }</pre>
 */
public final class InvalidSupervisorFlagsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public enum Problem {
        MISSING_STRATEGY("missing_strategy"),
        INVALID_STRATEGY("invalid_strategy"),
        INVALID_INTENSITY("invalid_intensity"),
        INVALID_PERIOD("invalid_period"),
        INVALID_AUTO_SHUTDOWN("invalid_auto_shutdown"),
        INVALID_MAX_CHILDREN("invalid_max_children"),
        INVALID_EXTRA_ARGUMENTS("invalid_extra_arguments"),
        INVALID_NAME("invalid_name"),
        INVALID_HOST("invalid_host"),
        INVALID_TYPE("invalid_type");

        private final String erlangName;

        Problem(String erlangName) {
            this.erlangName = erlangName;
        }

        public String erlangName() {
            return erlangName;
        }
    }

    private final Problem problem;

    public InvalidSupervisorFlagsException(Problem problem, String message) {
        super(message + " [" + problem.erlangName + "]");
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
