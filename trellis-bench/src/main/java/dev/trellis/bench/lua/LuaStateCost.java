package dev.trellis.bench.lua;

import dev.trellis.bench.macro.HeapMeter;
import dev.trellis.lua.Coroutine;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.Prototype;
import java.io.PrintStream;
import java.util.Locale;

/**
 * What a Lua state and a coroutine switch cost through the embedding API of {@code trellis-lua}:
 * heap bytes per idle state over the shared standard library, and nanoseconds per coroutine
 * switch. {@code trellis-bench/run-lua} runs it and puts the figures under its table.
 *
 * <pre>{@code
 * java -Xms2g -Xmx2g -XX:+UseParallelGC -cp ... dev.trellis.bench.lua.LuaStateCost [STATES] [SWITCHES] [ROUNDS]
 * }</pre>
 *
 * <p>Prints one line {@code name value unit} per figure (diagnostics start with {@code #}):
 * <ul>
 *   <li>{@code lua_state_bytes}: heap growth (after full collections, see {@link HeapMeter}) per
 *       {@code new LuaState()}, STATES of them kept alive (default 100 000);</li>
 *   <li>{@code lua_parked_state_bytes}: the same for a state that has also started a coroutine of a
 *       shared chunk which is now suspended in {@code coroutine.yield} — the shape of a parked Lua
 *       process, less its Trellis process;</li>
 *   <li>{@code coroutine_switch_java_ns}: Java resumes a Lua coroutine that yields straight back,
 *       SWITCHES round trips (default 1 000 000); a round trip is two switches (in, out);</li>
 *   <li>{@code coroutine_switch_lua_ns}: the same loop written in Lua ({@code coroutine.resume}).</li>
 * </ul>
 * Each switch figure is the best of ROUNDS rounds (default 5) in one JVM; the first round, with the
 * JIT still compiling, is printed as a diagnostic.
 *
 * <p>Thread-safety: a command-line entry; runs on the main thread only.
 */
public final class LuaStateCost {

    private static final Prototype PARKED = LuaState.compile(
            "return function(a) while true do a = coroutine.yield(a) end end", "=parked");

    private static final Prototype ECHO = LuaState.compile(
            "return function(a) while true do a = coroutine.yield(a + 1) end end", "=echo");

    private static final Prototype LUA_LOOP = LuaState.compile("""
            local n = ...
            local co = coroutine.create(function(a) while true do a = coroutine.yield(a + 1) end end)
            local s = 0
            for i = 1, n do
              local _, v = coroutine.resume(co, i)
              s = s + v
            end
            return s
            """, "=lua_loop");

    private LuaStateCost() {
    }

    public static void main(String[] args) {
        try {
            int states = args.length > 0 ? count(args[0], "STATES") : 100_000;
            int switches = args.length > 1 ? count(args[1], "SWITCHES") : 1_000_000;
            int rounds = args.length > 2 ? count(args[2], "ROUNDS") : 5;
            run(states, switches, rounds, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("LuaStateCost: " + e.getMessage());
            System.err.println("usage: LuaStateCost [STATES] [SWITCHES] [ROUNDS]   (all positive integers)");
            System.exit(64);
        }
    }

    /** Measures every figure and prints its line to {@code out}. */
    static void run(int states, int switches, int rounds, PrintStream out) {
        out.printf(Locale.ROOT, "# java %s, states %d, switches %d, rounds %d%n",
                System.getProperty("java.version"), states, switches, rounds);
        line(out, "lua_state_bytes", stateBytes(states, false), "B/state");
        line(out, "lua_parked_state_bytes", stateBytes(states, true), "B/state");
        line(out, "coroutine_switch_java_ns", best(out, "java", rounds, () -> javaRoundTrips(switches)) / 2 / switches,
                "ns/switch");
        line(out, "coroutine_switch_lua_ns", best(out, "lua", rounds, () -> luaRoundTrips(switches)) / 2 / switches,
                "ns/switch");
    }

    /** Heap bytes per state, {@code count} states alive; {@code parked}: each with a suspended coroutine. */
    static double stateBytes(int count, boolean parked) {
        Object[] keep = new Object[count];
        long before = HeapMeter.usedAfterGc();
        for (int i = 0; i < count; i++) {
            LuaState state = new LuaState();
            if (parked) {
                Coroutine co = state.newCoroutine(state.call(state.load(PARKED))[0]);
                co.resume(i);
                if (co.status() != Coroutine.Status.SUSPENDED) {
                    throw new IllegalStateException("the parked coroutine is " + co.status().luaName());
                }
                keep[i] = co;     // the coroutine holds its state
            } else {
                keep[i] = state;
            }
        }
        long after = HeapMeter.usedAfterGc();
        if (keep[count - 1] == null) {
            throw new IllegalStateException("states were not kept");
        }
        return (double) (after - before) / count;
    }

    /** Nanoseconds for {@code n} resume/yield round trips driven from Java. */
    static long javaRoundTrips(int n) {
        LuaState state = new LuaState();
        Coroutine co = state.newCoroutine(state.call(state.load(ECHO))[0]);
        long sum = 0;
        long start = System.nanoTime();
        for (long i = 0; i < n; i++) {
            sum += (Long) co.resume(i)[0];
        }
        long elapsed = System.nanoTime() - start;
        check(sum, n);
        return elapsed;
    }

    /** Nanoseconds for {@code n} resume/yield round trips driven from Lua. */
    static long luaRoundTrips(int n) {
        LuaState state = new LuaState();
        var chunk = state.load(LUA_LOOP);
        long start = System.nanoTime();
        Object[] result = state.call(chunk, (long) n);
        long elapsed = System.nanoTime() - start;
        check(((Number) result[0]).longValue() - n, n);   // the Lua loop counts from 1
        return elapsed;
    }

    /** The echo adds 1 to each of 0 … n-1: the sum must be n (n + 1) / 2. */
    private static void check(long sum, int n) {
        long expected = (long) n * (n + 1) / 2;
        if (sum != expected) {
            throw new IllegalStateException("coroutine echo sum " + sum + ", expected " + expected);
        }
    }

    private static double best(PrintStream out, String label, int rounds, java.util.function.LongSupplier round) {
        long best = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t = round.getAsLong();
            if (r == 0) {
                out.printf(Locale.ROOT, "# %s switch loop, first round: %.1f ms%n", label, t / 1e6);
            }
            best = Math.min(best, t);
        }
        return best;
    }

    private static void line(PrintStream out, String name, double value, String unit) {
        out.printf(Locale.ROOT, "%s %.1f %s%n", name, value, unit);
        out.flush();
    }

    private static int count(String text, String argument) {
        try {
            int v = Integer.parseInt(text.replace("_", ""));
            if (v < 1) {
                throw new IllegalArgumentException(argument + " must be at least 1, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(argument + " must be an integer, got '" + text + "'");
        }
    }
}
