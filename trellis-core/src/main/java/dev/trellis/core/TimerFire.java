package dev.trellis.core;

import dev.trellis.core.channel.Channel;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * A timer's wake-up, pushed into the owner's mailbox by the node's scheduler thread and handled on
 * the owner's thread, like every other wake-up. One per sleep / after / timer arming; a ticker pushes
 * a fresh {@link Tick} per period.
 */
class TimerFire extends Envelope {
    static final int SLEEP = 0;
    static final int AFTER = 1;
    static final int TIMER = 2;
    static final int TICKER = 3;

    final int kind;
    final Channel<Instant> channel;
    final Object owner;
    /** Written on the owner thread after scheduling. */
    ScheduledFuture<?> future;
    /** Owner thread only. */
    boolean fired;
    boolean cancelled;

    TimerFire(int kind, Channel<Instant> channel, Object owner) {
        this.kind = kind;
        this.channel = channel;
        this.owner = owner;
    }

    /** Runs on the owner thread when the envelope is routed. */
    void fire(Router router) {
        if (cancelled) {
            return;
        }
        fired = true;
        router.untrack(this);
        switch (kind) {
            case AFTER -> {
                channel.offer(Instant.now());
                channel.close();
            }
            case TIMER -> {
                Timer t = (Timer) owner;
                if (t.armed == this) {
                    t.armed = null;
                    channel.offer(Instant.now());
                }
            }
            default -> {
                // SLEEP: the sleeper polls `fired`.
            }
        }
    }

    /** One ticker period: delivered if the buffer has room, dropped otherwise. */
    static final class Tick extends TimerFire {
        Tick(Ticker ticker) {
            super(TICKER, ticker.channel(), ticker);
        }

        @Override
        void fire(Router router) {
            Ticker t = (Ticker) owner;
            if (!t.stopped) {
                channel.offer(Instant.now());
            }
        }
    }
}
