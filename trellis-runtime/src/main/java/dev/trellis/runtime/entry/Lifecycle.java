package dev.trellis.runtime.entry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An entry's {@code lifecycle:} block: whether it starts at boot, what it needs first, and how it
 * is supervised.
 *
 * <pre>{@code
 * lifecycle:
 *   auto_start: true          # default false
 *   start_timeout: 10s        # default 10s
 *   stop_timeout: 10s         # default 10s
 *   stable_threshold: 5s      # default 5s: a run this long resets the failure count
 *   startup: required         # default required; optional lets boot go on if it fails
 *   requires: [app:db]        # default []; alias depends_on (both are merged)
 *   restart: {...}            # see RestartPolicy
 *   security: {...}           # see EntrySecurity (default: none, nothing is checked)
 * }</pre>
 *
 * <p>{@code requires} holds resolved ids: a bare name in YAML means the entry's own namespace.
 */
public record Lifecycle(boolean autoStart, Duration startTimeout, Duration stopTimeout, Duration stableThreshold,
                        Startup startup, List<EntryId> requires, RestartPolicy restart,
                        java.util.Optional<EntrySecurity> security) {

    /** Whether a failing auto-started entry fails the boot. */
    public enum Startup {
        /** The boot fails when this entry cannot start (the default). */
        REQUIRED,
        /** The boot goes on without it. */
        OPTIONAL;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** All defaults: not auto-started, 10s/10s/5s, required, no requirements, default restart policy. */
    public static final Lifecycle DEFAULT = new Lifecycle(false, Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(5), Startup.REQUIRED, List.of(), RestartPolicy.DEFAULT);

    /** A lifecycle with no security block. */
    public Lifecycle(boolean autoStart, Duration startTimeout, Duration stopTimeout, Duration stableThreshold,
                     Startup startup, List<EntryId> requires, RestartPolicy restart) {
        this(autoStart, startTimeout, stopTimeout, stableThreshold, startup, requires, restart, java.util.Optional.empty());
    }

    public Lifecycle {
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(stableThreshold, "stableThreshold");
        Objects.requireNonNull(startup, "startup");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(security, "security");
        requires = List.copyOf(requires);
        requirePositive(startTimeout, "start_timeout");
        requirePositive(stopTimeout, "stop_timeout");
        if (stableThreshold.isNegative()) {
            throw new IllegalArgumentException("stable_threshold must not be negative, got " + GoDuration.format(stableThreshold));
        }
    }

    private static void requirePositive(Duration d, String field) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be greater than 0, got " + GoDuration.format(d));
        }
    }
}
