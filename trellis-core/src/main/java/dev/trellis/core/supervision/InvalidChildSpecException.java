package dev.trellis.core.supervision;

/**
 * A child spec (or a list of them) was rejected. The message names the child and the field; the
 * {@link Problem} says which rule was broken (OTP's error tags).
 *
 * <pre>{@code
 * try {
 *     ChildSpec.fromMap(Map.of("id", "db", "start", start, "shutdown", -1));
 * } catch (InvalidChildSpecException e) {
 *     e.problem(); // INVALID_SHUTDOWN
 *     e.getMessage(); // invalid child spec "db": field shutdown: -1 (expected brutal_kill, infinity or ms >= 0)
 * }
 * }</pre>
 */
public final class InvalidChildSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** OTP's child-spec error tags. */
    public enum Problem {
        MISSING_ID("missing_id"),
        MISSING_START("missing_start"),
        INVALID_START("invalid_mfa"),
        INVALID_RESTART_TYPE("invalid_restart_type"),
        INVALID_SHUTDOWN("invalid_shutdown"),
        INVALID_CHILD_TYPE("invalid_child_type"),
        INVALID_MODULES("invalid_modules"),
        INVALID_SIGNIFICANT("invalid_significant"),
        DUPLICATE_CHILD_NAME("duplicate_child_name"),
        /** significant with permanent restart, or significant under auto_shutdown never. */
        BAD_COMBINATION("bad_combination"),
        /** A spec that is neither a ChildSpec, a map, nor a tuple-like list. */
        INVALID_CHILD_SPEC("invalid_child_spec");

        private final String erlangName;

        Problem(String erlangName) {
            this.erlangName = erlangName;
        }

        public String erlangName() {
            return erlangName;
        }
    }

    private final transient Object childId;
    private final Problem problem;
    private final String field;

    public InvalidChildSpecException(Object childId, String field, Problem problem, String detail) {
        super("invalid child spec " + describe(childId) + ": "
                + (field == null ? "" : "field " + field + ": ") + detail + " [" + problem.erlangName + "]");
        this.childId = childId;
        this.problem = problem;
        this.field = field;
    }

    /** The id of the child at fault, or null when the id itself is missing. */
    public Object childId() {
        return childId;
    }

    public Problem problem() {
        return problem;
    }

    /** The field at fault ({@code id}, {@code start}, {@code restart}, {@code shutdown}, …). */
    public String field() {
        return field;
    }

    private static String describe(Object id) {
        return id == null ? "(no id)" : id instanceof String s ? "\"" + s + "\"" : String.valueOf(id);
    }
}
