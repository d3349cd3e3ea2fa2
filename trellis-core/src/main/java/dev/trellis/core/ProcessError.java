package dev.trellis.core;

/**
 * An error value: what a failed process exited with (in {@link Event#result()}), and what a
 * {@link ProcessException} carries.
 *
 * <pre>{@code
 * Event exit = proc.events().receive();
 * if (exit.isError() && exit.result().error().kind() == ErrorKind.INTERNAL) {
 *     log(exit.error());   // the message, e.g. "process terminated"
 * }
 * }</pre>
 *
 * @param kind the error kind
 * @param message the message (for runtime errors, Wippy's leading words, then their subject)
 * @param cause the Java exception a process body threw, or null
 */
public record ProcessError(ErrorKind kind, String message, Throwable cause) {

    /** Exit error of a process killed by {@code terminate} (and by a cancel timeout, host stop). */
    public static final ProcessError TERMINATED = new ProcessError(ErrorKind.INTERNAL, "process terminated", null);

    /** Exit error of a process killed by a LINK_DOWN it did not trap. */
    public static final ProcessError LINKED_FAILED = new ProcessError(ErrorKind.INTERNAL, "linked process failed", null);

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if {@code kind} or {@code message} is null
     */
    public ProcessError {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (message == null) {
            throw new IllegalArgumentException("message must not be null");
        }
    }

    /**
     * Creates an error without a cause.
     *
     * @param kind the kind
     * @param message the message
     * @return the error
     */
    public static ProcessError of(ErrorKind kind, String message) {
        return new ProcessError(kind, message, null);
    }

    /**
     * The error a process exits with when its body throws {@code t}: a {@link ProcessException}'s own
     * error, otherwise kind INTERNAL with the exception's message (or class name).
     *
     * @param t what the body threw
     * @return the exit error
     */
    public static ProcessError from(Throwable t) {
        if (t instanceof ProcessException pe) {
            return pe.error();
        }
        String msg = t.getMessage();
        return new ProcessError(ErrorKind.INTERNAL, msg != null ? msg : t.getClass().getName(), t);
    }

    /** {@return a {@link ProcessException} carrying this error} */
    public ProcessException toException() {
        return new ProcessException(this);
    }

    @Override
    public String toString() {
        return message;
    }
}
