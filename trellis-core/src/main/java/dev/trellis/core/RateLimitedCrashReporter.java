package dev.trellis.core;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A {@link CrashReporter} that lets a bounded number of reports through per one-second window, so
 * that a crash storm (a thousand workers failing on the same bad input) prints a screenful and a
 * count, not a million lines.
 *
 * <p>Thread-safe: the window and the counts are guarded by {@code this}; the target is called
 * outside the lock, so a slow target delays only the crashing process that calls it. The
 * suppressed count is handed on exactly once: before the next report let through, or by
 * {@link #flush()}.
 */
final class RateLimitedCrashReporter implements CrashReporter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final CrashReporter target;
    private final int perWindow;
    private final Consumer<String> suppressedLine;
    private final LongSupplier clock;

    private long windowStart;
    private int inWindow;
    private long suppressed;

    /**
     * @param target where reports go
     * @param perWindow reports let through per second, >= 1
     * @param suppressedLine where the "n more suppressed" line goes
     * @param clock nanosecond time source
     */
    RateLimitedCrashReporter(CrashReporter target, int perWindow, Consumer<String> suppressedLine, LongSupplier clock) {
        this.target = Objects.requireNonNull(target, "target");
        if (perWindow < 1) {
            throw new IllegalArgumentException("perSecond must be >= 1, got " + perWindow);
        }
        this.perWindow = perWindow;
        this.suppressedLine = Objects.requireNonNull(suppressedLine, "suppressedLine");
        this.clock = clock;
        this.windowStart = clock.getAsLong();
    }

    @Override
    public void report(CrashReport report) {
        long dropped;
        synchronized (this) {
            long now = clock.getAsLong();
            if (now - windowStart >= WINDOW_NANOS) {
                windowStart = now;
                inWindow = 0;
            }
            if (inWindow >= perWindow) {
                suppressed++;
                return;
            }
            inWindow++;
            dropped = suppressed;
            suppressed = 0;
        }
        announce(dropped);
        target.report(report);
    }

    @Override
    public void flush() {
        long dropped;
        synchronized (this) {
            dropped = suppressed;
            suppressed = 0;
        }
        announce(dropped);
        target.flush();
    }

    private void announce(long dropped) {
        if (dropped > 0) {
            suppressedLine.accept("crash: " + dropped + " more crash report" + (dropped == 1 ? "" : "s")
                    + " suppressed (at most " + perWindow + " a second are shown)");
        }
    }
}
