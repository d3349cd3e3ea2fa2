package dev.trellis.core.supervision;

import dev.trellis.core.supervision.InvalidSupervisorFlagsException.Problem;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The flags of a {@link Supervisor}: strategy, restart intensity, auto-shutdown, and a name.
 * Immutable; each {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * SupervisorOptions opts = SupervisorOptions.oneForOne()
 *         .maxRestarts(10).maxSeconds(60)
 *         .name("MyApp.Supervisor");
 * }</pre>
 *
 * <ul>
 *   <li>{@code strategy}: required (no default, as in Elixir).</li>
 *   <li>{@code maxRestarts}: default 3 (Elixir's, not Erlang's 1). ≥ 0.</li>
 *   <li>{@code maxSeconds} / {@code period}: default 5 s. &gt; 0.</li>
 *   <li>{@code autoShutdown}: default {@link AutoShutdown#NEVER}.</li>
 *   <li>{@code name}: default none; registered with the core's name registry.</li>
 *   <li>{@code host}: the id of the host the supervisor runs on; default none (the starting
 *       process's host, or the node's default host when started from outside a process). Its
 *       children run there too unless their start function picks another.</li>
 * </ul>
 */
public record SupervisorOptions(Strategy strategy, int maxRestarts, Duration period,
                                AutoShutdown autoShutdown, String name, String host) {

    public static final int DEFAULT_MAX_RESTARTS = 3;
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

    public SupervisorOptions {
        if (strategy == null) {
            throw new InvalidSupervisorFlagsException(Problem.MISSING_STRATEGY,
                    "supervisor flags: strategy is required (one_for_one, one_for_all or rest_for_one)");
        }
        if (maxRestarts < 0) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_INTENSITY,
                    "supervisor flags: max_restarts must be an integer >= 0, got " + maxRestarts);
        }
        if (period == null || period.isZero() || period.isNegative()) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_PERIOD,
                    "supervisor flags: max_seconds must be > 0, got " + period);
        }
        Objects.requireNonNull(autoShutdown, "autoShutdown");
        if (name != null && name.isBlank()) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_NAME,
                    "supervisor flags: name must not be blank");
        }
        if (host != null && host.isBlank()) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_HOST,
                    "supervisor flags: host must not be blank");
        }
    }

    /** Flags without a host choice. */
    public SupervisorOptions(Strategy strategy, int maxRestarts, Duration period, AutoShutdown autoShutdown,
                             String name) {
        this(strategy, maxRestarts, period, autoShutdown, name, null);
    }

    public static SupervisorOptions of(Strategy strategy) {
        return new SupervisorOptions(strategy, DEFAULT_MAX_RESTARTS, DEFAULT_PERIOD, AutoShutdown.NEVER, null, null);
    }

    public static SupervisorOptions oneForOne() {
        return of(Strategy.ONE_FOR_ONE);
    }

    public static SupervisorOptions oneForAll() {
        return of(Strategy.ONE_FOR_ALL);
    }

    public static SupervisorOptions restForOne() {
        return of(Strategy.REST_FOR_ONE);
    }

    public SupervisorOptions maxRestarts(int maxRestarts) {
        return new SupervisorOptions(strategy, maxRestarts, period, autoShutdown, name, host);
    }

    public SupervisorOptions maxSeconds(long seconds) {
        if (seconds <= 0) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_PERIOD,
                    "supervisor flags: max_seconds must be > 0, got " + seconds);
        }
        return period(Duration.ofSeconds(seconds));
    }

    public SupervisorOptions period(Duration period) {
        return new SupervisorOptions(strategy, maxRestarts, period, autoShutdown, name, host);
    }

    public SupervisorOptions autoShutdown(AutoShutdown autoShutdown) {
        return new SupervisorOptions(strategy, maxRestarts, period, autoShutdown, name, host);
    }

    public SupervisorOptions name(String name) {
        return new SupervisorOptions(strategy, maxRestarts, period, autoShutdown, name, host);
    }

    /** {@return these flags with the supervisor running on the host named {@code host}} */
    public SupervisorOptions host(String host) {
        return new SupervisorOptions(strategy, maxRestarts, period, autoShutdown, name, host);
    }

    /**
     * Reads Elixir-style flags: {@code strategy}, {@code max_restarts} (or {@code intensity}),
     * {@code max_seconds} (or {@code period}), {@code auto_shutdown}, {@code name}, {@code host}. Unknown keys are
     * ignored (OTP does the same). Errors name the flag and the value.
     */
    public static SupervisorOptions fromMap(Map<String, ?> flags) {
        if (flags == null) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_TYPE, "supervisor flags must be a map, got null");
        }
        Object rawStrategy = flags.get("strategy");
        if (rawStrategy == null) {
            throw new InvalidSupervisorFlagsException(Problem.MISSING_STRATEGY,
                    "supervisor flags: strategy is required (one_for_one, one_for_all or rest_for_one)");
        }
        Strategy strategy = Strategy.parse(rawStrategy);
        if (strategy == null) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_STRATEGY,
                    "supervisor flags: invalid strategy " + rawStrategy);
        }
        SupervisorOptions opts = of(strategy);
        Object intensity = first(flags, "max_restarts", "intensity");
        if (intensity != null) {
            if (!(intensity instanceof Integer i) || i < 0) {
                throw new InvalidSupervisorFlagsException(Problem.INVALID_INTENSITY,
                        "supervisor flags: max_restarts must be an integer >= 0, got " + intensity);
            }
            opts = opts.maxRestarts(i);
        }
        Object period = first(flags, "max_seconds", "period");
        if (period != null) {
            Duration d = switch (period) {
                case Integer i when i > 0 -> Duration.ofSeconds(i);
                case Long l when l > 0 -> Duration.ofSeconds(l);
                case Duration dd when !dd.isZero() && !dd.isNegative() -> dd;
                default -> throw new InvalidSupervisorFlagsException(Problem.INVALID_PERIOD,
                        "supervisor flags: max_seconds must be an integer > 0, got " + period);
            };
            opts = opts.period(d);
        }
        Object auto = flags.get("auto_shutdown");
        if (auto != null) {
            AutoShutdown a = AutoShutdown.parse(auto);
            if (a == null) {
                throw new InvalidSupervisorFlagsException(Problem.INVALID_AUTO_SHUTDOWN,
                        "supervisor flags: invalid auto_shutdown " + auto
                                + " (expected never, any_significant or all_significant)");
            }
            opts = opts.autoShutdown(a);
        }
        Object name = flags.get("name");
        if (name != null) {
            if (!(name instanceof String s) || s.isBlank()) {
                throw new InvalidSupervisorFlagsException(Problem.INVALID_NAME,
                        "supervisor flags: name must be a non-blank string, got " + name);
            }
            opts = opts.name(s);
        }
        Object host = flags.get("host");
        if (host != null) {
            if (!(host instanceof String s) || s.isBlank()) {
                throw new InvalidSupervisorFlagsException(Problem.INVALID_HOST,
                        "supervisor flags: host must be a non-blank host id, got " + host);
            }
            opts = opts.host(s);
        }
        return opts;
    }

    private static Object first(Map<String, ?> flags, String a, String b) {
        Object v = flags.get(a);
        return v != null ? v : flags.get(b);
    }
}
