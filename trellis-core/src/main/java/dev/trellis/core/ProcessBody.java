package dev.trellis.core;

/**
 * The code of a Java process: a plain lambda in direct style that blocks in receive, select and
 * sleep. Its return value is the process's result (the {@code value} of the EXIT its monitors get);
 * an exception is an error exit.
 *
 * <pre>{@code
 * ProcessBody echo = proc -> {
 *     Message m = proc.inbox().receive();
 *     proc.send(m.from(), "echo", m.payload());
 *     return "done";
 * };
 * Pid pid = node.spawn(echo);
 * }</pre>
 */
@FunctionalInterface
public interface ProcessBody {
    /**
     * Runs the process.
     *
     * @param proc the process handle: the API to use inside this process (arguments via
     *     {@link Proc#args()})
     * @return the result value (may be null)
     * @throws Exception to exit with an error ({@link ProcessException} keeps its kind; anything
     *     else becomes kind INTERNAL with the exception's message)
     */
    Object run(Proc proc) throws Exception;
}
