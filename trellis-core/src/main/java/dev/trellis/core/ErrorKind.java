package dev.trellis.core;

/**
 * The fixed vocabulary of process errors (Wippy's error kinds). Callers match on the kind, never on
 * message text.
 *
 * <pre>{@code
 * try {
 *     proc.send(deadPid, "ping");
 * } catch (ProcessException e) {
 *     if (e.kind() == ErrorKind.NOT_FOUND) { ... }   // "process not found: {pid}"
 * }
 * }</pre>
 */
public enum ErrorKind {
    /** A process, host, name or pid does not exist. */
    NOT_FOUND,
    /** A bad argument: {@code @} topics, empty topics, bad options. */
    INVALID,
    /** A name is registered to another pid, or a pid is already monitored. */
    ALREADY_EXISTS,
    /** A host is stopped or stopping. */
    UNAVAILABLE,
    /** The security policy refused the operation. */
    PERMISSION_DENIED,
    /** A configured limit was reached. */
    LIMIT_EXCEEDED,
    /** Everything else: process bodies that threw, terminated processes, linked failures. */
    INTERNAL
}
