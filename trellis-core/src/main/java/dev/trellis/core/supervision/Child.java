package dev.trellis.core.supervision;

import dev.trellis.core.Pid;

/**
 * A supervisor's record of one child (OTP's {@code #child{}}). Mutable; owned by the supervisor's
 * thread only.
 */
final class Child {
    /** The id for a static child; a unique Long for a dynamic child (whose id is OTP's undefined). */
    final Object key;
    /** The normalized spec; its start function is reused on every restart. */
    final ChildSpec spec;
    /** The running pid, or null when stopped or restarting. */
    Pid pid;
    /** The last pid it ran as: a dynamic child stays addressable by it while restarting. */
    Pid lastPid;
    /** True while a failed restart is waiting for its retry. */
    boolean restarting;
    /** Why it last stopped running (an exit, or a failed start); null before the first. */
    Object lastFailure;

    Child(Object key, ChildSpec spec) {
        this.key = key;
        this.spec = spec;
    }

    ChildInfo info(boolean dynamic) {
        return new ChildInfo(dynamic ? null : spec.id(), pid, restarting, spec.type(), spec.modules(),
                spec.restart());
    }
}
