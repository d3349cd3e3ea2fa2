package com.example.counter;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.supervision.ChildSpec;
import dev.trellis.core.supervision.Server;

/**
 * A counter server: {@code "get"} is a call answered with the count, {@code "increment"} a cast.
 * The state is the count itself; a crash loses it, and the supervisor starts the counter again at
 * its initial value, as an Elixir GenServer under a Supervisor would.
 *
 * <pre>{@code
 * Supervisor.startLink(node, List.of(Counter.childSpec(0)), SupervisorOptions.oneForOne());
 * Counter.increment(node);
 * long n = Counter.get(node);     // 1
 * }</pre>
 */
public final class Counter implements Server<Long> {

    /** The name the counter registers under; calls and casts address it by name, so they reach the new one after a restart. */
    public static final String NAME = "counter";

    /**
     * What the supervisor starts: child id {@code "counter"}, a fresh {@code Counter} on every
     * (re)start, {@code initial} given to {@link #init}, registered as {@link #NAME}. A permanent
     * worker with a 5 s shutdown (the defaults of {@code Server.childSpec}).
     */
    public static ChildSpec childSpec(long initial) {
        return Server.childSpec(NAME, Counter::new, initial, NAME);
    }

    @Override
    public Long init(Object initial) {
        return (Long) initial;
    }

    @Override
    public Reply<Long> handleCall(Object request, Pid from, Long count) {
        if (request.equals("get")) {
            return Reply.of(count, count);
        }
        throw new IllegalArgumentException("unknown call " + request);
    }

    @Override
    public Long handleCast(Object request, Long count) {
        return request.equals("increment") ? count + 1 : count;
    }

    /** {@return the current count} (waits up to 5 s for the reply) */
    public static long get(Node node) {
        return (Long) Server.call(node, NAME, "get");
    }

    /** Adds one to the count, without waiting. */
    public static void increment(Node node) {
        Server.cast(node, NAME, "increment");
    }

    /**
     * Waits until the name {@link #NAME} is held by a process other than {@code crashed}: the
     * supervisor has started the new counter. The registry has no change notification, so this
     * looks every millisecond, for 5 s at most.
     *
     * @return the new counter's pid
     * @throws IllegalStateException if no new counter registered within 5 s
     */
    public static Pid waitForRestart(Node node, Pid crashed) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Pid now = node.registry().whereis(NAME);   // null while nobody holds the name (lookup would throw)
            if (now != null && !now.equals(crashed)) {
                return now;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("no counter restarted within 5 s of " + crashed);
    }
}
