package dev.trellis.bench.jmh;

import dev.trellis.core.channel.Case;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.ChannelOwner;
import dev.trellis.core.channel.Select;
import dev.trellis.core.channel.Selected;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH cost of {@code select} over process-local channels: the first-ready-case scan, the default
 * case, and a ready case at the end of four.
 *
 * <pre>{@code
 * trellis-bench/run-jmh SelectBench
 * }</pre>
 *
 * <ul>
 *   <li>{@code readyFirstCase}: four buffered channels, the first holds a value; one trySend to
 *       refill it plus one select that takes it (case 0).
 *   <li>{@code readyLastOfFour}: the same, but only the fourth channel is ready, so the select checks
 *       three empty cases first.
 *   <li>{@code defaultCase}: four empty channels, a non-blocking select that returns the default.
 * </ul>
 *
 * <p>The channels' owner is a stand-in with no mailbox: none of these selects parks, so the owner is
 * only asked for {@link ChannelOwner#checkpoint()}. Channels are bound to the thread that creates
 * them; JMH runs a thread-scoped {@code @Setup} on the benchmark thread.
 *
 * <p>Thread-safety: one state per benchmark thread, as channels require.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC", "--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@State(Scope.Thread)
public class SelectBench {

    /** An owner that never has mailbox items: enough for selects that do not park. */
    static final class IdleOwner implements ChannelOwner {
        @Override
        public void checkpoint() {
        }

        @Override
        public void routePending() {
        }

        @Override
        public void awaitMailbox() {
            throw new IllegalStateException("SelectBench selects must never park");
        }

        @Override
        public void demand(Channel<?> channel) {
        }
    }

    private static final Integer VALUE = 42;

    private List<Channel<Integer>> channels;
    private List<Case<Integer>> cases;
    private final IdleOwner owner = new IdleOwner();

    @Setup(Level.Trial)
    public void setUp() {
        channels = List.of(Channel.create(owner, 1), Channel.create(owner, 1),
                Channel.create(owner, 1), Channel.create(owner, 1));
        cases = channels.stream().map(Channel::receiveCase).toList();
    }

    @Benchmark
    public Selected readyFirstCase() {
        channels.get(0).trySend(VALUE);
        return Select.select(owner, cases, false);
    }

    @Benchmark
    public Selected readyLastOfFour() {
        channels.get(3).trySend(VALUE);
        return Select.select(owner, cases, false);
    }

    @Benchmark
    public Selected defaultCase() {
        return Select.select(owner, cases, true);
    }
}
