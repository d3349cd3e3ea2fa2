package dev.trellis.core.supervision;

/**
 * When a supervisor restarts a child: OTP's {@code restart} field of a child spec.
 *
 * <pre>{@code
 * ChildSpec spec = ChildSpec.worker("cache", Cache::startLink).restart(Restart.TRANSIENT);
 * }</pre>
 *
 * <p>The default for a child spec is {@link #PERMANENT}; for a {@link TaskSupervisor} task it is
 * {@link #TEMPORARY}.
 */
public enum Restart {
    /** Always restarted, whatever the exit reason (normal, shutdown, error, killed). */
    PERMANENT("permanent"),
    /** Restarted only after an abnormal exit: not after normal, shutdown or {@code {shutdown, X}}. */
    TRANSIENT("transient"),
    /** Never restarted; its spec is removed once it exits. */
    TEMPORARY("temporary");

    private final String erlangName;

    Restart(String erlangName) {
        this.erlangName = erlangName;
    }

    /** The Erlang/Elixir spelling: {@code permanent}, {@code transient}, {@code temporary}. */
    public String erlangName() {
        return erlangName;
    }

    /** Whether a child of this restart type is restarted after exiting with {@code reason}. */
    public boolean restartsAfter(ExitReason reason) {
        return switch (this) {
            case PERMANENT -> true;
            case TRANSIENT -> reason.isAbnormal();
            case TEMPORARY -> false;
        };
    }

    /** Parses {@code permanent|transient|temporary} (case-insensitive, a leading ':' allowed). */
    static Restart parse(Object value) {
        if (value instanceof Restart r) {
            return r;
        }
        if (value instanceof String s) {
            String name = s.startsWith(":") ? s.substring(1) : s;
            for (Restart r : values()) {
                if (r.erlangName.equalsIgnoreCase(name)) {
                    return r;
                }
            }
        }
        return null;
    }
}
