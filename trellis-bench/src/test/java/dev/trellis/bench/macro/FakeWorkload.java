package dev.trellis.bench.macro;

import java.util.OptionalDouble;

/** A workload that returns a fixed figure, for testing the table and the command line. */
record FakeWorkload(String name, String unit, Direction direction, double figure, OptionalDouble designAnchor)
        implements Workload {

    @Override
    public int fullSize() {
        return 1_000_000;
    }

    @Override
    public String description() {
        return "returns " + figure;
    }

    @Override
    public double run(int size) {
        return figure;
    }
}
