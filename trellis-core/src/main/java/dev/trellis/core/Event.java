package dev.trellis.core;

import java.time.Instant;

/**
 * A lifecycle event, as received from {@code proc.events()}: EXIT (a monitored process ended),
 * LINK_DOWN (a linked process failed; seen only with {@code trapLinks(true)}) or CANCEL (someone asked
 * this process to stop).
 *
 * <pre>{@code
 * Event e = proc.events().receive();
 * switch (e.kind()) {
 *     case EXIT -> log(e.from() + " exited: " + (e.isError() ? e.error() : e.value()));
 *     case LINK_DOWN -> restart(e.from());
 *     case CANCEL -> { cleanup(); return "cancelled: " + e.reason(); }
 * }
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Event extends Envelope {

    /** Event kinds, with Wippy's wire names. */
    public enum Kind {
        /** A monitored process ended (any exit). */
        EXIT("pid.exit"),
        /** A linked process ended with an error. */
        LINK_DOWN("pid.link.down"),
        /** A cancel request. */
        CANCEL("pid.cancel");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** {@return Wippy's name, e.g. {@code pid.exit}} */
        public String wireName() {
            return wireName;
        }
    }

    private final Kind kind;
    private final Pid from;
    private final Instant at;
    private final Result result;
    private final String reason;

    Event(Kind kind, Pid from, Instant at, Result result, String reason) {
        this.kind = kind;
        this.from = from;
        this.at = at;
        this.result = result;
        this.reason = reason;
    }

    static Event exit(Kind kind, Pid from, Instant at, Result result) {
        return new Event(kind, from, at, result, null);
    }

    static Event cancel(Pid from, String reason) {
        return new Event(Kind.CANCEL, from, Instant.now(), null, reason);
    }

    /** {@return the kind} */
    public Kind kind() {
        return kind;
    }

    /** {@return the exited/failed process (EXIT, LINK_DOWN) or the canceller (CANCEL; zero pid for shutdown)} */
    public Pid from() {
        return from;
    }

    /** {@return when the event was produced} */
    public Instant at() {
        return at;
    }

    /** {@return the exit result (EXIT, LINK_DOWN); null for CANCEL} */
    public Result result() {
        return result;
    }

    /** {@return the cancel reason, {@code ""} when none was given (CANCEL); null otherwise} */
    public String reason() {
        return reason;
    }

    /** {@return the returned value of a normal exit, else null} */
    public Object value() {
        return result == null ? null : result.value();
    }

    /** {@return the error message of an error exit, else null (Wippy's {@code event.error})} */
    public String error() {
        return result == null || result.error() == null ? null : result.error().message();
    }

    /** {@return whether this is an EXIT or LINK_DOWN of an error exit} */
    public boolean isError() {
        return result != null && result.isError();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CANCEL -> "Event{CANCEL from=" + from + ", reason=" + reason + "}";
            default -> "Event{" + kind + " from=" + from
                    + (isError() ? ", error=" + error() : ", value=" + value()) + "}";
        };
    }
}
