package dev.trellis.core.supervision;

/**
 * A synchronous call to a server or supervisor did not get an answer: OTP's exits of the caller
 * ({@code noproc}, {@code timeout}, the callee's exit reason).
 *
 * <pre>{@code
 * try {
 *     Server.call(node, "SimpleQueue", "queue", Duration.ofSeconds(1));
 * } catch (CallException e) {
 *     if (e.kind() == CallException.Kind.NOPROC) startIt();
 * }
 * }</pre>
 */
public final class CallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Kind {
        /** No live process under that pid or name (OTP's {@code noproc}). */
        NOPROC,
        /** No reply within the timeout. */
        TIMEOUT,
        /** The callee exited before replying. */
        CALLEE_EXITED
    }

    private final Kind kind;

    public CallException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
