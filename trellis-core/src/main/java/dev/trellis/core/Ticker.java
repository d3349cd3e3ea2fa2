package dev.trellis.core;

import dev.trellis.core.channel.Channel;
import java.time.Instant;

/**
 * A periodic ticker (Wippy's {@code time.ticker}): its channel (buffer 16) receives the tick time
 * every period; ticks are dropped while the buffer is full.
 *
 * <pre>{@code
 * Ticker t = proc.ticker(Duration.ofMillis(10));
 * for (int i = 0; i < 3; i++) t.channel().receive();
 * t.stop();
 * }</pre>
 *
 * <p><b>Thread-safety:</b> process-local: owner thread only.
 */
public final class Ticker {
    static final int BUFFER = 16;

    private final Router router;
    private final Channel<Instant> channel;
    TimerFire fire;
    boolean stopped;

    Ticker(Router router, Channel<Instant> channel) {
        this.router = router;
        this.channel = channel;
    }

    /** {@return the tick channel (buffer 16; the same object every call)} */
    public Channel<Instant> channel() {
        return channel;
    }

    /** Stops the ticker and closes its channel; stopping twice does nothing. */
    public void stop() {
        router.checkpoint();
        if (stopped) {
            return;
        }
        stopped = true;
        router.cancel(fire);
        channel.close();
    }
}
