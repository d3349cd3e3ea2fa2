package dev.trellis.core.supervision;

/**
 * Which children a supervisor restarts when one of them exits: OTP's {@code strategy}.
 *
 * <pre>{@code
 * Supervisor.startLink(children, SupervisorOptions.of(Strategy.REST_FOR_ONE));
 * }</pre>
 *
 * <p>The decision is pure: given the children in start order and the position of the one that
 * exited, {@link #group(int, int)} names the range that is stopped (in reverse start order, the
 * exited child excepted, as it is already gone) and then started again (in start order). A
 * {@link DynamicSupervisor} supports only {@link #ONE_FOR_ONE}. There is no default: a
 * {@link Supervisor} requires one, as Elixir's {@code Supervisor.init} does.
 */
public enum Strategy {
    /** Only the exited child is restarted; its siblings keep their pids. */
    ONE_FOR_ONE("one_for_one"),
    /** Every child is stopped (reverse order) and all are started again (start order). */
    ONE_FOR_ALL("one_for_all"),
    /** The exited child and the children started after it are stopped and restarted. */
    REST_FOR_ONE("rest_for_one");

    private final String erlangName;

    Strategy(String erlangName) {
        this.erlangName = erlangName;
    }

    public String erlangName() {
        return erlangName;
    }

    /**
     * The affected children as a half-open range {@code [from, to)} of start positions, when the
     * child at {@code exited} (0-based, of {@code size} children) exited and is to be restarted.
     */
    public Range group(int exited, int size) {
        if (exited < 0 || exited >= size) {
            throw new IllegalArgumentException("exited position " + exited + " not in [0, " + size + ")");
        }
        return switch (this) {
            case ONE_FOR_ONE -> new Range(exited, exited + 1);
            case ONE_FOR_ALL -> new Range(0, size);
            case REST_FOR_ONE -> new Range(exited, size);
        };
    }

    /** A half-open range {@code [from, to)} of start positions. */
    public record Range(int from, int to) {
        public boolean contains(int position) {
            return position >= from && position < to;
        }

        public int size() {
            return to - from;
        }
    }

    static Strategy parse(Object value) {
        if (value instanceof Strategy s) {
            return s;
        }
        if (value instanceof String s) {
            String name = s.startsWith(":") ? s.substring(1) : s;
            for (Strategy st : values()) {
                if (st.erlangName.equalsIgnoreCase(name)) {
                    return st;
                }
            }
        }
        return null;
    }
}
