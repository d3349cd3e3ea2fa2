package dev.trellis.core.supervision;

/**
 * What a child is: a plain worker or a supervisor of its own subtree. OTP's {@code type} field.
 *
 * <pre>{@code
 * ChildSpec sub = ChildSpec.supervisor("pool", Pool::startLink); // type SUPERVISOR, shutdown infinity
 * }</pre>
 *
 * <p>The default is {@link #WORKER}. The type decides the default shutdown (5 s for a worker,
 * infinity for a supervisor) and which counter of {@link ChildCounts} the child falls in.
 */
public enum ChildType {
    WORKER("worker"),
    SUPERVISOR("supervisor");

    private final String erlangName;

    ChildType(String erlangName) {
        this.erlangName = erlangName;
    }

    /** The Erlang/Elixir spelling: {@code worker} or {@code supervisor}. */
    public String erlangName() {
        return erlangName;
    }

    /** The default shutdown of a child of this type: 5 s for a worker, infinity for a supervisor. */
    public Shutdown defaultShutdown() {
        return this == WORKER ? Shutdown.DEFAULT_WORKER : Shutdown.infinity();
    }

    static ChildType parse(Object value) {
        if (value instanceof ChildType t) {
            return t;
        }
        if (value instanceof String s) {
            String name = s.startsWith(":") ? s.substring(1) : s;
            for (ChildType t : values()) {
                if (t.erlangName.equalsIgnoreCase(name)) {
                    return t;
                }
            }
        }
        return null;
    }
}
