package dev.trellis.core.supervision;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
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
        Object[] all = args;
        if (!extraArguments.isEmpty()) {
            List<Object> list = new ArrayList<>(extraArguments);
            list.addAll(List.of(args == null ? new Object[0] : args));
            all = list.toArray();
        }
        Pid pid = supervisor.spawnLinkedMonitored(body, all);
        monitored.add(pid);
        return pid;
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
