package dev.trellis.bench.macro;

/**
 * Which way a workload's figure improves, and so how the Trellis / Erlang ratio is formed.
 *
 * <pre>{@code
 * Direction.HIGHER_IS_BETTER.ratio(1.2e6, 0.78e6);  // 1.54: Trellis spawns 1.54x faster
 * Direction.LOWER_IS_BETTER.ratio(400, 556);        // 1.39: Trellis round trips take 1/1.39 the time
 * }</pre>
 *
 * <p>Either way the ratio is greater than 1 when Trellis is better.
 */
public enum Direction {
    /** Throughputs: processes/s, messages/s, events/s. Ratio = Trellis / Erlang. */
    HIGHER_IS_BETTER,
    /** Latencies and sizes: ns per round trip, bytes per process. Ratio = Erlang / Trellis. */
    LOWER_IS_BETTER;

    /**
     * The speed-up of Trellis over Erlang for this direction: greater than 1 when Trellis is better.
     *
     * @throws IllegalArgumentException if either figure is not a positive finite number
     */
    public double ratio(double trellis, double erlang) {
        requirePositive(trellis, "trellis");
        requirePositive(erlang, "erlang");
        return this == HIGHER_IS_BETTER ? trellis / erlang : erlang / trellis;
    }

    /** Whether {@code value} meets {@code target}: at least it when higher is better, at most it otherwise. */
    public boolean meets(double value, double target) {
        return this == HIGHER_IS_BETTER ? value >= target : value <= target;
    }

    /** The comparison {@link #meets} makes, for people: {@code ≥} or {@code ≤}. */
    public String targetSign() {
        return this == HIGHER_IS_BETTER ? "≥" : "≤";
    }

    private static void requirePositive(double value, String argument) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(argument + " must be a positive finite number, got " + value);
        }
    }
}
