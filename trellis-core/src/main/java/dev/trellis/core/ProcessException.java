package dev.trellis.core;

/**
 * The exception every runtime operation throws on failure, carrying a {@link ProcessError}: match on
 * {@link #kind()}, read {@link #getMessage()} (Wippy's leading words, then what it was about, such
 * as the pid that was not found). A process body may throw it to exit with a chosen error.
 *
 * <pre>{@code
 * try {
 *     proc.monitor(pid);
 * } catch (ProcessException e) {
 *     // e.kind() == ErrorKind.NOT_FOUND, e.getMessage() == "pid not registered: {pid}"
 * }
 * }</pre>
 */
public class ProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ProcessError error;
    private final String traceback;

    /**
     * Creates the exception for an error value.
     *
     * @param error the error
     */
    public ProcessException(ProcessError error) {
        this(error, null);
    }

    /**
     * Creates the exception for an error raised by code in another language that keeps its own
     * stack: a Lua process passes the Lua traceback, which the {@link CrashReport} then shows
     * instead of the Java stack.
     *
     * @param error the error
     * @param traceback where the error was raised, in that language's form, or null
     */
    public ProcessException(ProcessError error, String traceback) {
        super(error.message(), error.cause());
        this.error = error;
        this.traceback = traceback;
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

    /** {@return the traceback given at creation (a Lua traceback), or null} */
    public String traceback() {
        return traceback;
    }

    /** {@return the error kind} */
    public ErrorKind kind() {
        return error.kind();
    }
}
