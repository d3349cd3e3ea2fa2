package dev.trellis.bench.macro;

import java.util.OptionalDouble;

/**
 * One row of the macro benchmark suite: a workload written against Trellis whose twin lives in
 * {@code trellis-bench/erlang/trellis_bench.erl} under the same {@link #name()}.
 *
 * <pre>{@code
 * Workload w = Workloads.find("ping_pong");
 * double nsPerRoundTrip = w.run(w.fullSize());   // 1 000 000 round trips
 * System.out.println(w.name() + " " + nsPerRoundTrip + " " + w.unit());
 * }</pre>
 *
 * <p>To add a row: write one class implementing this interface, list it in {@link Workloads}, and
 * add the Erlang function of the same name (exported and listed in {@code workloads/0}). The runner
 * ({@code trellis-bench/run-macro}) picks both up; a workload without an Erlang twin shows "—" in
 * the Erlang column.
 *
 * <p>Contract for implementations: {@link #run(int)} builds what it needs (its own node), times
 * only the part the description names, checks its result (every message counted, every process
 * gone) and throws {@link IllegalStateException} when the check fails, and leaves nothing running.
 * Implementations are not required to be thread-safe: one run at a time.
 */
public interface Workload {

    /** The row name shared with the Erlang function, lower snake case, e.g. {@code ping_pong}. */
    String name();

    /** The unit of {@link #run(int)}'s figure, e.g. {@code ns/rt}, {@code proc/s}, {@code B/proc}. */
    String unit();

    /** Whether a higher or a lower figure is better. */
    Direction direction();

    /** The size of a full run (the figure, e.g. 1 000 000 processes). {@code --quick} is a tenth. */
    int fullSize();

    /** One sentence: what is timed, per what. */
    String description();

    /**
     * The Erlang/OTP 25 reference figure for this machine at full size, if any (docs/benchmarks.md,
     * Reference figures).
     */
    default OptionalDouble designAnchor() {
        return OptionalDouble.empty();
    }

    /**
     * The figure DESIGN.md sets Trellis itself as a target for this row, if any: at least this much
     * for a {@link Direction#HIGHER_IS_BETTER} row, at most this much otherwise (e.g. at most 3 KB per
     * idle Lua process). The table says under it whether the Trellis median meets it.
     */
    default OptionalDouble target() {
        return OptionalDouble.empty();
    }

    /**
     * Runs the workload once at {@code size} and returns its figure in {@link #unit()}.
     *
     * @throws IllegalArgumentException if {@code size} is below {@link #minimumSize()}
     * @throws IllegalStateException if the run's own sanity check fails (a message or an exit missing)
     */
    double run(int size) throws Exception;

    /**
     * The size of each untimed warm-up run before measured runs of {@code size}: {@code size} by
     * default. A row whose full size is too short for the JIT to compile its paths (a thousand
     * supervisor restarts) warms up at a larger size, so that its measured runs show steady-state
     * code, as the Erlang side's (compiled when loaded) do.
     */
    default int warmupSize(int size) {
        return size;
    }

    /** The smallest size {@link #run(int)} accepts. */
    default int minimumSize() {
        return 1;
    }
}
