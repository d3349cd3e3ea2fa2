package dev.trellis.bench.macro;

import dev.trellis.core.Event;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import java.util.OptionalDouble;

/**
 * Monitor DOWN: N processes spawned monitored (untimed) park in receive; the driver tells each to
 * stop and is timed until it has received all N EXIT events. Events per second.
 *
 * <pre>{@code
 * double perSecond = new MonitorDown().run(100_000);
 * }</pre>
 */
public final class MonitorDown extends NodeWorkload {

    private static final ProcessBody PARKED = proc -> {
        proc.inbox().receive();
        return null;
    };

    public MonitorDown() {
        super("monitor_down", "down/s", Direction.HIGHER_IS_BETTER, 100_000,
                "N monitored processes told to stop; EXIT events received per second");
    }

    @Override
    public OptionalDouble designAnchor() {
        return OptionalDouble.of(660_000);
    }

    @Override
    protected double drive(Node node, Proc driver, int size) {
        Pid[] pids = new Pid[size];
        for (int i = 0; i < size; i++) {
            pids[i] = driver.spawnMonitored(PARKED);
        }
        var events = driver.events();
        long start = System.nanoTime();
        for (Pid pid : pids) {
            driver.send(pid, "stop");
        }
        for (int i = 0; i < size; i++) {
            Event e = events.receive();
            if (e.kind() != Event.Kind.EXIT || e.isError()) {
                throw new IllegalStateException("monitor_down: expected a normal EXIT, got " + e);
            }
        }
        double rate = size / seconds(start);
        awaitProcessCount(node, driver, 1);
        return rate;
    }
}
