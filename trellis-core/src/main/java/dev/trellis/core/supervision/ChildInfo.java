package dev.trellis.core.supervision;

import dev.trellis.core.Pid;
import java.util.List;

/**
 * One row of {@code whichChildren}: OTP's {@code {Id, Child, Type, Modules}}.
 *
 * <pre>{@code
 * for (ChildInfo c : Supervisor.whichChildren(node, sup)) {
 *     System.out.println(c.id() + " " + (c.restarting() ? "restarting" : c.pid()));
 * }
 * }</pre>
 *
 * @param id         the child's id (null for a dynamic supervisor's children: OTP's {@code undefined})
 * @param pid        its pid, or null when stopped or restarting
 * @param restarting whether a failed restart is being retried
 * @param type       worker or supervisor
 * @param modules    the spec's modules
 * @param restart    the spec's restart type
 */
public record ChildInfo(Object id, Pid pid, boolean restarting, ChildType type, List<String> modules,
                        Restart restart) {
    /** Whether the child is running. */
    public boolean running() {
        return pid != null;
    }
}
