package dev.trellis.runtime.lua;

import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaFunction;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaValues;
import dev.trellis.lua.Prototype;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.LuaEntry;
import java.util.Map;
import java.util.Set;

/**
 * A runnable Lua entry ({@code process.lua} or {@code function.lua}): its chunk, compiled once and
 * shared by every process that runs it, the method to call, and what it may {@code require}. It
 * is a core {@link ProcessBody}: spawning it starts a Lua process.
 *
 * <pre>{@code
 * LuaProgram worker = runtime.program("app.workers:task_worker");
 * Pid pid = proc.spawner().on("app:processes").monitored().spawn(worker, Payloads.fromJava("job"));
 * }</pre>
 *
 * <p>Thread-safe: immutable.
 *
 * @param runtime the app's runtime
 * @param id the entry id
 * @param entry the entry
 * @param chunk the compiled source
 * @param method the function the chunk's table provides (or null when the chunk returns a function)
 * @param modules built-in modules {@code require} may load (the entry's, and its libraries')
 * @param imports {@code require} aliases to library entries (the entry's, then its libraries')
 */
public record LuaProgram(LuaRuntime runtime, EntryId id, LuaEntry entry, Prototype chunk, String method,
                         Set<String> modules, Map<String, EntryId> imports) implements ProcessBody {

    /** Runs a process of this program (its frame stays under every park of the process: keep it one call). */
    @Override
    public Object run(Proc proc) {
        return new LuaProc(this, proc, Map.of()).run();
    }

    /** Runs a process of this program with inherited context values ({@code process.with_context}). */
    Object run(Proc proc, Map<String, Object> context) {
        return new LuaProc(this, proc, context).run();
    }

    /**
     * Runs the chunk in {@code state} and picks the function to call: the chunk's result when it is
     * a function, else its {@code method} field.
     *
     * @throws LuaError naming the entry when there is no such function
     */
    Object entryPoint(LuaState state) {
        Object[] r = state.call(state.load(chunk));
        Object v = r.length > 0 ? r[0] : null;
        if (v instanceof LuaFunction) {
            return v;
        }
        if (v instanceof LuaTable t) {
            Object fn = t.rawget(method);
            if (fn instanceof LuaFunction) {
                return fn;
            }
            throw new LuaError("method not found: entry '" + id + "' has no function '" + method + "' in the table its source returns");
        }
        throw new LuaError("entry '" + id + "': its source must return a function or a table of functions, got "
                + LuaValues.typeName(v));
    }

    /** {@return the entry id: what a crash report names a Lua process by} */
    @Override
    public String toString() {
        return id.toString();
    }
}
