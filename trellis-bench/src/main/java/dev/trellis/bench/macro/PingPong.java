package dev.trellis.bench.macro;

import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import java.util.OptionalDouble;

/**
 * Ping-pong: the driver sends {@code ping}, a second process answers {@code pong}; N round trips.
 * Nanoseconds per round trip.
 *
 * <pre>{@code
 * double nsPerRoundTrip = new PingPong().run(1_000_000);
 * }</pre>
 */
public final class PingPong extends NodeWorkload {

    private static final ProcessBody PONG = proc -> {
        var inbox = proc.inbox();
        for (;;) {
            Message m = inbox.receive();
            if (m.topic().equals("stop")) {
                return null;
            }
            proc.send(m.from(), "pong");
        }
    };

    public PingPong() {
        super("ping_pong", "ns/rt", Direction.LOWER_IS_BETTER, 1_000_000,
                "N ping/pong round trips between the driver and one process");
    }

    @Override
    public OptionalDouble designAnchor() {
        return OptionalDouble.of(556);
    }

    @Override
    protected double drive(Node node, Proc driver, int size) {
        Pid pong = driver.spawn(PONG);
        var inbox = driver.inbox();
        long start = System.nanoTime();
        for (int i = 0; i < size; i++) {
            driver.send(pong, "ping");
            Message m = inbox.receive();
            if (!pong.equals(m.from())) {
                throw new IllegalStateException("ping_pong: unexpected message " + m);
            }
        }
        long elapsed = System.nanoTime() - start;
        driver.send(pong, "stop");
        awaitProcessCount(node, driver, 1);
        return (double) elapsed / size;
    }
}
