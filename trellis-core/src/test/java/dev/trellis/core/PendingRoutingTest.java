package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.channel.Case;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Received;
import dev.trellis.core.channel.Selected;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mailbox items that cannot be delivered yet (docs/process-model.md, Routing): what a retry costs,
 * and the rules they keep while they wait — per-sender order per channel, nothing dropped, the
 * route decided at delivery. The randomized mix of all of them is {@link
 * PendingRoutingStressTest}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PendingRoutingTest {
    private final Node node = Node.builder().host("app:processes", 2)
            .shutdownTimeout(Duration.ofMillis(300)).start();

    @AfterEach
    void stop() {
        node.stop();
    }

    /** Routes the mailbox, and parks for more, until {@code n} items wait in the router. */
    static Router awaitPending(Proc proc, int n) {
        Router r = (Router) proc.owner();
        r.routePending();
        while (r.pendingCount() < n) {
            r.awaitMailbox();
        }
        return r;
    }

    @Test
    void eachReceiveRetriesOnlyTheHeadOfItsChannel_withEventsSubscribedToo() {
        int n = 20_000;
        Object v = node.exec(proc -> {
            Channel<Message> inbox = proc.inbox();
            proc.events(); // a second subscription, nothing pending for it: the case that was O(queued)
            proc.listen("elsewhere");
            for (int i = 0; i < n; i++) {
                proc.send(proc.pid(), "work", i);
            }
            Router r = awaitPending(proc, n);
            long before = r.retryOffers;
            for (int i = 0; i < n; i++) {
                assertThat(inbox.receive().payload()).isEqualTo(i);
            }
            return r.retryOffers - before;
        });
        // One delivered offer per receive, plus at most one refusal: not n * n / 2.
        assertThat((Long) v).isLessThanOrEqualTo(2L * n);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // O(queued) per receive took minutes here
    void twoHundredThousandQueuedMessagesWithEventsSubscribedDrainInLinearTime() {
        int n = 200_000;
        Object v = node.exec(proc -> {
            Channel<Message> inbox = proc.inbox();
            proc.events();
            for (int i = 0; i < n; i++) {
                proc.send(proc.pid(), "work", i);
            }
            // The first receive routes all n; the receives after it find n - 1 .. 1 of them queued.
            long sum = 0;
            for (int i = 0; i < n; i++) {
                Object p = inbox.receive().payload();
                assertThat(p).isEqualTo(i);
                sum += (Integer) p;
            }
            return sum;
        });
        assertThat(v).isEqualTo((long) n * (n - 1) / 2);
    }

    @Test
    void messagesQueuedForTheInboxGoToAListenerSubscribedLaterForTheirTopic() {
        Object v = node.exec(proc -> {
            Channel<Message> inbox = proc.inbox();
            proc.send(proc.pid(), "a", 1);
            proc.send(proc.pid(), "b", 2);
            proc.send(proc.pid(), "a", 3);
            awaitPending(proc, 3);
            Channel<Object> a = proc.listen("a");
            return List.of(a.receive(), a.receive(), inbox.receive().payload());
        });
        assertThat(v).isEqualTo(List.of(1, 3, 2));
    }

    @Test
    void unlistenPutsItemsQueuedForTheListenerBackIntoTheInboxInArrivalOrder() {
        Object v = node.exec(proc -> {
            Channel<Object> a = proc.listen("a"); // buffer 1: takes a1, queues the other a items
            Channel<Message> inbox = proc.inbox();
            for (String s : List.of("a1", "b1", "b2", "a2", "a3", "b3", "a4", "b4")) {
                proc.send(proc.pid(), s.substring(0, 1), s);
            }
            awaitPending(proc, 7);
            proc.unlisten(a);
            List<Object> got = new ArrayList<>();
            Received<Object> r;
            while ((r = a.receiveOrClosed()).ok()) {
                got.add(r.value()); // the buffered a1 stays receivable on the closed channel
            }
            for (int i = 0; i < 7; i++) {
                got.add(inbox.receive().payload());
            }
            return got;
        });
        assertThat(v).isEqualTo(List.of("a1", "b1", "b2", "a2", "a3", "b3", "a4", "b4"));
    }

    @Test
    void aClosedListenerWithQueuedItemsDropsOneAndTheRestFallBackToTheInbox() {
        Object v = node.exec(proc -> {
            Channel<Object> t = proc.listen("t");
            Channel<Message> inbox = proc.inbox();
            for (int i = 1; i <= 4; i++) {
                proc.send(proc.pid(), "t", "t" + i);
            }
            awaitPending(proc, 3); // t1 buffered, t2..t4 queued
            t.close();
            List<Object> got = new ArrayList<>();
            got.add(inbox.receive().payload());
            got.add(inbox.receive().payload());
            got.add(t.receiveOrClosed().value());
            got.add(t.receiveOrClosed().ok());
            got.add(t.isSubscribed());
            return got;
        });
        // As deliver always did: the next item routed to the closed channel (t2) is dropped.
        assertThat(v).isEqualTo(List.of("t3", "t4", "t1", false, false));
    }

    @Test
    void aClosedInboxWithQueuedItemsDropsOneAndKeepsTheRestUntilTheNextInbox() {
        Object v = node.exec(proc -> {
            Channel<Message> inbox = proc.inbox();
            for (int i = 1; i <= 3; i++) {
                proc.send(proc.pid(), "t", "m" + i);
            }
            Router r = awaitPending(proc, 3);
            inbox.close();
            r.routePending();
            int left = r.pendingCount();
            Channel<Message> again = proc.inbox();
            return List.of(left, again != inbox, again.receive().payload(), again.receive().payload());
        });
        assertThat(v).isEqualTo(List.of(2, true, "m2", "m3"));
    }

    @Test
    void newItemsNeverOvertakeQueuedOnesForTheSameChannel() {
        Object v = node.exec(proc -> {
            Channel<Message> inbox = proc.inbox();
            proc.events();
            List<Object> got = new ArrayList<>();
            int next = 0;
            for (int round = 0; round < 50; round++) {
                for (int k = 0; k < 3; k++) {
                    proc.send(proc.pid(), "t", next++);
                }
                awaitPending(proc, 1); // queued, then the receive below routes the newer ones
                got.add(inbox.receive().payload());
            }
            while (got.size() < next) {
                got.add(inbox.receive().payload());
            }
            return got;
        });
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            expected.add(i);
        }
        assertThat(v).isEqualTo(expected);
    }

    @Test
    void selectTakesTheOldestQueuedItemAcrossChannels() {
        Object v = node.exec(proc -> {
            Channel<Message> inbox = proc.inbox();
            Channel<Event> events = proc.events();
            Case<?>[] both = {inbox.receiveCase(), events.receiveCase()};
            List<Integer> got = new ArrayList<>();
            // message, EXIT, message; then EXIT, message, EXIT: select must follow arrival order
            for (boolean messageFirst : new boolean[] {true, false}) {
                for (int i = 0; i < 3; i++) {
                    if ((i % 2 == 0) == messageFirst) {
                        proc.send(proc.pid(), "t", i);
                    } else {
                        proc.spawnMonitored(p -> null);
                    }
                    awaitPending(proc, i + 1);
                }
                for (int i = 0; i < 3; i++) {
                    got.add(proc.select(both).index());
                }
            }
            return got;
        });
        assertThat(v).isEqualTo(List.of(0, 1, 0, 1, 0, 1));
    }

    @Test
    void eventsWaitUnroutedWhileTheInboxDrains_thenArriveInOrder() {
        Object v = node.exec(proc -> {
            Channel<Message> inbox = proc.inbox();
            Pid c1 = proc.spawnMonitored(p -> "one");
            awaitPending(proc, 1);
            for (int i = 0; i < 100; i++) {
                proc.send(proc.pid(), "t", i);
            }
            Pid c2 = proc.spawnMonitored(p -> "two");
            awaitPending(proc, 102);
            for (int i = 0; i < 100; i++) {
                assertThat(inbox.receive().payload()).isEqualTo(i);
            }
            Channel<Event> events = proc.events();
            Event e1 = events.receive();
            Event e2 = events.receive();
            return List.of(e1.from().equals(c1), e1.value(), e2.from().equals(c2), e2.value());
        });
        assertThat(v).isEqualTo(List.of(true, "one", true, "two"));
    }

    @Test
    void trapLinksOffSeesALinkDownQueuedBehindAnotherEvent() {
        Object v = node.exec(proc -> {
            Pid p = proc.spawnMonitored(q -> {
                q.trapLinks(true);
                q.events(); // subscribed, but nobody receives: both events wait in its queue
                q.spawnMonitored(c -> "fine");
                awaitPending(q, 1);
                q.spawnLinked(c -> {
                    throw new RuntimeException("child");
                });
                awaitPending(q, 2);
                q.trapLinks(false);
                return "survived";
            });
            Event e = proc.events().receive();
            return List.of(e.from().equals(p), String.valueOf(e.error()));
        });
        assertThat(v).isEqualTo(List.of(true, "linked process failed"));
    }
}
