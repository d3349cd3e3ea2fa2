package dev.trellis.core.supervision;

import dev.trellis.core.Pid;
import java.util.Objects;

/**
 * What starting a child gave: OTP's {@code {ok, Pid}}, {@code {ok, Pid, Info}}, {@code ignore} or
 * {@code {error, Reason}}. Returned by a {@link ChildStart} and by the start calls of every
 * supervisor ({@code startChild}, {@code restartChild}).
 *
 * <pre>{@code
 * switch (Supervisor.startChild(sup, spec)) {
 *     case StartResult.Started s -> System.out.println("started " + s.pid() + " " + s.info());
 *     case StartResult.Ignored i -> System.out.println("ignored");
 *     case StartResult.Failed f  -> System.out.println(f.error() + ": " + f.reason());
 * }
 * }</pre>
 */
public sealed interface StartResult permits StartResult.Started, StartResult.Ignored, StartResult.Failed {

    /** The child runs as {@code pid}; {@code info} (may be null) is passed back unchanged. */
    record Started(Pid pid, Object info) implements StartResult {
        public Started {
            Objects.requireNonNull(pid, "pid");
        }
    }

    /** The start function declined to start a child (OTP's {@code ignore}). */
    record Ignored() implements StartResult {
    }

    /**
     * Not started. {@code error} is the kind; {@code pid} is set for {@link SupervisorError#ALREADY_STARTED};
     * {@code reason} is the start function's reason for {@link SupervisorError#START_FAILED}.
     */
    record Failed(SupervisorError error, Pid pid, Object reason) implements StartResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String toString() {
            return "{error, " + (error == SupervisorError.START_FAILED ? reason
                    : error == SupervisorError.ALREADY_STARTED ? "{already_started, " + pid + "}"
                    : error.erlangName()) + "}";
        }
    }

    static StartResult ok(Pid pid) {
        return new Started(pid, null);
    }

    static StartResult ok(Pid pid, Object info) {
        return new Started(pid, info);
    }

    static StartResult ignore() {
        return new Ignored();
    }

    /** A start function's failure with {@code reason} (OTP's {@code {error, Reason}}). */
    static StartResult error(Object reason) {
        return new Failed(SupervisorError.START_FAILED, null, reason);
    }

    /** A start function found its registered name taken by {@code pid}. */
    static StartResult alreadyStarted(Pid pid) {
        return new Failed(SupervisorError.ALREADY_STARTED, pid, null);
    }

    static StartResult failed(SupervisorError error) {
        return new Failed(error, null, null);
    }

    /** The pid of a started child, or null. */
    default Pid pidOrNull() {
        return this instanceof Started s ? s.pid() : null;
    }
}
