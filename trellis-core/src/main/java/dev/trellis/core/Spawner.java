package dev.trellis.core;

import java.util.HashSet;

/**
 * An immutable spawn builder (Wippy's {@code process.Spawner}): pick a host, ask for a monitor and/or
 * a link, then spawn. The monitor and the link are in place before the child first runs, so even an
 * instantly exiting child produces its EXIT / LINK_DOWN.
 *
 * <pre>{@code
 * Pid worker = proc.spawner().on("app:workers").monitored().linked().spawn(body, 42);
 * }</pre>
 *
 * <p>Immutable and thread-safe; each method returns a new spawner. {@code monitored()} and
 * {@code linked()} need a calling process: from a spawner made by {@link Node#spawner()} they fail.
 */
public final class Spawner {
    private final Node node;
    private final ProcessCell caller;
    private final Host host;
    private final boolean monitor;
    private final boolean link;

    Spawner(Node node, ProcessCell caller) {
        this(node, caller, null, false, false);
    }

    private Spawner(Node node, ProcessCell caller, Host host, boolean monitor, boolean link) {
        this.node = node;
        this.caller = caller;
        this.host = host;
        this.monitor = monitor;
        this.link = link;
    }

    /**
     * {@return a spawner targeting {@code host}}
     *
     * @param host the host
     * @throws IllegalArgumentException if {@code host} is null or belongs to another node
     */
    public Spawner on(Host host) {
        if (host == null) {
            throw new IllegalArgumentException("host must not be null");
        }
        if (host.node() != node) {
            throw new IllegalArgumentException("host " + host.id() + " belongs to another node");
        }
        return new Spawner(node, caller, host, monitor, link);
    }

    /**
     * {@return a spawner targeting the host named {@code hostId}}
     *
     * @param hostId the host id
     * @throws ProcessException NOT_FOUND "host not found: {host}"
     */
    public Spawner on(String hostId) {
        return on(node.host(hostId));
    }

    /** {@return a spawner whose children are monitored by the caller} */
    public Spawner monitored() {
        return new Spawner(node, caller, host, true, link);
    }

    /** {@return a spawner whose children are linked to the caller} */
    public Spawner linked() {
        return new Spawner(node, caller, host, monitor, true);
    }

    /**
     * Spawns the child.
     *
     * @param body the process body
     * @param args arguments ({@link Proc#args()})
     * @return the child's pid
     * @throws IllegalArgumentException if {@code body} is null
     * @throws IllegalStateException if monitored/linked is asked without a calling process
     * @throws ProcessException UNAVAILABLE when the host is stopping or stopped
     */
    public Pid spawn(ProcessBody body, Object... args) {
        if ((monitor || link) && caller == null) {
            throw new IllegalStateException("monitored/linked spawns need a calling process (use proc.spawner())");
        }
        if (caller != null) {
            caller.checkpoint();
        }
        Host h = host != null ? host : caller != null ? caller.host : node.defaultHost();
        Pid pid = node.spawn(h, monitor ? caller : null, link ? caller : null, body, args);
        if (monitor) {
            if (caller.watching == null) {
                caller.watching = new HashSet<>(4);
            }
            caller.watching.add(pid);
        }
        return pid;
    }
}
