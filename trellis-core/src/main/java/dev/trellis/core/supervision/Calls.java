package dev.trellis.core.supervision;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessException;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Selected;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Synchronous request/reply between a caller (a process, or a thread outside any process) and a
 * callee process of this package (a supervisor or a server): OTP's {@code gen:call}.
 *
 * <p>Protocol: the caller sends the callee a {@link Request} on topic {@link #CALL_TOPIC}. A
 * process caller waits on its own listen channel {@link #REPLY_TOPIC} (so it stays parked in its
 * mailbox and releases its host permit); an outside caller waits on a future. Each request carries a
 * fresh reference; late replies to timed-out requests are dropped by reference.
 *
 * <p>Noticing that the callee died: the core has no selective receive on one monitor, so instead of
 * monitoring from the caller, each live callee has one {@link Endpoint} that an exit watch closes
 * when the process ends. The endpoint is made by whichever side comes first: the callee when its
 * loop starts, or the first caller (so a call to a process that is started but not yet serving,
 * such as a Lua process on its way to {@code server.run}, waits in its mailbox instead of failing).
 * The caller adds its request to the endpoint's pending set <em>then</em> checks {@code closed};
 * the closing side sets {@code closed} <em>then</em> fails everything pending. Either the callee
 * sees the request or the caller sees the flag, so no caller waits for a dead callee (Dekker-style,
 * both sides use volatile/concurrent state).
 *
 * <p>Thread-safety: all static methods are thread-safe; {@link Endpoint} is shared between the
 * callee and its callers by design.
 */
final class Calls {
    static final String CALL_TOPIC = "$gen.call";
    static final String REPLY_TOPIC = "$gen.reply";

    private static final AtomicLong REFS = new AtomicLong();
    private static final ConcurrentHashMap<Key, Endpoint> ENDPOINTS = new ConcurrentHashMap<>();

    private Calls() {
    }

    /** Node identity + pid: pids of two nodes in one JVM may be equal. */
    private record Key(Node node, Pid pid) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.node == node && k.pid.equals(pid);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node) * 31 + pid.hashCode();
        }
    }

    /**
     * Which processes a call may reach. Supervisors open their endpoint before their start returns,
     * so a supervisor call to anything else fails at once (it would otherwise wait forever: those
     * calls have no timeout). A server's loop may begin after its process does (a Lua process
     * reaches {@code server.run} from its main), so a server call reaches any live process and
     * waits in its mailbox, bounded by its timeout.
     */
    enum Reach {
        SERVING,
        ANY_LIVE
    }

    /** A call in flight: what was asked, and where the answer goes. */
    record Request(long ref, Object body, Pid replyTo, CompletableFuture<Object> future, Endpoint endpoint) {
    }

    /** A reply sent to a process caller. */
    record Reply(long ref, Object value, boolean failed) {
    }

    /** The callee side: alive while the callee runs. */
    static final class Endpoint {
        private final Node node;
        private final Pid pid;
        private final ConcurrentHashMap<Long, Request> pending = new ConcurrentHashMap<>();
        private volatile boolean closed;

        private Endpoint(Node node, Pid pid) {
            this.node = node;
            this.pid = pid;
        }

        /** Fails every pending request (callee exited). Idempotent. */
        void close() {
            closed = true;
            ENDPOINTS.remove(new Key(node, pid), this);
            for (Request r : pending.values()) {
                fail(node, r, new CallException(CallException.Kind.CALLEE_EXITED,
                        "the process " + pid + " exited before replying"));
            }
        }
    }

    /**
     * Registers {@code proc} as a callee; call {@link Endpoint#close()} in a finally when its loop
     * ends (the exit watch closes it anyway when the process ends).
     */
    static Endpoint open(Proc proc) {
        Endpoint e = endpointOf(proc.node(), proc.pid());
        if (e == null) {
            throw new IllegalStateException("process " + proc.pid() + " is not alive");
        }
        return e;
    }

    /**
     * {@return the one open endpoint of the live process {@code pid}, made and watched on first use,
     * or null when the process is not alive}
     */
    private static Endpoint endpointOf(Node node, Pid pid) {
        Key key = new Key(node, pid);
        while (true) {
            Endpoint e = ENDPOINTS.get(key);
            if (e != null) {
                if (!e.closed) {
                    return e;
                }
                ENDPOINTS.remove(key, e);   // closed by a loop that ended in a process still alive
                continue;
            }
            Endpoint fresh = new Endpoint(node, pid);
            if (ENDPOINTS.putIfAbsent(key, fresh) != null) {
                continue;
            }
            try {
                node.watch(pid).whenComplete((exit, failure) -> fresh.close());
            } catch (ProcessException notAlive) {
                fresh.close();
                return null;
            }
            return fresh;
        }
    }

    /** Answers a request (callee side). Safe to call twice; the second answer is dropped. */
    static void reply(Proc callee, Request r, Object value) {
        answer(r, value, reply -> callee.send(r.replyTo, REPLY_TOPIC, reply));
    }

    /** Answers from a process that may be dying (its own runtime calls may throw): node-level send. */
    static void replyFromOutside(Node node, Request r, Object value) {
        answer(r, value, reply -> node.send(r.replyTo, REPLY_TOPIC, reply));
    }

    /** Completes a pending request once: through its future, or by sending the reply message. */
    private static void answer(Request r, Object value, java.util.function.Consumer<Reply> send) {
        if (r.endpoint.pending.remove(r.ref) == null) {
            return;
        }
        if (r.future != null) {
            r.future.complete(value);
        } else {
            try {
                send.accept(new Reply(r.ref, value, false));
            } catch (ProcessException gone) {
                // the caller died: nobody to answer
            }
        }
    }

    private static void fail(Node node, Request r, CallException e) {
        if (r.endpoint.pending.remove(r.ref) == null) {
            return;
        }
        if (r.future != null) {
            r.future.completeExceptionally(e);
        } else {
            try {
                node.send(r.replyTo, REPLY_TOPIC, new Reply(r.ref, e, true));
            } catch (ProcessException gone) {
                // the caller died too
            }
        }
    }

    /** Resolves a pid or a registered name to a serving callee's endpoint, or throws NOPROC. */
    static Endpoint endpoint(Node node, Object target) {
        return endpoint(node, target, Reach.SERVING);
    }

    /** Resolves a pid or a registered name to the endpoint of a callee {@code reach} allows, or NOPROC. */
    static Endpoint endpoint(Node node, Object target, Reach reach) {
        Pid pid;
        if (target instanceof Pid p) {
            pid = p;
        } else if (target instanceof String name) {
            pid = node.registry().whereis(name);
            if (pid == null) {
                throw new CallException(CallException.Kind.NOPROC, "no process registered as '" + name + "'");
            }
        } else {
            throw new IllegalArgumentException("target must be a Pid or a registered name, got " + target);
        }
        Endpoint e = reach == Reach.ANY_LIVE ? endpointOf(node, pid) : ENDPOINTS.get(new Key(node, pid));
        if (e == null || e.closed) {
            throw new CallException(CallException.Kind.NOPROC, "no process " + pid + " to call");
        }
        return e;
    }

    /** {@return whether some call to {@code pid} waits for an answer (for tests)} */
    static boolean hasPending(Pid pid) {
        for (Endpoint e : ENDPOINTS.values()) {
            if (e.pid.equals(pid) && !e.pending.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The pid of the live callee under {@code target}, or NOPROC. */
    static Pid endpointPid(Node node, Object target) {
        return endpoint(node, target).pid;
    }

    /** Whether a callee of this package is alive under {@code target}. */
    static Pid whereis(Node node, Object target, Reach reach) {
        try {
            return endpoint(node, target, reach).pid;
        } catch (CallException e) {
            return null;
        }
    }

    /** Calls a serving callee from outside any process, or from a process when {@code proc} is non-null. */
    static Object call(Node node, Proc proc, Object target, Object body, Duration timeout) {
        return call(node, proc, target, body, timeout, Reach.SERVING);
    }

    /** Calls a callee that {@code reach} allows, from outside any process or from {@code proc}. */
    static Object call(Node node, Proc proc, Object target, Object body, Duration timeout, Reach reach) {
        Objects.requireNonNull(node, "node");
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be >= 0, got " + timeout);
        }
        Endpoint e = endpoint(node, target, reach);
        long ref = REFS.incrementAndGet();
        CompletableFuture<Object> future = proc == null ? new CompletableFuture<>() : null;
        Request r = new Request(ref, body, proc == null ? null : proc.pid(), future, e);
        Channel<Object> replies = proc == null ? null : proc.listen(REPLY_TOPIC);
        e.pending.put(ref, r);
        if (e.closed) {
            e.pending.remove(ref);
            throw new CallException(CallException.Kind.NOPROC, "no process " + e.pid + " to call");
        }
        try {
            if (proc == null) {
                node.send(e.pid, CALL_TOPIC, r);
            } else {
                proc.send(e.pid, CALL_TOPIC, r);
            }
        } catch (ProcessException gone) {
            e.pending.remove(ref);
            throw new CallException(CallException.Kind.NOPROC, "no process " + e.pid + " to call");
        }
        return proc == null ? awaitFuture(e, r, timeout) : awaitReply(proc, replies, e, r, timeout);
    }

    private static Object awaitFuture(Endpoint e, Request r, Duration timeout) {
        try {
            return timeout == null ? r.future.get() : r.future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException t) {
            e.pending.remove(r.ref);
            throw new CallException(CallException.Kind.TIMEOUT, "no reply from " + e.pid + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException x) {
            throw x.getCause() instanceof CallException c ? c : new IllegalStateException(x.getCause());
        } catch (InterruptedException i) {
            e.pending.remove(r.ref);
            Thread.currentThread().interrupt();
            throw new CallException(CallException.Kind.TIMEOUT, "interrupted while calling " + e.pid);
        }
    }

    private static Object awaitReply(Proc proc, Channel<Object> replies, Endpoint e, Request r, Duration timeout) {
        if (timeout == null) {
            while (true) {
                Selected s = proc.select(replies.receiveCase());
                if (s.value() instanceof Reply reply && reply.ref == r.ref) {
                    return replyValue(reply);
                }
                // a late reply to an earlier, timed-out call: drop it
            }
        }
        long deadline = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        CallClock clock = CallClock.of(proc);
        Channel<Instant> fires = clock.arm(deadline);
        while (true) {
            Selected s = proc.select(replies.receiveCase(), fires.receiveCase());
            if (s.channel() == fires) {
                if (clock.expired(deadline)) {
                    e.pending.remove(r.ref);
                    throw new CallException(CallException.Kind.TIMEOUT, "no reply from " + e.pid + " within "
                            + timeout.toMillis() + " ms");
                }
            } else if (s.value() instanceof Reply reply && reply.ref == r.ref) {
                return replyValue(reply);
            }
            // a late reply to an earlier, timed-out call: drop it
        }
    }

    private static Object replyValue(Reply reply) {
        if (reply.failed) {
            throw (CallException) reply.value;
        }
        return reply.value;
    }
}
