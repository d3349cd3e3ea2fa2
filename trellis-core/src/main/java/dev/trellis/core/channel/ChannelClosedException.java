package dev.trellis.core.channel;

/**
 * Raised by a send on a closed channel ("send on closed channel"), and by a blocked send whose
 * channel is closed while it waits.
 *
 * <pre>{@code
 * ch.close();
 * ch.send(1); // throws ChannelClosedException: send on closed channel
 * }</pre>
 */
public final class ChannelClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the Wippy message {@code send on closed channel}. */
    public ChannelClosedException() {
        super("send on closed channel");
    }
}
