package dev.trellis.core.supervision;

/**
 * When a supervisor shuts itself down because its <em>significant</em> children exited: OTP's
 * {@code auto_shutdown} flag.
 *
 * <pre>{@code
 * SupervisorOptions.oneForOne().autoShutdown(AutoShutdown.ANY_SIGNIFICANT);
 * }</pre>
 *
 * <p>The default is {@link #NEVER}. Only the exit of a significant child on its own counts: not one
 * stopped through {@code terminateChild}, nor one stopped as a bystander of a group restart.
 */
public enum AutoShutdown {
    /** Significant children are not allowed; auto-shutdown never happens. The default. */
    NEVER("never"),
    /** The supervisor shuts down when any significant child exits (and is not restarted). */
    ANY_SIGNIFICANT("any_significant"),
    /** The supervisor shuts down once every significant child has exited. */
    ALL_SIGNIFICANT("all_significant");

    private final String erlangName;

    AutoShutdown(String erlangName) {
        this.erlangName = erlangName;
    }

    public String erlangName() {
        return erlangName;
    }

    static AutoShutdown parse(Object value) {
        if (value instanceof AutoShutdown a) {
            return a;
        }
        if (value instanceof String s) {
            String name = s.startsWith(":") ? s.substring(1) : s;
            for (AutoShutdown a : values()) {
                if (a.erlangName.equalsIgnoreCase(name)) {
                    return a;
                }
            }
        }
        return null;
    }
}
