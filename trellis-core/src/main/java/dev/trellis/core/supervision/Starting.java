package dev.trellis.core.supervision;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import dev.trellis.core.ProcessException;
import dev.trellis.core.Spawner;
import dev.trellis.core.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Synchronous start of a behaviour process (OTP's {@code proc_lib:start_link}): spawn it, let it
 * run its init, and wait for its acknowledgement. The starter is a process (the new one is linked
 * to it) or a thread outside any process (no link).
 *
 * <p>A process starter waits on its mailbox (listen channel {@link #ACK_TOPIC}) so that it keeps
 * releasing its host permit; an outside starter waits on a future. The new process acknowledges
 * exactly once: with its result after init, or from its {@code finally} if it dies before that
 * (then through the node-level send, which works even while the process is being killed).
 *
 * <p>Thread-safety: {@link Ack} is shared between starter and started process; it is safe.
 */
final class Starting {
    static final String ACK_TOPIC = "$gen.ack";
    private static final AtomicLong REFS = new AtomicLong();

    private Starting() {
    }

    record AckMessage(long ref, StartResult result) {
    }

    /** The started process's half: acknowledge once. */
    static final class Ack {
        private final long ref = REFS.incrementAndGet();
        private final Node node;
        private final Pid starter; // null for an outside starter
        private final CompletableFuture<StartResult> future;
        private final AtomicBoolean done = new AtomicBoolean();

        Ack(Node node, Pid starter) {
            this.node = node;
            this.starter = starter;
            this.future = starter == null ? new CompletableFuture<>() : null;
        }

        void send(StartResult result) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            if (future != null) {
                future.complete(result);
            } else {
                try {
                    node.send(starter, ACK_TOPIC, new AckMessage(ref, result));
                } catch (ProcessException gone) {
                    // the starter died: nobody waits
                }
            }
        }

        boolean sent() {
            return done.get();
        }

        /**
         * Registers {@code proc} under {@code name} (nothing when null); {@return false} after
         * acknowledging the failure when the name is taken: {@code already_started} with the
         * holder, as OTP's {@code gen} start does.
         */
        boolean registerOrReport(Proc proc, String name) {
            if (name == null) {
                return true;
            }
            try {
                proc.register(name);
                return true;
            } catch (ProcessException taken) {
                Pid holder = proc.node().registry().whereis(name);
                send(holder != null ? StartResult.alreadyStarted(holder) : StartResult.error(taken.getMessage()));
                return false;
            }
        }
    }

    /** A process body that gets its {@link Ack}. */
    interface AckedBody {
        Object run(Proc proc, Ack ack) throws Exception;
    }

    /**
     * Spawns {@code body} (linked to {@code parent} when non-null, else from the node) and waits for
     * its acknowledgement.
     */
    static StartResult start(Node node, Proc parent, AckedBody body) {
        return start(node, parent, null, body);
    }

    /**
     * As {@link #start(Node, Proc, AckedBody)}, on the host named {@code hostId} (null: the
     * parent's host, or the node's default host for an outside starter).
     */
    static StartResult start(Node node, Proc parent, String hostId, AckedBody body) {
        Ack ack = new Ack(node, parent == null ? null : parent.pid());
        ProcessBody wrapped = proc -> {
            try {
                return body.run(proc, ack);
            } catch (Throwable t) {
                ack.send(StartResult.error(t instanceof ShutdownException s ? s.reason() : ExitReason.failed(t)));
                throw t;
            } finally {
                ack.send(StartResult.error(ExitReason.KILLED));
            }
        };
        if (parent == null) {
            Spawner spawner = node.spawner();
            (hostId == null ? spawner : spawner.on(hostId)).spawn(wrapped);
            try {
                return ack.future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting a process", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        Channel<Object> acks = parent.listen(ACK_TOPIC);
        Spawner spawner = parent.spawner().linked();
        (hostId == null ? spawner : spawner.on(hostId)).spawn(wrapped);
        while (true) {
            if (acks.receive() instanceof AckMessage m && m.ref() == ack.ref) {
                return m.result();
            }
        }
    }
}
