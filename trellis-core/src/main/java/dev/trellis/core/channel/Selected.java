package dev.trellis.core.channel;

/**
 * The result of a {@link Select}: which case ran, and its value.
 *
 * <pre>{@code
 * Selected s = proc.select(events.receiveCase(), inbox.receiveCase());
 * if (s.channel() == events) { Event e = s.value(); }
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Selected {
    static final Selected DEFAULT = new Selected(null, null, true, -1, true);

    private final Channel<?> channel;
    private final Object value;
    private final boolean ok;
    private final int index;
    private final boolean isDefault;

    Selected(Channel<?> channel, Object value, boolean ok, int index, boolean isDefault) {
        this.channel = channel;
        this.value = value;
        this.ok = ok;
        this.index = index;
        this.isDefault = isDefault;
    }

    /** {@return the chosen case's channel, identical ({@code ==}) to the one passed in; null for the default} */
    public Channel<?> channel() {
        return channel;
    }

    /**
     * {@return the received value (or the sent value for a send case), cast to the type the caller
     * expects}
     *
     * @param <T> the expected type
     */
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public <T> T value() {
        return (T) value;
    }

    /** {@return false only for a receive on a closed, drained channel} */
    public boolean ok() {
        return ok;
    }

    /** {@return the index of the chosen case, -1 for the default} */
    public int index() {
        return index;
    }

    /** {@return true when no case was ready and the select was non-blocking} */
    public boolean isDefault() {
        return isDefault;
    }

    @Override
    public String toString() {
        return isDefault ? "Selected{default}" : "Selected{index=" + index + ", value=" + value + ", ok=" + ok + "}";
    }
}
