package dev.trellis.core;

/**
 * The exception every runtime operation throws on failure, carrying a {@link ProcessError}: match on
 * {@link #kind()}, read {@link #getMessage()} (Wippy's exact message). A process body may throw it
 * to exit with a chosen error.
 *
 * <pre>{@code
 * try {
 *     proc.monitor(pid);
 * } catch (ProcessException e) {
 *     // e.kind() == ErrorKind.NOT_FOUND, e.getMessage() == "pid not registered"
 * }
 * }</pre>
 */
public class ProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ProcessError error;

    /**
     * Creates the exception for an error value.
     *
     * @param error the error
     */
    public ProcessException(ProcessError error) {
        super(error.message(), error.cause());
        this.error = error;
    }

    /**
     * Creates the exception from a kind and a message.
     *
     * @param kind the kind
     * @param message the message
     */
    public ProcessException(ErrorKind kind, String message) {
        this(ProcessError.of(kind, message));
    }

    /** {@return the error value} */
    public ProcessError error() {
        return error;
    }

    /** {@return the error kind} */
    public ErrorKind kind() {
        return error.kind();
    }
}
