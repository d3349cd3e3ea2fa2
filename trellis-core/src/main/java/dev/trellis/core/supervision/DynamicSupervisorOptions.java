package dev.trellis.core.supervision;

import dev.trellis.core.supervision.InvalidSupervisorFlagsException.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The flags of a {@link DynamicSupervisor} (and of a {@link TaskSupervisor}). Immutable.
 *
 * <pre>{@code
 * DynamicSupervisorOptions opts = DynamicSupervisorOptions.defaults()
 *         .maxChildren(100)
 *         .extraArguments(List.of(config))
 *         .name("MyApp.Sessions");
 * }</pre>
 *
 * <ul>
 *   <li>strategy: always one_for_one (the only one supported).</li>
 *   <li>{@code maxRestarts}: default 3; {@code period}: default 5 s.</li>
 *   <li>{@code maxChildren}: default {@link #INFINITY}; ≥ 0 (0 refuses every child).</li>
 *   <li>{@code extraArguments}: default empty; prepended to each child's own start arguments
 *       (see {@link StartContext#extraArguments()}).</li>
 *   <li>{@code name}: default none.</li>
 *   <li>{@code host}: the id of the host the supervisor and its children run on; default none
 *       (the starting process's host, or the node's default host).</li>
 * </ul>
 */
public record DynamicSupervisorOptions(int maxRestarts, Duration period, int maxChildren,
                                       List<Object> extraArguments, String name, String host) {

    /** No limit on the number of children. */
    public static final int INFINITY = Integer.MAX_VALUE;

    public DynamicSupervisorOptions {
        if (maxRestarts < 0) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_INTENSITY,
                    "dynamic supervisor flags: max_restarts must be >= 0, got " + maxRestarts);
        }
        if (period == null || period.isZero() || period.isNegative()) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_PERIOD,
                    "dynamic supervisor flags: max_seconds must be > 0, got " + period);
        }
        if (maxChildren < 0) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_MAX_CHILDREN,
                    "dynamic supervisor flags: max_children must be >= 0 or infinity, got " + maxChildren);
        }
        if (extraArguments == null) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_EXTRA_ARGUMENTS,
                    "dynamic supervisor flags: extra_arguments must be a list, got null");
        }
        extraArguments = List.copyOf(extraArguments);
        if (name != null && name.isBlank()) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_NAME,
                    "dynamic supervisor flags: name must not be blank");
        }
        if (host != null && host.isBlank()) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_HOST,
                    "dynamic supervisor flags: host must not be blank");
        }
    }

    /** Flags without a host choice. */
    public DynamicSupervisorOptions(int maxRestarts, Duration period, int maxChildren, List<Object> extraArguments,
                                    String name) {
        this(maxRestarts, period, maxChildren, extraArguments, name, null);
    }

    public static DynamicSupervisorOptions defaults() {
        return new DynamicSupervisorOptions(SupervisorOptions.DEFAULT_MAX_RESTARTS,
                SupervisorOptions.DEFAULT_PERIOD, INFINITY, List.of(), null, null);
    }

    public DynamicSupervisorOptions maxRestarts(int maxRestarts) {
        return new DynamicSupervisorOptions(maxRestarts, period, maxChildren, extraArguments, name, host);
    }

    public DynamicSupervisorOptions maxSeconds(long seconds) {
        if (seconds <= 0) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_PERIOD,
                    "dynamic supervisor flags: max_seconds must be > 0, got " + seconds);
        }
        return period(Duration.ofSeconds(seconds));
    }

    public DynamicSupervisorOptions period(Duration period) {
        return new DynamicSupervisorOptions(maxRestarts, period, maxChildren, extraArguments, name, host);
    }

    public DynamicSupervisorOptions maxChildren(int maxChildren) {
        return new DynamicSupervisorOptions(maxRestarts, period, maxChildren, extraArguments, name, host);
    }

    public DynamicSupervisorOptions extraArguments(List<?> extraArguments) {
        if (extraArguments == null) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_EXTRA_ARGUMENTS,
                    "dynamic supervisor flags: extra_arguments must be a list, got null");
        }
        return new DynamicSupervisorOptions(maxRestarts, period, maxChildren, List.copyOf(extraArguments), name, host);
    }

    public DynamicSupervisorOptions name(String name) {
        return new DynamicSupervisorOptions(maxRestarts, period, maxChildren, extraArguments, name, host);
    }

    /** {@return these flags with the supervisor running on the host named {@code host}} */
    public DynamicSupervisorOptions host(String host) {
        return new DynamicSupervisorOptions(maxRestarts, period, maxChildren, extraArguments, name, host);
    }

    /**
     * Reads Elixir-style flags: {@code strategy} (only one_for_one), {@code max_restarts},
     * {@code max_seconds}, {@code max_children} (integer or {@code infinity}),
     * {@code extra_arguments} (a list), {@code name}, {@code host}. auto_shutdown other than never is rejected.
     * Unknown keys are ignored.
     */
    public static DynamicSupervisorOptions fromMap(Map<String, ?> flags) {
        if (flags == null) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_TYPE, "dynamic supervisor flags must be a map");
        }
        DynamicSupervisorOptions o = defaults();
        Object strategy = flags.get("strategy");
        if (strategy != null && Strategy.parse(strategy) != Strategy.ONE_FOR_ONE) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_STRATEGY,
                    "dynamic supervisor flags: only one_for_one is supported, got " + strategy);
        }
        Object auto = flags.get("auto_shutdown");
        if (auto != null && AutoShutdown.parse(auto) != AutoShutdown.NEVER) {
            throw new InvalidSupervisorFlagsException(Problem.INVALID_AUTO_SHUTDOWN,
                    "dynamic supervisor flags: auto_shutdown is not supported, got " + auto);
        }
        Object intensity = flags.get("max_restarts");
        if (intensity != null) {
            if (!(intensity instanceof Integer i) || i < 0) {
                throw new InvalidSupervisorFlagsException(Problem.INVALID_INTENSITY,
                        "dynamic supervisor flags: max_restarts must be an integer >= 0, got " + intensity);
            }
            o = o.maxRestarts(i);
        }
        Object seconds = flags.get("max_seconds");
        if (seconds != null) {
            if (!(seconds instanceof Integer i) || i <= 0) {
                throw new InvalidSupervisorFlagsException(Problem.INVALID_PERIOD,
                        "dynamic supervisor flags: max_seconds must be an integer > 0, got " + seconds);
            }
            o = o.maxSeconds(i);
        }
        Object max = flags.get("max_children");
        if (max != null) {
            if ("infinity".equals(max) || ":infinity".equals(max)) {
                o = o.maxChildren(INFINITY);
            } else if (max instanceof Integer i && i >= 0) {
                o = o.maxChildren(i);
            } else {
                throw new InvalidSupervisorFlagsException(Problem.INVALID_MAX_CHILDREN,
                        "dynamic supervisor flags: max_children must be an integer >= 0 or infinity, got " + max);
            }
        }
        if (flags.containsKey("extra_arguments")) {
            if (!(flags.get("extra_arguments") instanceof List<?> list)) {
                throw new InvalidSupervisorFlagsException(Problem.INVALID_EXTRA_ARGUMENTS,
                        "dynamic supervisor flags: extra_arguments must be a list, got " + flags.get("extra_arguments"));
            }
            o = o.extraArguments(list);
        }
        Object name = flags.get("name");
        if (name != null) {
            if (!(name instanceof String s) || s.isBlank()) {
                throw new InvalidSupervisorFlagsException(Problem.INVALID_NAME,
                        "dynamic supervisor flags: name must be a non-blank string, got " + name);
            }
            o = o.name(s);
        }
        Object host = flags.get("host");
        if (host != null) {
            if (!(host instanceof String s) || s.isBlank()) {
                throw new InvalidSupervisorFlagsException(Problem.INVALID_HOST,
                        "dynamic supervisor flags: host must be a non-blank host id, got " + host);
            }
            o = o.host(s);
        }
        return o;
    }
}
