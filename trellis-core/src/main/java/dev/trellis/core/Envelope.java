package dev.trellis.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A node of a process's {@link Mailbox}: every item that can wake a process (messages, lifecycle
 * events, timer fires, kill requests) extends this, so enqueueing allocates nothing extra.
 *
 * <p>Thread-safety: {@code next} is written by producers with release/volatile semantics through
 * {@link #NEXT}; nothing else here is mutable.
 */
abstract class Envelope {
    /** The next node in the mailbox; null at the tail. Accessed only through {@link #NEXT}. */
    @SuppressWarnings("unused")
    private volatile Envelope next;

    static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(Envelope.class, "next", Envelope.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
