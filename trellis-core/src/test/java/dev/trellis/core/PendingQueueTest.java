package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ring buffer behind a route's pending items: FIFO through wrap-around, growth and shrinking. */
class PendingQueueTest {
    private static Message msg(int i) {
        return new Message(null, "t", new Object[] {i});
    }

    @Test
    void keepsFifoOrderAndArrivalNumbersThroughWrapAroundAndGrowth() {
        PendingQueue q = new PendingQueue();
        ArrayDeque<Long> model = new ArrayDeque<>();
        Random rnd = new Random(7);
        long seq = 0;
        for (int step = 0; step < 200_000; step++) {
            // Grow to a few thousand, drain to empty, and again: wrap-around at every size.
            boolean add = model.isEmpty() || rnd.nextInt(100) < (step / 20_000 % 2 == 0 ? 60 : 40);
            if (add) {
                q.add(seq, msg((int) seq));
                model.add(seq);
                seq += 1 + rnd.nextInt(3);
            } else {
                long expected = model.poll();
                assertThat(q.peekSeq()).isEqualTo(expected);
                assertThat(((Message) q.peek()).payload()).isEqualTo((int) expected);
                assertThat(((Message) q.poll()).payload()).isEqualTo((int) expected);
            }
            assertThat(q.size()).isEqualTo(model.size());
        }
        Long[] left = model.toArray(Long[]::new);
        for (int i = 0; i < q.size(); i++) {
            assertThat(((Message) q.get(i)).payload()).isEqualTo(left[i].intValue());
        }
    }

    @Test
    void emptyQueueAnswersNullAndMaxSeq_andAShrunkQueueWorksAgain() {
        PendingQueue q = new PendingQueue();
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.peek()).isNull();
        assertThat(q.poll()).isNull();
        assertThat(q.peekSeq()).isEqualTo(Long.MAX_VALUE);
        for (int i = 0; i < 1000; i++) {
            q.add(i, msg(i));
        }
        while (q.poll() != null) {
            // drain: the big buffer is given back
        }
        q.add(5, msg(5));
        assertThat(q.peekSeq()).isEqualTo(5);
        assertThat(((Message) q.get(0)).payload()).isEqualTo(5);
        assertThatThrownBy(() -> q.get(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("index 1");
    }

    @Test
    void findsAWaitingLinkDown() {
        PendingQueue q = new PendingQueue();
        q.add(0, msg(0));
        q.add(1, Event.exit(Event.Kind.EXIT, null, Instant.now(), Result.ofValue(null)));
        assertThat(q.hasLinkDown()).isFalse();
        q.add(2, Event.exit(Event.Kind.LINK_DOWN, null, Instant.now(), Result.ofValue(null)));
        assertThat(q.hasLinkDown()).isTrue();
    }
}
