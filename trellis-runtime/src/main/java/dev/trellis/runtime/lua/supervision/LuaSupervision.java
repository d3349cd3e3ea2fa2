package dev.trellis.runtime.lua.supervision;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.core.supervision.ChildSpec;
import dev.trellis.core.supervision.ChildType;
import dev.trellis.core.supervision.DynamicSupervisor;
import dev.trellis.core.supervision.DynamicSupervisorOptions;
import dev.trellis.core.supervision.StartContext;
import dev.trellis.core.supervision.StartResult;
import dev.trellis.core.supervision.Supervisor;
import dev.trellis.core.supervision.SupervisorOptions;
import dev.trellis.core.supervision.TaskSupervisor;
import dev.trellis.runtime.entry.DynamicSupervisorEntry;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.SupervisedChild;
import dev.trellis.runtime.entry.SupervisionEntry;
import dev.trellis.runtime.entry.SupervisorEntry;
import dev.trellis.runtime.entry.TaskSupervisorEntry;
import dev.trellis.runtime.lua.LuaProgram;
import dev.trellis.runtime.lua.LuaRuntime;
import dev.trellis.runtime.lua.LuaStart;
import dev.trellis.runtime.lua.Payloads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Supervision trees of Lua processes, on the Java supervisors of {@code dev.trellis.core.supervision}:
 * turns supervisor entries ({@code process.supervisor}, {@code process.dynamic_supervisor},
 * {@code process.task_supervisor}) and their children into the core's flags and child specs, and
 * starts them.
 *
 * <pre>{@code
 * LuaSupervision supervision = new LuaSupervision(runtime);
 * StartResult r = supervision.start(null, runtime.supervision(EntryId.parse("app:queue_sup")));
 * Pid sup = r.pidOrNull();
 * }</pre>
 *
 * <p>How a child starts: a {@code process.lua} child is spawned linked to and monitored by its
 * supervisor (on the child's host, or the supervisor's), with fresh copies of its arguments on
 * every start, so no two incarnations share a table; a named child is held before its first
 * instruction until its name is registered (a name held by another process fails the start). A
 * child that names a supervisor entry starts that supervisor, linked, as a {@code supervisor}
 * child: trees nest to any depth.
 *
 * <p>Thread-safety: stateless apart from the runtime, which is immutable; child starts run on
 * their supervisor's process.
 */
public final class LuaSupervision {

    private final LuaRuntime runtime;

    public LuaSupervision(LuaRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts a supervisor entry, linked to {@code parent}, or unlinked from outside any process when
     * {@code parent} is null. Waits until it has started its children (or failed to).
     *
     * @throws ProcessException NOT_FOUND when a child names no spawnable entry, or the host is missing
     */
    public StartResult start(Proc parent, SupervisionEntry entry) {
        return switch (entry) {
            case SupervisorEntry s -> startSupervisor(parent, options(s), childSpecs(s.children()));
            case DynamicSupervisorEntry d -> parent == null
                    ? DynamicSupervisor.startLink(runtime.node(), options(d))
                    : DynamicSupervisor.startLink(parent, options(d));
            case TaskSupervisorEntry t -> parent == null
                    ? TaskSupervisor.startLink(runtime.node(), options(t))
                    : TaskSupervisor.startLink(parent, options(t));
        };
    }

    /** Starts a static supervisor with {@code children}, linked to {@code parent} (or unlinked). */
    public StartResult startSupervisor(Proc parent, SupervisorOptions options, List<ChildSpec> children) {
        return parent == null
                ? Supervisor.startLink(runtime.node(), children, options)
                : Supervisor.startLink(parent, children, options);
    }

    /** The core flags of a {@code process.supervisor}. */
    public static SupervisorOptions options(SupervisorEntry s) {
        SupervisorOptions o = SupervisorOptions.of(s.strategy()).maxRestarts(s.maxRestarts()).period(s.period())
                .autoShutdown(s.autoShutdown());
        if (s.name().isPresent()) {
            o = o.name(s.name().get());
        }
        return s.host().isPresent() ? o.host(s.host().get().toString()) : o;
    }

    /**
     * The core flags of a {@code process.dynamic_supervisor}. Its extra arguments are kept as Lua
     * values; each child start copies them (see {@link #childStart}).
     */
    public static DynamicSupervisorOptions options(DynamicSupervisorEntry d) {
        DynamicSupervisorOptions o = DynamicSupervisorOptions.defaults().maxChildren(d.maxChildren())
                .maxRestarts(d.maxRestarts()).period(d.period())
                .extraArguments(Arrays.asList(Payloads.fromJavaAll(d.extraArgs())));
        if (d.name().isPresent()) {
            o = o.name(d.name().get());
        }
        return d.host().isPresent() ? o.host(d.host().get().toString()) : o;
    }

    /** The core flags of a {@code process.task_supervisor}. */
    public static DynamicSupervisorOptions options(TaskSupervisorEntry t) {
        DynamicSupervisorOptions o = DynamicSupervisorOptions.defaults().maxChildren(t.maxChildren());
        if (t.name().isPresent()) {
            o = o.name(t.name().get());
        }
        return t.host().isPresent() ? o.host(t.host().get().toString()) : o;
    }

    private List<ChildSpec> childSpecs(List<SupervisedChild> children) {
        List<ChildSpec> specs = new ArrayList<>(children.size());
        for (SupervisedChild child : children) {
            specs.add(childSpec(child, Payloads.fromJavaAll(child.args())));
        }
        return specs;
    }

    /**
     * The core spec of one child.
     *
     * @param args its arguments as Lua values, never handed out: each start gets copies
     * @throws ProcessException NOT_FOUND when the child's entry is neither a process.lua nor a
     *         supervisor entry
     */
    public ChildSpec childSpec(SupervisedChild child, Object[] args) {
        ChildSpec spec;
        LuaProgram program = runtime.program(child.process());
        SupervisionEntry nested = program == null ? runtime.supervision(child.process()) : null;
        if (program != null) {
            spec = ChildSpec.worker(child.id(), ctx -> childStart(ctx, program, child, args));
        } else if (nested != null) {
            SupervisionEntry placed = child.host().map(nested::onHost).orElse(nested);
            SupervisionEntry named = child.name().map(n -> renamed(placed, n)).orElse(placed);
            spec = ChildSpec.supervisor(child.id(), ctx -> start(ctx.proc(), named));
        } else {
            throw new ProcessException(ErrorKind.NOT_FOUND, "factory not found: " + child.process()
                    + " (a child must name a process.lua or a supervisor entry)");
        }
        spec = spec.restart(child.restart()).significant(child.significant());
        spec = child.shutdown().map(spec::shutdown).orElse(spec);
        return spec.modules(List.of(child.process().toString()));
    }

    /** {@return the type a child of this entry has: supervisor for a supervisor entry} */
    public ChildType typeOf(EntryId process) {
        return runtime.supervision(process) != null ? ChildType.SUPERVISOR : ChildType.WORKER;
    }

    private static StartResult childStart(StartContext ctx, LuaProgram program, SupervisedChild child, Object[] args) {
        List<Object> all = new ArrayList<>(ctx.extraArguments().size() + args.length);
        for (Object extra : ctx.extraArguments()) {
            all.add(Payloads.export(extra));
        }
        all.addAll(Arrays.asList(Payloads.exportAll(args, 0)));
        String host = child.host().map(EntryId::toString).orElse(null);
        if (child.name().isEmpty()) {
            return StartResult.ok(ctx.spawnWithArguments(host, program, all));
        }
        LuaStart.Gate gate = new LuaStart.Gate();
        Pid pid = ctx.spawnWithArguments(host, new LuaStart(program, Map.of(), gate), all);
        try {
            ctx.node().registry().register(child.name().get(), pid);
        } catch (ProcessException taken) {
            gate.abort();
            return StartResult.error(ProcessError.of(taken.error().kind(),
                    taken.error().message() + ": " + child.name().get()));
        }
        gate.open();
        return StartResult.ok(pid);
    }

    private static SupervisionEntry renamed(SupervisionEntry e, String name) {
        return switch (e) {
            case SupervisorEntry s -> new SupervisorEntry(s.id(), s.meta(), s.location(), s.host(), s.strategy(),
                    s.maxRestarts(), s.period(), s.autoShutdown(), Optional.of(name), s.children(),
                    s.lifecycle());
            case DynamicSupervisorEntry d -> new DynamicSupervisorEntry(d.id(), d.meta(), d.location(), d.host(),
                    d.maxChildren(), d.maxRestarts(), d.period(), d.extraArgs(), Optional.of(name),
                    d.lifecycle());
            case TaskSupervisorEntry t -> new TaskSupervisorEntry(t.id(), t.meta(), t.location(), t.host(),
                    t.maxChildren(), Optional.of(name), t.lifecycle());
        };
    }
}
