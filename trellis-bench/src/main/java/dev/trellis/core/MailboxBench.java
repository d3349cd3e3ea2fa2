package dev.trellis.core;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH throughput of a process mailbox (the intrusive Vyukov MPSC queue of {@code trellis-core}):
 * producers push fresh messages, one consumer polls.
 *
 * <pre>{@code
 * trellis-bench/run-jmh MailboxBench
 * }</pre>
 *
 * <p>Groups: {@code p1} (1 producer, 1 consumer) and {@code p4} (4 producers, 1 consumer). The figures
 * to read are the auxiliary counters {@code offered} and {@code polled} (successful operations per
 * second); {@code throttled} and {@code empty} count the calls that found the queue too full (the
 * producers hold back once they are {@value #MAX_BACKLOG} messages ahead, so the unbounded queue
 * cannot eat the heap) or empty; both then {@link Thread#yield()}, since on a 2-core machine the
 * producers and the consumer share the cores. Each push allocates its message, as a real send does.
 *
 * <p>This class lives in package {@code dev.trellis.core} because the mailbox is package-private
 * there; on the class path the split package is one runtime package.
 *
 * <p>Thread-safety: JMH drives it; the group state is shared by the group's threads by design.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
public class MailboxBench {

    /** How far producers may run ahead of the consumer, in messages. */
    static final long MAX_BACKLOG = 1 << 16;

    /** The mailbox under test, with no process behind it: nobody parks, nobody is killed. */
    static final class BareMailbox extends Mailbox {
        @Override
        Thread consumer() {
            return null;
        }

        @Override
        boolean killRequested() {
            return false;
        }
    }

    /** One mailbox per group; the consumer publishes how many it has taken. */
    @State(Scope.Group)
    public static class Queue {
        BareMailbox mailbox;
        volatile long polled;

        @Setup(Level.Iteration)
        public void setUp() {
            mailbox = new BareMailbox();
            polled = 0;
        }
    }

    /** A producer's own count, so that throttling needs no shared counter. */
    @State(Scope.Thread)
    public static class Producer {
        long offeredSoFar;

        @Setup(Level.Iteration)
        public void setUp() {
            offeredSoFar = 0;   // the group's mailbox and its polled count are new each iteration
        }
    }

    /** Successful and refused pushes, reported per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class OfferCounters {
        public long offered;
        public long throttled;
    }

    /** Successful and empty polls, reported per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class PollCounters {
        public long polled;
        public long empty;
    }

    private static final Object[] PAYLOAD = {"payload"};

    private static void offer(Queue q, Producer p, OfferCounters c, int producers) {
        // Estimate the backlog from this producer's share: a producer ahead of the others waits,
        // one behind does not, so the total backlog stays under MAX_BACKLOG without a shared counter.
        if (p.offeredSoFar * producers - q.polled > MAX_BACKLOG) {
            c.throttled++;
            Thread.yield();   // 2 cores, 2 to 5 threads: let the consumer run rather than spin
            return;
        }
        q.mailbox.push(new Message(Pid.ZERO, "bench", PAYLOAD));
        p.offeredSoFar++;
        c.offered++;
    }

    private static Envelope poll(Queue q, PollCounters c) {
        Envelope e = q.mailbox.poll();
        if (e == null) {
            c.empty++;
            Thread.yield();   // likewise: let a producer run
        } else {
            c.polled++;
            q.polled++;   // single writer: the consumer
        }
        return e;
    }

    @Benchmark
    @Group("p1")
    @GroupThreads(1)
    public void p1Offer(Queue q, Producer p, OfferCounters c) {
        offer(q, p, c, 1);
    }

    @Benchmark
    @Group("p1")
    @GroupThreads(1)
    public Envelope p1Poll(Queue q, PollCounters c) {
        return poll(q, c);
    }

    @Benchmark
    @Group("p4")
    @GroupThreads(4)
    public void p4Offer(Queue q, Producer p, OfferCounters c) {
        offer(q, p, c, 4);
    }

    @Benchmark
    @Group("p4")
    @GroupThreads(1)
    public Envelope p4Poll(Queue q, PollCounters c) {
        return poll(q, c);
    }
}
