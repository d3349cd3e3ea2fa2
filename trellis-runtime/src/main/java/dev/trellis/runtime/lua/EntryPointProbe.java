package dev.trellis.runtime.lua;

import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaFunction;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaValues;
import dev.trellis.lua.Prototype;
import dev.trellis.runtime.entry.Spelling;
import java.io.OutputStream;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a Lua source hands to the entries that run it, found at load time: the chunk is run once in
 * a probe state, and the shape of what it returns is recorded — a function, a table (and which of
 * its fields are functions), or nothing. A process spawned later runs the same chunk and calls the
 * function or the table's {@code method}; the probe lets {@code check} report a missing one with
 * the other load-time problems instead of at the first spawn.
 *
 * <p>The probe state has the standard library; every other global and every {@code require}d
 * module is an inert stand-in (indexing or calling it gives another stand-in), so top-level code
 * that only wires modules together runs. Top-level code that does real work with them may fail,
 * or may run too long (the probe stops it after about a million VM steps): then the shape is
 * {@link Shape.Unknown} and nothing is reported, since only a real spawn can tell.
 *
 * <pre>{@code
 * Shape s = EntryPointProbe.shapeOf(prototype);
 * EntryPointProbe.problem(s, "main");   // Optional["returns a table without a function 'main' (its functions: handle, init)"]
 * }</pre>
 *
 * <p>Thread-safe: each call uses a state of its own.
 */
public final class EntryPointProbe {

    /** What a chunk returned. */
    public sealed interface Shape {
        /** The chunk returned a function: every method name reaches it. */
        record Function() implements Shape {
        }

        /** The chunk returned a table; {@code functions} are its fields that hold functions. */
        record Table(Set<String> functions) implements Shape {
        }

        /**
         * The chunk returned nothing, or nil, or a value that is neither a function nor a table;
         * {@code got} says which, as a phrase: {@code nothing}, {@code nil}, {@code a number}.
         */
        record Nothing(String got) implements Shape {
        }

        /** The probe could not run the chunk to its end. */
        record Unknown() implements Shape {
        }
    }

    /** VM interrupts (about 10 000 steps each) before the probe gives up. */
    private static final int MAX_INTERRUPTS = 100;
    private static final int INTERRUPT_BUDGET = 10_000;

    private EntryPointProbe() {
    }

    /** {@return the shape of what {@code chunk} returns when run in a probe state} */
    public static Shape shapeOf(Prototype chunk) {
        LuaState state = new LuaState();
        LuaTable standIn = standIn();
        LuaTable globalsMeta = new LuaTable();
        globalsMeta.rawset(LuaStrings.fromJava("__index"), JavaFunction.of("probe_global", (L, a) -> new Object[] {standIn}));
        state.globals().setMetatable(globalsMeta);
        state.setModuleLoader((L, name) -> standIn);
        state.setOutput(OutputStream.nullOutputStream());
        int[] interrupts = {0};
        state.setInterruptHandler(L -> {
            if (++interrupts[0] > MAX_INTERRUPTS) {
                L.kill("entry point probe: top-level code runs too long");
            }
        }, INTERRUPT_BUDGET);
        Object[] r;
        try {
            r = state.call(state.load(chunk));
        } catch (RuntimeException | StackOverflowError e) { // a Lua error, or the kill of a too-long run (LuaKill)
            return new Shape.Unknown();
        }
        Object v = r.length > 0 ? r[0] : null;
        if (v == standIn) {
            return new Shape.Unknown(); // the chunk returned what a require gave it: only a spawn can tell
        }
        if (v instanceof LuaFunction) {
            return new Shape.Function();
        }
        if (v instanceof LuaTable t) {
            Set<String> functions = new TreeSet<>();
            Object[] kv = new Object[2];
            Object k = null;
            while (t.next(k, kv)) {
                k = kv[0];
                if (k instanceof String key && kv[1] instanceof LuaFunction) {
                    functions.add(LuaStrings.toJava(key));
                }
            }
            return new Shape.Table(functions);
        }
        return new Shape.Nothing(r.length == 0 ? "nothing" : v == null ? "nil" : "a " + LuaValues.typeName(v));
    }

    /**
     * {@return why an entry whose {@code method} is as given cannot start from this shape, if it cannot}
     */
    public static Optional<String> problem(Shape shape, String method) {
        return switch (shape) {
            case Shape.Function f -> Optional.empty();
            case Shape.Unknown u -> Optional.empty();
            case Shape.Table t -> t.functions().contains(method) ? Optional.empty()
                    : Optional.of("returns a table without a function '" + method + "'"
                            + (t.functions().isEmpty() ? " (the table has no functions)"
                                    : Spelling.didYouMean(method, t.functions())
                                            + " (its functions: " + String.join(", ", t.functions()) + ")"));
            case Shape.Nothing n -> Optional.of("returns " + n.got() + ": it must end with 'return { " + method + " = function(...) ... end }' or return a function");
        };
    }

    /** A table that answers every index and call with itself: the probe's stand-in for what only a process has. */
    private static LuaTable standIn() {
        LuaTable standIn = new LuaTable();
        LuaTable meta = new LuaTable();
        JavaFunction self = JavaFunction.of("probe_stand_in", (L, a) -> new Object[] {standIn});
        meta.rawset(LuaStrings.fromJava("__index"), self);
        meta.rawset(LuaStrings.fromJava("__call"), self);
        standIn.setMetatable(meta);
        return standIn;
    }
}
