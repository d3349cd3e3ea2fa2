package dev.trellis.bench.macro;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import java.util.OptionalDouble;

/**
 * Fan-in: 4 senders each send N messages (topic {@code msg}, payload the boxed sequence number,
 * as Erlang's {@code {msg, I}}) to the driver, which counts all 4 N; timed from the first spawn to
 * the last message. Messages per second.
 *
 * <pre>{@code
 * double perSecond = new FanIn().run(1_000_000);
 * }</pre>
 */
public final class FanIn extends NodeWorkload {

    static final int SENDERS = 4;

    private static final ProcessBody SENDER = proc -> {
        Pid to = proc.arg(0);
        int count = proc.arg(1);
        for (int i = count; i > 0; i--) {
            proc.send(to, "msg", i);
        }
        return null;
    };

    public FanIn() {
        super("fan_in", "msg/s", Direction.HIGHER_IS_BETTER, 1_000_000,
                "4 senders x N messages into one receiver");
    }

    @Override
    public OptionalDouble designAnchor() {
        return OptionalDouble.of(3_200_000);
    }

    @Override
    protected double drive(Node node, Proc driver, int size) {
        long start = System.nanoTime();
        for (int i = 0; i < SENDERS; i++) {
            driver.spawn(SENDER, driver.pid(), size);
        }
        receive(driver, "msg", SENDERS * size);
        double rate = (double) SENDERS * size / seconds(start);
        awaitProcessCount(node, driver, 1);
        if (driver.inbox().tryReceive() != null) {
            throw new IllegalStateException("fan_in: more than " + SENDERS * size + " messages arrived");
        }
        return rate;
    }
}
