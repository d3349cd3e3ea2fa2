package dev.trellis.runtime.entry;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code lifecycle.restart}: how a failed service is restarted.
 *
 * <pre>{@code
 * restart:
 *   initial_delay: 1s      # default 1s
 *   max_delay: 90s         # default 90s
 *   backoff_factor: 2.0    # default 2.0
 *   jitter: 0.1            # default 0.1 (fraction of the delay, ±)
 *   max_attempts: 0        # default 0 = unlimited; N allows N failures in a row, then the service stays failed
 * }</pre>
 */
public record RestartPolicy(Duration initialDelay, Duration maxDelay, double backoffFactor, double jitter,
                            int maxAttempts) {

    /** Wippy's defaults: 1s, 90s, ×2.0, ±10 %, unlimited attempts. */
    public static final RestartPolicy DEFAULT = new RestartPolicy(
            Duration.ofSeconds(1), Duration.ofSeconds(90), 2.0, 0.1, 0);

    public RestartPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("initial_delay must not be negative, got " + GoDuration.format(initialDelay));
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("max_delay (" + GoDuration.format(maxDelay)
                    + ") must not be less than initial_delay (" + GoDuration.format(initialDelay) + ")");
        }
        if (!(backoffFactor >= 1.0) || Double.isInfinite(backoffFactor)) {
            throw new IllegalArgumentException("backoff_factor must be a number >= 1.0, got " + backoffFactor);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0.0 and 1.0, got " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("max_attempts must be >= 0 (0 = unlimited), got " + maxAttempts);
        }
    }

    /** True when {@code max_attempts} is 0. */
    public boolean unlimited() {
        return maxAttempts == 0;
    }
}
