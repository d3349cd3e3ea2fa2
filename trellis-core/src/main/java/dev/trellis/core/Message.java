package dev.trellis.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A message as received from the inbox, or from {@code listen(topic, Listen.MESSAGES)}: sender,
 * original topic, payloads.
 *
 * <pre>{@code
 * Message m = proc.inbox().receive();
 * if (m.topic().equals("ping")) proc.send(m.from(), "pong", m.payload());
 * }</pre>
 *
 * <p>Immutable once sent. Payloads are passed by reference between Java processes: send immutable
 * values (records, strings, immutable collections).
 */
public final class Message extends Envelope {
    private static final Object[] NONE = new Object[0];

    private final Pid from;
    private final String topic;
    private final Object[] payloads;

    Message(Pid from, String topic, Object[] payloads) {
        this.from = from;
        this.topic = topic;
        this.payloads = payloads == null ? NONE : payloads;
    }

    /** {@return the sender; {@link Pid#ZERO} for messages sent from outside any process} */
    public Pid from() {
        return from;
    }

    /** {@return the topic the sender used (also for messages that fell back to the inbox)} */
    public String topic() {
        return topic;
    }

    /**
     * {@return the payload as {@code listen(topic)} delivers it: null for none, the value for one,
     * an unmodifiable list for several}
     */
    public Object payload() {
        return switch (payloads.length) {
            case 0 -> null;
            case 1 -> payloads[0];
            default -> payloads();
        };
    }

    /** {@return all payloads, in order (unmodifiable; may contain nulls)} */
    public List<Object> payloads() {
        return Collections.unmodifiableList(Arrays.asList(payloads));
    }

    /**
     * {@return payload {@code i}}
     *
     * @param i the index
     * @throws IndexOutOfBoundsException if there is no such payload
     */
    public Object payload(int i) {
        return payloads[i];
    }

    /** {@return the number of payloads} */
    public int payloadCount() {
        return payloads.length;
    }

    @Override
    public String toString() {
        return "Message{topic=" + topic + ", from=" + from + ", payloads=" + Arrays.toString(payloads) + "}";
    }
}
