package dev.trellis.core.channel;

/**
 * The outcome of a receive: a value with {@code ok == true}, or {@code (null, false)} when the
 * channel is closed and drained.
 *
 * <pre>{@code
 * Received<String> r = ch.receiveOrClosed();
 * if (!r.ok()) return "closed";
 * }</pre>
 *
 * @param value the received value ({@code null} when {@code ok} is false; may also be a sent null)
 * @param ok {@code false} only for a receive on a closed, drained channel
 * @param <T> the element type
 */
public record Received<T>(T value, boolean ok) {
    private static final Received<?> CLOSED = new Received<>(null, false);

    /** {@return the shared closed-and-drained result} */
    @SuppressWarnings("unchecked")
    public static <T> Received<T> closed() {
        return (Received<T>) CLOSED;
    }
}
