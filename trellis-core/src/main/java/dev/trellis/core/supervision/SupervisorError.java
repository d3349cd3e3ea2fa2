package dev.trellis.core.supervision;

/**
 * The fixed vocabulary of errors that supervisor calls return as values (OTP's atoms). Callers
 * match on these; they never compare strings.
 *
 * <pre>{@code
 * switch (sup.startChild(spec)) {
 *     case StartResult.Started s -> use(s.pid());
 *     case StartResult.Ignored i -> {}
 *     case StartResult.Failed f when f.error() == SupervisorError.ALREADY_STARTED -> use(f.pid());
 *     case StartResult.Failed f -> throw new IllegalStateException(f.toString());
 * }
 * }</pre>
 */
public enum SupervisorError {
    /** start_child with the id of a running child (the result carries its pid). */
    ALREADY_STARTED("already_started"),
    /** start_child with the id of a stopped spec that is still kept. */
    ALREADY_PRESENT("already_present"),
    /** restart_child / delete_child of a child that is running. */
    RUNNING("running"),
    /** restart_child / delete_child of a child whose restart is being retried. */
    RESTARTING("restarting"),
    /** No child with that id (or pid). */
    NOT_FOUND("not_found"),
    /** A dynamic supervisor at its max_children limit. */
    MAX_CHILDREN("max_children"),
    /** The child's start function failed; the result carries the reason. */
    START_FAILED("start_failed"),
    /** An id-based call on a dynamic supervisor (OTP's {@code simple_one_for_one} error). */
    SIMPLE_ONE_FOR_ONE("simple_one_for_one");

    private final String erlangName;

    SupervisorError(String erlangName) {
        this.erlangName = erlangName;
    }

    /** The OTP atom, e.g. {@code already_started}. */
    public String erlangName() {
        return erlangName;
    }
}
