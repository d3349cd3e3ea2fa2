package dev.trellis.core.supervision;

/**
 * Why a supervised process ended, in OTP's classes: {@code normal}, {@code shutdown} /
 * {@code {shutdown, X}}, {@code killed}, or an error.
 *
 * <pre>{@code
 * switch (reason) {
 *     case ExitReason.Normal n   -> log("returned " + n.value());
 *     case ExitReason.Shutdown s -> log("asked to stop");
 *     case ExitReason.Killed k   -> log("killed");
 *     case ExitReason.Failed f   -> log("crashed: " + f.error());
 * }
 * }</pre>
 *
 * <p>How a Java process exits with each class:
 * <ul>
 *   <li>{@link Normal}: its body returns (any value). Silent; links get no LINK_DOWN.</li>
 *   <li>{@link Shutdown}: its body throws {@link ShutdownException} (optionally with a detail,
 *       OTP's {@code {shutdown, X}}). Not abnormal: a transient child is not restarted.</li>
 *   <li>{@link Killed}: it was terminated ({@code process terminated}): brutal kill, or a shutdown
 *       timeout that elapsed. Abnormal.</li>
 *   <li>{@link Failed}: any other exception or error exit. Abnormal.</li>
 * </ul>
 */
public sealed interface ExitReason
        permits ExitReason.Normal, ExitReason.Shutdown, ExitReason.Killed, ExitReason.Failed {

    /** The process returned {@code value} (may be null). */
    record Normal(Object value) implements ExitReason {
        @Override
        public String toString() {
            return "normal";
        }
    }

    /** The process exited with {@code shutdown} ({@code detail} null) or {@code {shutdown, detail}}. */
    record Shutdown(Object detail) implements ExitReason {
        @Override
        public String toString() {
            return detail == null ? "shutdown" : "{shutdown, " + detail + "}";
        }
    }

    /** The process was terminated (OTP's {@code killed}). */
    record Killed() implements ExitReason {
        @Override
        public String toString() {
            return "killed";
        }
    }

    /** The process failed with {@code error}: a Throwable or the core's error value. */
    record Failed(Object error) implements ExitReason {
        @Override
        public String toString() {
            return String.valueOf(error);
        }
    }

    ExitReason NORMAL = new Normal(null);
    ExitReason SHUTDOWN = new Shutdown(null);
    ExitReason KILLED = new Killed();

    /** Abnormal = neither normal nor shutdown: what makes a transient child restart. */
    default boolean isAbnormal() {
        return this instanceof Killed || this instanceof Failed;
    }

    static ExitReason failed(Object error) {
        return new Failed(error);
    }

    static ExitReason shutdown(Object detail) {
        return new Shutdown(detail);
    }
}
