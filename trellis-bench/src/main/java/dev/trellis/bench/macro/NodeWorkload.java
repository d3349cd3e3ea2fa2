package dev.trellis.bench.macro;

import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Proc;
import java.time.Duration;

/**
 * The common frame of the Trellis workloads: a fresh {@link Node} per run, a driver process that does
 * the timed work and returns the figure, and the final check that no process is left behind.
 *
 * <pre>{@code
 * final class Noop extends NodeWorkload {
 *     Noop() { super("noop", "ns/op", Direction.LOWER_IS_BETTER, 1_000, "does nothing"); }
 *     protected double drive(Node node, Proc driver, int size) { return 1.0; }
 * }
 * }</pre>
 *
 * <p>Thread-safety: one run at a time; each run has its own node.
 */
public abstract class NodeWorkload implements Workload {

    private static final Duration POLL = Duration.ofMillis(1);

    private final String name;
    private final String unit;
    private final Direction direction;
    private final int fullSize;
    private final String description;

    protected NodeWorkload(String name, String unit, Direction direction, int fullSize, String description) {
        this.name = name;
        this.unit = unit;
        this.direction = direction;
        this.fullSize = fullSize;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String unit() {
        return unit;
    }

    @Override
    public final Direction direction() {
        return direction;
    }

    @Override
    public final int fullSize() {
        return fullSize;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final double run(int size) {
        if (size < minimumSize()) {
            throw new IllegalArgumentException("size must be at least " + minimumSize() + " for " + name
                    + ", got " + size);
        }
        try (Node node = startNode()) {
            Object figure = node.exec(driver -> drive(node, driver, size));
            int left = node.processCount();
            if (left != 0) {
                throw new IllegalStateException(name + ": " + left + " process(es) still alive after the run");
            }
            return (Double) figure;
        }
    }

    /**
     * The fresh node of one run; the driver runs on its default (first) host. Default: {@link Node#start()},
     * one host with one worker per CPU.
     */
    protected Node startNode() {
        return Node.start();
    }

    /**
     * The run itself, on the driver process: set up, time, check, tear down; returns the figure in
     * {@link #unit()}.
     */
    protected abstract double drive(Node node, Proc driver, int size) throws Exception;

    // --- shared steps ----------------------------------------------------------------------------

    /** Parks the driver until the node has at most {@code count} live processes (polling each 1 ms). */
    protected static void awaitProcessCount(Node node, Proc driver, int count) {
        while (node.processCount() > count) {
            driver.sleep(POLL);
        }
    }

    /** Receives {@code count} inbox messages, each of which must have {@code topic}. */
    protected static void receive(Proc driver, String topic, int count) {
        var inbox = driver.inbox();
        for (int i = 0; i < count; i++) {
            Message m = inbox.receive();
            if (!m.topic().equals(topic)) {
                throw new IllegalStateException("expected a '" + topic + "' message, got " + m);
            }
        }
    }

    /** Nanoseconds since {@code start} as seconds, never zero. */
    protected static double seconds(long startNanos) {
        return Math.max(1, System.nanoTime() - startNanos) / 1e9;
    }
}
