package dev.trellis.bench.macro;

import dev.trellis.core.Node;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import java.util.OptionalDouble;

/**
 * spawn+exit: the driver spawns N processes that return at once, and is timed until the node's
 * process count is back to just the driver. Processes per second.
 *
 * <pre>{@code
 * double perSecond = new SpawnExit().run(1_000_000);
 * }</pre>
 */
public final class SpawnExit extends NodeWorkload {

    private static final ProcessBody RETURN_AT_ONCE = proc -> null;

    public SpawnExit() {
        super("spawn_exit", "proc/s", Direction.HIGHER_IS_BETTER, 1_000_000,
                "spawn N processes that return at once; until the process count is back to the start");
    }

    @Override
    public OptionalDouble designAnchor() {
        return OptionalDouble.of(780_000);
    }

    @Override
    protected double drive(Node node, Proc driver, int size) {
        long start = System.nanoTime();
        for (int i = 0; i < size; i++) {
            driver.spawn(RETURN_AT_ONCE);
        }
        awaitProcessCount(node, driver, 1);
        return size / seconds(start);
    }
}
