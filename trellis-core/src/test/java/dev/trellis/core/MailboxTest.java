package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The MPSC mailbox on its own: no loss, per-producer FIFO, no lost wake-ups. */
class MailboxTest {
    static final class Item extends Envelope {
        final int producer;
        final int seq;

        Item(int producer, int seq) {
            this.producer = producer;
            this.seq = seq;
        }
    }

    static final class TestMailbox extends Mailbox {
        volatile Thread consumer;

        @Override
        Thread consumer() {
            return consumer;
        }

        @Override
        boolean killRequested() {
            return false;
        }
    }

    @Test
    void pollOnEmptyReturnsNull_thenFifo() {
        TestMailbox box = new TestMailbox();
        assertThat(box.poll()).isNull();
        assertThat(box.hasNext()).isFalse();
        Item a = new Item(0, 0);
        Item b = new Item(0, 1);
        box.push(a);
        box.push(b);
        assertThat(box.hasNext()).isTrue();
        assertThat(box.poll()).isSameAs(a);
        assertThat(box.poll()).isSameAs(b);
        assertThat(box.poll()).isNull();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manyProducersOneParkingConsumer() throws Exception {
        int producers = 8;
        int perProducer = 100_000;
        for (int rep = 0; rep < 3; rep++) {
            TestMailbox box = new TestMailbox();
            int[] next = new int[producers];
            CountDownLatch done = new CountDownLatch(1);
            Thread consumer = Thread.ofVirtual().unstarted(() -> {
                for (int i = 0; i < producers * perProducer; i++) {
                    Item it = (Item) box.take();
                    if (it.seq != next[it.producer]) {
                        throw new AssertionError("out of order: producer " + it.producer + " seq " + it.seq);
                    }
                    next[it.producer]++;
                }
                done.countDown();
            });
            box.consumer = consumer;
            consumer.start();
            List<Thread> ps = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                ps.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        box.push(new Item(id, i));
                        if ((i & 1023) == 0) {
                            Thread.yield(); // let the consumer drain and park
                        }
                    }
                }));
            }
            for (Thread t : ps) {
                t.join();
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).as("consumer saw everything").isTrue();
            for (int n : next) {
                assertThat(n).isEqualTo(perProducer);
            }
            assertThat(box.poll()).isNull();
        }
    }
}
