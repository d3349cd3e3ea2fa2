package dev.trellis.core.channel;

/**
 * One case of a {@link Select}: a receive from a channel, or a send of a value on it
 * (Wippy's {@code ch:case_receive()} / {@code ch:case_send(v)}).
 *
 * <pre>{@code
 * Selected s = proc.select(inbox.receiveCase(), timeout.receiveCase());
 * }</pre>
 *
 * @param channel the channel
 * @param send true for a send case
 * @param value the value to send (send cases only)
 * @param <T> the element type
 */
public record Case<T>(Channel<T> channel, boolean send, T value) {
    /**
     * Validates the case.
     *
     * @throws IllegalArgumentException if {@code channel} is null
     */
    public Case {
        if (channel == null) {
            throw new IllegalArgumentException("channel must not be null");
        }
    }
}
