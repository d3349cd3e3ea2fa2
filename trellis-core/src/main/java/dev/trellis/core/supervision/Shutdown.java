package dev.trellis.core.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * How a supervisor stops a child: OTP's {@code shutdown} field of a child spec.
 *
 * <pre>{@code
 * ChildSpec.worker("db", Db::startLink).shutdown(Shutdown.timeout(Duration.ofSeconds(10)));
 * ChildSpec.worker("cache", Cache::startLink).shutdown(Shutdown.brutalKill());
 * }</pre>
 *
 * <ul>
 *   <li>{@link BrutalKill}: the child is terminated at once (the core's {@code terminate}); its exit
 *       reason is {@code killed}.</li>
 *   <li>{@link Timeout}: the child gets a CANCEL event (reason {@code "shutdown"}) and is
 *       terminated if it is still alive when the timeout elapses (the core's
 *       {@code cancel(pid, timeout, reason)}). A timeout of 0 is legal and kills at once after the
 *       CANCEL is queued.</li>
 *   <li>{@link Infinity}: the child gets a CANCEL event and the supervisor waits for it as long as
 *       it takes.</li>
 * </ul>
 *
 * <p>Defaults: 5 s for a worker, infinity for a supervisor (see {@link ChildType#defaultShutdown()}).
 */
public sealed interface Shutdown permits Shutdown.BrutalKill, Shutdown.Timeout, Shutdown.Infinity {

    /** A worker's default: 5 seconds. */
    Shutdown DEFAULT_WORKER = new Timeout(Duration.ofSeconds(5));

    /** Terminate the child at once. */
    record BrutalKill() implements Shutdown {
        @Override
        public String toString() {
            return "brutal_kill";
        }
    }

    /** CANCEL, then terminate after {@code timeout} if the child is still alive. */
    record Timeout(Duration timeout) implements Shutdown {
        public Timeout {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("shutdown timeout must be >= 0, got " + timeout);
            }
        }

        @Override
        public String toString() {
            return timeout.toMillis() + " ms";
        }
    }

    /** CANCEL, then wait for the child without a limit. */
    record Infinity() implements Shutdown {
        @Override
        public String toString() {
            return "infinity";
        }
    }

    static Shutdown brutalKill() {
        return new BrutalKill();
    }

    static Shutdown infinity() {
        return new Infinity();
    }

    /** CANCEL then terminate after {@code timeout} (≥ 0). */
    static Shutdown timeout(Duration timeout) {
        return new Timeout(timeout);
    }

    /** CANCEL then terminate after {@code millis} milliseconds (≥ 0). */
    static Shutdown millis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("shutdown timeout must be >= 0 ms, got " + millis);
        }
        return new Timeout(Duration.ofMillis(millis));
    }

    /**
     * Parses the Elixir/Erlang spellings: {@code brutal_kill}, {@code infinity}, a non-negative
     * integer of milliseconds, a {@link Duration} or a {@link Shutdown}. Returns null when the value
     * is none of these (the caller reports {@code invalid_shutdown}).
     */
    static Shutdown parse(Object value) {
        return switch (value) {
            case Shutdown s -> s;
            case Duration d when !d.isNegative() -> new Timeout(d);
            case Integer i when i >= 0 -> new Timeout(Duration.ofMillis(i));
            case Long l when l >= 0 -> new Timeout(Duration.ofMillis(l));
            case String s -> switch (s.startsWith(":") ? s.substring(1) : s) {
                case "brutal_kill" -> brutalKill();
                case "infinity" -> infinity();
                default -> null;
            };
            case null, default -> null;
        };
    }
}
