package dev.trellis.runtime.lua;

import dev.trellis.core.Node;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.Prototype;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.LuaEntry;
import dev.trellis.runtime.entry.LuaFunction;
import dev.trellis.runtime.entry.LuaLibrary;
import dev.trellis.runtime.entry.LuaProcess;
import dev.trellis.runtime.entry.SecurityPolicy;
import dev.trellis.runtime.entry.SupervisionEntry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Lua side of one app on one {@link Node}: every {@code process.lua} and {@code function.lua}
 * entry compiled once into a {@link LuaProgram}, the {@code library.lua} chunks they import, and
 * where {@code print} writes.
 *
 * <pre>{@code
 * LuaRuntime runtime = new LuaRuntime(app, node, System.out, BuiltInModules.standard());
 * Pid pid = node.spawner().on("app:processes").spawn(runtime.program("app:worker"));
 * }</pre>
 *
 * <p><b>require</b>: a process may load the built-in modules its entry lists in {@code modules}
 * ({@code time}, {@code ctx}) and the libraries it {@code imports} (libraries bring their own modules and
 * imports along); anything else fails with an error naming the module and the entry.
 *
 * <p>Thread-safe: immutable after construction; {@code print} lines are written whole.
 */
public final class LuaRuntime {

    private final Node node;
    private final LuaModules builtIns;
    private final Map<EntryId, LuaProgram> programs = new HashMap<>();
    private final Map<EntryId, Prototype> libraries = new HashMap<>();
    private final Map<EntryId, SupervisionEntry> supervisors = new HashMap<>();
    private final Map<EntryId, SecurityPolicy> policies = new HashMap<>();
    /** Policy groups (named scopes): their policies in the order the app lists them. */
    private final Map<EntryId, java.util.List<SecurityPolicy>> policyGroups = new HashMap<>();
    private final PrintStream out;
    private final LuaState.ModuleLoader loader = LuaRuntime::require;
    private final KillSnapshots killSnapshots = new KillSnapshots();

    /**
     * Compiles every Lua entry of {@code app}.
     *
     * @param app the app
     * @param node the node its processes run on
     * @param out where {@code print} writes
     * @param builtIns the shared globals and the modules entries may list
     * @throws LuaError if a source does not compile (the loader's source check reports that first)
     */
    public LuaRuntime(Application app, Node node, PrintStream out, LuaModules builtIns) {
        this.node = node;
        this.out = out;
        this.builtIns = builtIns;
        Map<Path, Prototype> chunks = new HashMap<>();
        for (LuaLibrary lib : app.entriesOf(LuaLibrary.class)) {
            libraries.put(lib.id(), chunks.computeIfAbsent(lib.source(), LuaState::compileFile));
        }
        for (SecurityPolicy p : app.entriesOf(SecurityPolicy.class)) {
            policies.put(p.id(), p);
            for (EntryId g : p.groups()) {
                policyGroups.computeIfAbsent(g, k -> new java.util.ArrayList<>()).add(p);
            }
        }
        for (SupervisionEntry sup : app.entriesOf(SupervisionEntry.class)) {
            supervisors.put(sup.id(), sup);
        }
        for (LuaEntry e : app.entriesOf(LuaEntry.class)) {
            String method = switch (e) {
                case LuaProcess p -> p.method();
                case LuaFunction f -> f.method();
                case LuaLibrary l -> null;
            };
            if (method == null) {
                continue;
            }
            Prototype chunk = chunks.computeIfAbsent(e.source(), LuaState::compileFile);
            Set<String> allowed = new HashSet<>(e.modules());
            Map<String, EntryId> imports = new LinkedHashMap<>(e.imports());
            Deque<EntryId> pending = new ArrayDeque<>(e.imports().values());
            Set<EntryId> seen = new HashSet<>();
            while (!pending.isEmpty()) {
                EntryId libId = pending.pop();
                if (!seen.add(libId)) {
                    continue;
                }
                app.entry(libId, LuaLibrary.class).ifPresent(lib -> {
                    allowed.addAll(lib.modules());
                    lib.imports().forEach(imports::putIfAbsent);
                    pending.addAll(lib.imports().values());
                });
            }
            programs.put(e.id(), new LuaProgram(this, e.id(), e, chunk, method,
                    Collections.unmodifiableSet(allowed), Collections.unmodifiableMap(imports)));
        }
    }

    /** {@return the node} */
    public Node node() {
        return node;
    }

    /** {@return the program of an entry, or null when there is none with that id} */
    public LuaProgram program(EntryId id) {
        return programs.get(id);
    }

    /** {@return the program of an entry given as {@code namespace:name}, or null} */
    public LuaProgram program(String id) {
        EntryId entryId = EntryId.parseOrNull(id);
        return entryId == null ? null : programs.get(entryId);
    }

    /** {@return the supervisor entry with that id ({@code process.supervisor} and kin), or null} */
    public SupervisionEntry supervision(EntryId id) {
        return supervisors.get(id);
    }

    /** {@return the {@code security.policy} entry with that id, or null} */
    public SecurityPolicy policy(EntryId id) {
        return policies.get(id);
    }

    /** {@return the policies of a policy group (a named scope), or null when no policy is in it} */
    public java.util.List<SecurityPolicy> policyGroup(EntryId id) {
        java.util.List<SecurityPolicy> g = policyGroups.get(id);
        return g == null ? null : java.util.List.copyOf(g);
    }

    /** {@return the shared globals and the built-in modules} */
    public LuaModules builtIns() {
        return builtIns;
    }

    /** {@return where this runtime's processes tell, when killed, what they were doing} */
    public KillSnapshots killSnapshots() {
        return killSnapshots;
    }

    /** {@return the module loader of this runtime's processes} */
    LuaState.ModuleLoader loader() {
        return loader;
    }

    private static Object require(LuaState state, String name) {
        LuaProgram program = LuaProc.of(state).program;
        EntryId lib = program.imports().get(name);
        if (lib != null) {
            Prototype chunk = program.runtime().libraries.get(lib);
            if (chunk == null) {
                throw new LuaError("module '" + name + "': entry '" + program.id() + "' imports '" + lib
                        + "', which is not a library.lua entry");
            }
            return state.load(chunk);
        }
        LuaModules builtIns = program.runtime().builtIns;
        if (program.modules().contains(name)) {
            Object module = builtIns.load(name, state);
            if (module != null) {
                return module;
            }
            throw new LuaError("module '" + name + "' is listed in the modules of entry '" + program.id()
                    + "' but this runtime has no such module (built-in: " + String.join(", ", builtIns.names()) + ")");
        }
        throw new LuaError("module '" + name + "' is not available to entry '" + program.id() + "': list it under"
                + (builtIns.names().contains(name) ? " modules:" : " imports: (a library.lua entry)")
                + " in the entry's YAML");
    }

    /** Writes one log line of {@code p}'s process (or of no process). */
    public static void log(LuaProc p, byte[] line) {
        PrintStream target = p != null ? p.program.runtime().out : System.out;
        synchronized (target) {
            target.write(line, 0, line.length);
            target.flush();
        }
    }
}
