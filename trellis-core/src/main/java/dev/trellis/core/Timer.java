package dev.trellis.core;

import dev.trellis.core.channel.Channel;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-shot timer (Wippy's {@code time.timer}): its channel receives one {@link Instant} when it
 * fires; it can be stopped or re-armed.
 *
 * <pre>{@code
 * Timer t = proc.timer(Duration.ofMillis(50));
 * Selected s = proc.select(inbox.receiveCase(), t.channel().receiveCase());
 * if (s.channel() != t.channel()) t.stop();
 * }</pre>
 *
 * <p><b>Thread-safety:</b> process-local, like channels: owner thread only.
 */
public final class Timer {
    private final Router router;
    private final Channel<Instant> channel;
    /** The pending fire, or null once fired or stopped. */
    TimerFire armed;

    Timer(Router router, Channel<Instant> channel) {
        this.router = router;
        this.channel = channel;
    }

    /** {@return the channel receiving the fire time (buffer 1; the same object every call)} */
    public Channel<Instant> channel() {
        return channel;
    }

    /**
     * Stops the timer and closes its channel.
     *
     * @return true if it was stopped before firing, false if it had already fired or was stopped
     */
    public boolean stop() {
        router.checkpoint();
        boolean active = armed != null && router.cancel(armed);
        armed = null;
        channel.close();
        return active;
    }

    /**
     * Re-arms the timer to fire after {@code d}, cancelling a pending fire.
     *
     * @param d the delay, > 0
     * @return true if a pending fire was cancelled
     * @throws IllegalArgumentException if {@code d} is null or not positive
     * @throws IllegalStateException if the timer was stopped (its channel is closed)
     */
    public boolean reset(Duration d) {
        router.checkpoint();
        long nanos = Router.nanos(d, "duration", false);
        if (channel.isClosed()) {
            throw new IllegalStateException("timer stopped");
        }
        boolean active = armed != null && router.cancel(armed);
        armed = new TimerFire(TimerFire.TIMER, channel, this);
        router.schedule(armed, nanos);
        return active;
    }
}
