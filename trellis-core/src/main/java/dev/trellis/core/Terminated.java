package dev.trellis.core;

/**
 * The signal that unwinds a process being killed ({@code terminate}, a cancel timeout, a host stop,
 * or an untrapped LINK_DOWN). It is thrown from the process's next runtime call (and from any call
 * it is blocked in). It is an {@link Error} so that {@code catch (Exception e)} does not swallow it;
 * do not catch it. If a body catches it anyway, every later runtime call throws it again, and the
 * process still exits with the kill error.
 *
 * <pre>{@code
 * node.spawn(proc -> {
 *     try {
 *         proc.inbox().receive();      // throws Terminated when killed
 *     } finally {
 *         releaseResources();           // finally blocks run
 *     }
 *     return null;
 * });
 * }</pre>
 */
public final class Terminated extends Error {
    private static final long serialVersionUID = 1L;

    static final Terminated INSTANCE = new Terminated();

    private Terminated() {
        super("process killed", null, false, false);
    }
}
