package dev.trellis.core.supervision;

/**
 * The detail of the {@code shutdown} a supervisor exits with when its restart intensity is
 * exceeded (OTP's {@code reached_max_restart_intensity}): the child whose restart was one too many,
 * and why that child last stopped (its exit reason, or the error of its failed start).
 *
 * <pre>{@code
 * // the EXIT of such a supervisor reads:
 * // {shutdown, reached_max_restart_intensity: child queue, last failure: attempt to index a nil value}
 * }</pre>
 *
 * <p>The exit is still a {@code shutdown}: a transient parent does not restart the supervisor, a
 * permanent one does and counts it against its own intensity (escalation up the tree).
 *
 * @param childId the id of the child (a dynamic child's is null)
 * @param lastFailure its last exit reason or start error, or null if not known
 */
public record IntensityReached(Object childId, Object lastFailure) {
    @Override
    public String toString() {
        return "reached_max_restart_intensity: child " + (childId == null ? "(dynamic)" : childId)
                + (lastFailure == null ? "" : ", last failure: " + lastFailure);
    }
}
