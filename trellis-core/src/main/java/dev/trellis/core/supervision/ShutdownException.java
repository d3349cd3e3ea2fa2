package dev.trellis.core.supervision;

import java.util.Objects;

/**
 * Thrown by a process body to exit with OTP's {@code shutdown} or {@code {shutdown, detail}}: an
 * orderly stop that is not an error for restart decisions (a transient child is not restarted), but
 * that, like in OTP, takes down linked processes that do not trap links.
 *
 * <pre>{@code
 * node.spawn(proc -> {
 *     if (done) throw new ShutdownException("drained"); // {shutdown, "drained"}
 *     ...
 * });
 * }</pre>
 *
 * <p>A supervisor that exceeds its restart intensity exits this way.
 */
public final class ShutdownException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Object detail;

    /** {@code shutdown}. */
    public ShutdownException() {
        super("shutdown", null, false, false);
        this.detail = null;
    }

    /** {@code {shutdown, detail}}. */
    public ShutdownException(Object detail) {
        super("{shutdown, " + Objects.requireNonNull(detail, "detail") + "}", null, false, false);
        this.detail = detail;
    }

    /** The X of {@code {shutdown, X}}, or null for plain {@code shutdown}. */
    public Object detail() {
        return detail;
    }

    /** This exit as an {@link ExitReason}. */
    public ExitReason reason() {
        return detail == null ? ExitReason.SHUTDOWN : ExitReason.shutdown(detail);
    }
}
