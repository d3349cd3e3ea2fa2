package dev.trellis.core.supervision;

/**
 * The answer of {@code countChildren}: OTP's {@code [{specs, N}, {active, N}, {supervisors, N},
 * {workers, N}]}.
 *
 * <pre>{@code
 * ChildCounts c = Supervisor.countChildren(node, sup);
 * assert c.active() <= c.specs();
 * }</pre>
 *
 * @param specs       every child spec, running or not
 * @param active      running children (not stopped, not restarting)
 * @param supervisors specs of type supervisor, running or not
 * @param workers     specs of type worker, running or not
 */
public record ChildCounts(int specs, int active, int supervisors, int workers) {
}
