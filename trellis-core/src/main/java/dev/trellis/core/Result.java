package dev.trellis.core;

/**
 * How a process ended: a value (normal exit) or an error (error exit), as carried by EXIT and
 * LINK_DOWN events ({@code result = {value=…} | {error=…}} in Wippy).
 *
 * <pre>{@code
 * Event e = proc.events().receive();
 * if (e.result().isError()) retry(); else use(e.result().value());
 * }</pre>
 *
 * @param value the body's return value (null for error exits, and for bodies returning null)
 * @param error the exit error, or null for a normal exit
 */
public record Result(Object value, ProcessError error) {

    /**
     * {@return a normal result}
     *
     * @param value the returned value
     */
    public static Result ofValue(Object value) {
        return new Result(value, null);
    }

    /**
     * {@return an error result}
     *
     * @param error the error
     * @throws IllegalArgumentException if {@code error} is null
     */
    public static Result ofError(ProcessError error) {
        if (error == null) {
            throw new IllegalArgumentException("error must not be null");
        }
        return new Result(null, error);
    }

    /** {@return whether this is an error exit} */
    public boolean isError() {
        return error != null;
    }
}
