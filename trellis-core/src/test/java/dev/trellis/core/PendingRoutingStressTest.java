package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.channel.Case;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Received;
import dev.trellis.core.channel.Selected;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random interleavings of pending-item routing: several processes send to topics with and without
 * listeners while the receiver listens and unlistens mid-stream, switches its inbox and events
 * channel off and on, collects EXIT events and receives through blocking and non-blocking selects.
 * Every message must arrive exactly once; each sender's messages on one topic in the order sent; and
 * between two subscription changes, each sender's messages through the inbox in the order sent.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PendingRoutingStressTest {
    private static final String[] TOPICS = {"a", "b", "x", "y"}; // a, b: listeners come and go
    private static final long SENDER = 1_000_000L;

    private final Node node = Node.builder().host("app:processes", 2)
            .shutdownTimeout(Duration.ofMillis(300)).start();

    @AfterEach
    void stop() {
        node.stop();
    }

    @Test
    void randomInterleavingsKeepPerSenderOrderAndLoseNothing() {
        int changesWithItemsWaiting = 0;
        for (long seed = 1; seed <= 24; seed++) {
            Object outcome = node.exec(proc -> new Receiver(proc, proc.<Long>arg(0)).run(), seed);
            assertThat(outcome).as("seed %d", seed).isInstanceOf(Integer.class);
            changesWithItemsWaiting += (Integer) outcome;
        }
        // The point of the exercise: subscriptions changed while items were waiting, many times.
        assertThat(changesWithItemsWaiting).isGreaterThan(100);
    }

    /** The process under test: receives everything while changing its subscriptions at random. */
    private static final class Receiver {
        final Proc proc;
        final Random rnd;
        final int senders;
        final int perSender;
        final long[] last;
        /**
         * Per sender, the last sequence number the inbox delivered since the subscriptions last
         * changed: between two changes the inbox hands out its items in arrival order.
         */
        final long[] lastInInbox;
        final HashSet<Long> seen = new HashSet<>();
        Channel<Message> inbox;
        Channel<Event> events;
        final Channel<?>[] listeners = new Channel<?>[2];
        final boolean[] messageMode = new boolean[2];
        int children;
        int exits;
        /** Subscription changes made while items were waiting in the router. */
        int changesWithItemsWaiting;

        Receiver(Proc proc, long seed) {
            this.proc = proc;
            this.rnd = new Random(seed);
            this.senders = 2 + rnd.nextInt(4);
            this.perSender = 200 + rnd.nextInt(1500);
            this.last = new long[senders * TOPICS.length];
            Arrays.fill(last, -1);
            this.lastInInbox = new long[senders];
            Arrays.fill(lastInInbox, -1);
        }

        Object run() {
            inbox = proc.inbox();
            events = proc.events();
            Pid self = proc.pid();
            long senderSeed = rnd.nextLong();
            for (int s = 0; s < senders; s++) {
                long id = s;
                proc.spawn(p -> {
                    Random r = new Random(senderSeed + id);
                    for (int i = 0; i < perSender; i++) {
                        p.send(self, TOPICS[r.nextInt(TOPICS.length)], id * SENDER + i);
                        if (r.nextInt(64) == 0) {
                            p.owner().yieldPermit();
                        }
                    }
                    return null;
                });
            }
            int total = senders * perSender;
            Router router = (Router) proc.owner();
            while (seen.size() < total || exits < children) {
                int op = rnd.nextInt(100);
                if (op < 12) {
                    Arrays.fill(lastInInbox, -1); // the subscriptions change: a new inbox epoch
                    if (router.pendingCount() > 0) {
                        changesWithItemsWaiting++;
                    }
                }
                if (op < 8) {
                    toggleListener(op % 2);
                } else if (op < 10) {
                    proc.unlisten(inbox); // messages for x, y (and a, b without listeners) wait unrouted
                    breathe();
                    inbox = proc.inbox();
                } else if (op < 12) {
                    proc.unlisten(events);
                    breathe();
                    events = proc.events();
                } else if (op < 15 && children < 30) {
                    children++;
                    proc.spawnMonitored(p -> null);
                } else if (op < 30) {
                    take(proc.trySelect(cases()));
                } else {
                    take(proc.select(cases()));
                }
            }
            for (Channel<?> l : listeners) {
                if (l != null) {
                    assertThat(l.tryReceive()).as("nothing left over").isNull();
                }
            }
            assertThat(seen).hasSize(total);
            assertThat(exits).isEqualTo(children);
            return changesWithItemsWaiting;
        }

        /** Lets mail arrive and be routed while a subscription is off, without receiving. */
        void breathe() {
            for (int i = rnd.nextInt(3); i > 0; i--) {
                proc.owner().routePending();
                proc.owner().yieldPermit();
            }
        }

        void toggleListener(int k) {
            Channel<?> l = listeners[k];
            if (l == null) {
                boolean messages = rnd.nextBoolean();
                messageMode[k] = messages;
                listeners[k] = messages ? proc.listenMessages(TOPICS[k]) : proc.listen(TOPICS[k]);
                return;
            }
            assertThat(proc.unlisten(l)).isTrue();
            listeners[k] = null;
            // The closed channel keeps what it buffered: take it now, before anything newer arrives.
            Received<?> r;
            while ((r = l.receiveOrClosed()).ok()) {
                record(k, messageMode[k], r.value());
            }
        }

        Case<?>[] cases() {
            List<Case<?>> cs = new ArrayList<>(4);
            cs.add(inbox.receiveCase());
            cs.add(events.receiveCase());
            for (Channel<?> l : listeners) {
                if (l != null) {
                    cs.add(l.receiveCase());
                }
            }
            return cs.toArray(Case<?>[]::new);
        }

        void take(Selected s) {
            if (s.isDefault()) {
                return;
            }
            assertThat(s.ok()).as("no subscribed channel is closed here").isTrue();
            Channel<?> ch = s.channel();
            if (ch == events) {
                Event e = s.value();
                assertThat(e.kind()).isEqualTo(Event.Kind.EXIT);
                exits++;
            } else if (ch == inbox) {
                Message m = s.value();
                long v = (Long) m.payload();
                int sender = (int) (v / SENDER);
                assertThat(v % SENDER).as("sender %d: inbox order", sender).isGreaterThan(lastInInbox[sender]);
                lastInInbox[sender] = v % SENDER;
                record(topicIndex(m.topic()), true, m);
            } else {
                int k = ch == listeners[0] ? 0 : 1;
                assertThat(listeners[k]).isSameAs(ch);
                record(k, messageMode[k], s.value());
            }
        }

        void record(int topic, boolean isMessage, Object value) {
            long v;
            if (isMessage) {
                Message m = (Message) value;
                assertThat(m.topic()).isEqualTo(TOPICS[topic]);
                v = (Long) m.payload();
            } else {
                v = (Long) value;
            }
            int sender = (int) (v / SENDER);
            long seq = v % SENDER;
            int slot = sender * TOPICS.length + topic;
            assertThat(seq).as("sender %d, topic %s: in order", sender, TOPICS[topic]).isGreaterThan(last[slot]);
            last[slot] = seq;
            assertThat(seen.add(v)).as("delivered once: %d", v).isTrue();
        }

        static int topicIndex(String t) {
            int i = Arrays.asList(TOPICS).indexOf(t);
            assertThat(i).isNotNegative();
            return i;
        }
    }
}
