package dev.trellis.core.supervision;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import dev.trellis.core.Spawner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link ChildStart} gets: the supervisor's process, and a way to spawn the child so that
 * it is linked to the supervisor and monitored by it before it first runs (OTP's
 * {@code start_link} from inside the supervisor).
 *
 * <pre>{@code
 * ChildStart start = ctx -> StartResult.ok(ctx.spawn(proc -> {
 *     Object config = proc.arg(0);       // a DynamicSupervisor's extra argument, if any
 *     return work(config);
 * }, "own-arg"));
 * }</pre>
 *
 * <p>{@link #extraArguments()} are a {@link DynamicSupervisor}'s {@code extra_arguments}; {@link #spawn}
 * prepends them to the child's own arguments, as Elixir does. A start function may also spawn by
 * other means and return the pid: the supervisor then monitors it after the fact.
 *
 * <p>Thread-safety: use only on the supervisor's thread, during the start call it was given to.
 */
public final class StartContext {
    private final Proc supervisor;
    private final List<Object> extraArguments;
    private final Set<Pid> monitored = new HashSet<>(2);

    StartContext(Proc supervisor, List<Object> extraArguments) {
        this.supervisor = supervisor;
        this.extraArguments = extraArguments;
    }

    /** Spawns the child linked to and monitored by the supervisor; extra arguments come first. */
    public Pid spawn(ProcessBody body, Object... args) {
        Pid pid = supervisor.spawnLinkedMonitored(body, withExtraArguments(args));
        monitored.add(pid);
        return pid;
    }

    /**
     * Spawns the child linked to and monitored by the supervisor, on the host named {@code hostId}
     * (null: the supervisor's host), with exactly {@code arguments}: {@link #extraArguments()} are
     * not prepended. For a start function that places them itself, e.g. a copy of them per child
     * when an argument is a mutable value that two processes must not share.
     *
     * @throws dev.trellis.core.ProcessException NOT_FOUND when there is no such host
     */
    public Pid spawnWithArguments(String hostId, ProcessBody body, List<Object> arguments) {
        Spawner spawner = hostId == null ? supervisor.spawner() : supervisor.spawner().on(hostId);
        Pid pid = spawner.linked().monitored().spawn(body, arguments.toArray());
        monitored.add(pid);
        return pid;
    }

    private Object[] withExtraArguments(Object[] args) {
        if (extraArguments.isEmpty()) {
            return args;
        }
        List<Object> list = new ArrayList<>(extraArguments);
        list.addAll(List.of(args == null ? new Object[0] : args));
        return list.toArray();
    }

    /** The supervisor's process handle (for spawning on another host, sending, names …). */
    public Proc proc() {
        return supervisor;
    }

    /** The supervisor's pid. */
    public Pid supervisor() {
        return supervisor.pid();
    }

    public Node node() {
        return supervisor.node();
    }

    /** A dynamic supervisor's extra arguments (empty for a static supervisor). */
    public List<Object> extraArguments() {
        return extraArguments;
    }

    /** Whether {@link #spawn} already put a monitor on {@code pid}. */
    boolean monitors(Pid pid) {
        return monitored.contains(pid);
    }
}
