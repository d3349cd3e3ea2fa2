package dev.trellis.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.Node;
import dev.trellis.core.Ticker;
import dev.trellis.core.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Channels, select and timers inside real processes (docs/process-model.md, Channels, select and
 * timers).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ChannelTest {
    private final Node node = Node.builder().host("h", 2).shutdownTimeout(Duration.ofMillis(300)).start();

    @AfterEach
    void stop() {
        node.stop();
    }

    @Test
    void bufferedChannelIsFifoAndReportsReadiness() {
        node.exec(proc -> {
            Channel<Integer> ch = proc.channel(2);
            assertThat(ch.isSendReady()).isTrue();
            assertThat(ch.isReceiveReady()).isFalse();
            assertThat(ch.trySend(1)).isTrue();
            assertThat(ch.trySend(2)).isTrue();
            assertThat(ch.trySend(3)).isFalse();
            assertThat(ch.size()).isEqualTo(2);
            assertThat(ch.receive()).isEqualTo(1);
            assertThat(ch.receive()).isEqualTo(2);
            assertThat(ch.tryReceive()).isNull();
            return null;
        });
    }

    @Test
    void anAbandonedReceiverIsSkippedAndTheValueStaysForTheNextOne() {
        node.exec(proc -> {
            Channel<String> ch = proc.channel(1);
            Waiter gone = new Waiter() {
                @Override
                protected void onComplete() {
                    throw new AssertionError("an abandoned waiter must not complete");
                }
            };
            ch.parkReceiver(gone, 0);
            assertThat(ch.isSendReady()).isTrue();
            gone.abandon();
            assertThat(gone.isDone()).isTrue();
            assertThat(ch.trySend("kept")).isTrue();     // buffered, not handed to the abandoned waiter
            assertThat(ch.size()).isEqualTo(1);
            assertThat(ch.receive()).isEqualTo("kept");
            // in a select, every slot of the abandoned waiter is skipped
            Channel<String> other = proc.channel(0);
            Waiter sel = new Waiter();
            ch.parkReceiver(sel, 0);
            other.parkReceiver(sel, 1);
            sel.abandon();
            assertThat(other.trySend("x")).isFalse();    // unbuffered: no live receiver any more
            return null;
        });
    }

    @Test
    void unbufferedChannelNeedsAParkedPartner() {
        node.exec(proc -> {
            Channel<String> ch = proc.channel(0);
            assertThat(ch.trySend("x")).isFalse();
            Waiter w = new Waiter();
            ch.parkReceiver(w, 7);
            assertThat(ch.isSendReady()).isTrue();
            assertThat(ch.trySend("x")).isTrue();
            assertThat(w.isDone()).isTrue();
            assertThat(w.index()).isEqualTo(7);
            assertThat(w.value()).isEqualTo("x");
            // a parked sender makes the channel receive-ready
            Waiter s = new Waiter();
            ch.parkSender(s, 0, "y");
            assertThat(ch.isReceiveReady()).isTrue();
            assertThat(ch.tryReceive()).isEqualTo(new Received<>("y", true));
            assertThat(s.isDone()).isTrue();
            return null;
        });
    }

    @Test
    void nullValuesAreValues() {
        node.exec(proc -> {
            Channel<String> ch = proc.channel(1);
            ch.send(null);
            assertThat(ch.receiveOrClosed()).isEqualTo(new Received<>(null, true));
            return null;
        });
    }

    @Test
    void closeWakesParkedReceiversAndFailsParkedSenders() {
        node.exec(proc -> {
            Channel<String> ch = proc.channel(0);
            Waiter r = new Waiter();
            Waiter s = new Waiter();
            ch.parkReceiver(r, 0);
            Channel<String> other = proc.channel(0);
            other.parkSender(s, 0, "v");
            ch.close();
            other.close();
            assertThat(r.isDone()).isTrue();
            assertThat(r.ok()).isFalse();
            assertThat(s.sendClosed()).isTrue();
            return null;
        });
    }

    @Test
    void selectWithSendCasesAndPriority() {
        node.exec(proc -> {
            Channel<Integer> full = proc.channel(1);
            full.send(0);
            Channel<Integer> room = proc.channel(1);
            Selected s = proc.select(full.sendCase(1), room.sendCase(2));
            assertThat(s.channel()).isSameAs(room);
            assertThat((Integer) s.value()).isEqualTo(2);
            assertThat(s.index()).isEqualTo(1);
            // a send case on a closed channel is not ready
            Channel<Integer> closed = proc.channel(1);
            closed.close();
            assertThat(proc.trySelect(closed.sendCase(1)).isDefault()).isTrue();
            return null;
        });
    }

    @Test
    void selectTimesOutWithAfter() {
        node.exec(proc -> {
            Channel<Integer> never = proc.channel(0);
            Channel<Instant> timeout = proc.after(Duration.ofMillis(10));
            Selected s = proc.select(never.receiveCase(), timeout.receiveCase());
            assertThat(s.channel()).isSameAs(timeout);
            assertThat(s.ok()).isTrue();
            // the losing case was withdrawn: a later send does not complete a stale waiter
            assertThat(never.trySend(1)).isFalse();
            return null;
        });
    }

    @Test
    void tickerDeliversAndDropsWhenFull() {
        node.exec(proc -> {
            Ticker t = proc.ticker(Duration.ofMillis(1));
            assertThat(t.channel()).isSameAs(t.channel());
            assertThat(t.channel().capacity()).isEqualTo(16);
            t.channel().receive();
            proc.sleep(Duration.ofMillis(60)); // >16 periods while nobody reads
            assertThat(t.channel().size()).isLessThanOrEqualTo(16);
            t.stop();
            t.stop();
            List<Instant> drained = new ArrayList<>();
            Received<Instant> r;
            while ((r = t.channel().receiveOrClosed()).ok()) {
                drained.add(r.value());
            }
            assertThat(drained.size()).isLessThanOrEqualTo(16);
            return null;
        });
    }

    @Test
    void timerFiresOnce_stopAndReset() {
        node.exec(proc -> {
            Timer t = proc.timer(Duration.ofMillis(5));
            assertThat(t.channel().receiveOrClosed().ok()).isTrue();
            assertThat(t.stop()).isFalse(); // already fired
            Timer u = proc.timer(Duration.ofHours(1));
            assertThat(u.reset(Duration.ofMillis(5))).isTrue();
            assertThat(u.channel().receive()).isNotNull();
            Timer v = proc.timer(Duration.ofHours(1));
            assertThat(v.stop()).isTrue();
            assertThat(v.channel().receiveOrClosed().ok()).isFalse();
            assertThatThrownBy(() -> v.reset(Duration.ofMillis(1))).isInstanceOf(IllegalStateException.class);
            return null;
        });
    }

    @Test
    void cooperativeLayer_waiterHookAndOwnerSteps() {
        Object v = node.exec(proc -> {
            ChannelOwner owner = proc.owner();
            Channel<dev.trellis.core.Message> inbox = proc.inbox();
            List<String> log = new ArrayList<>();
            Waiter w = new Waiter() {
                @Override
                protected void onComplete() {
                    log.add("runnable");
                }
            };
            inbox.parkReceiver(w, 0);
            proc.send(proc.pid(), "x", "payload");
            owner.routePending();
            if (!w.isDone()) {
                owner.awaitMailbox();
            }
            assertThat(w.isDone()).isTrue();
            return log + ":" + ((dev.trellis.core.Message) w.value()).payload();
        });
        assertThat(v).isEqualTo("[runnable]:payload");
    }

    @Test
    void badArguments() {
        node.exec(proc -> {
            assertThatThrownBy(() -> proc.channel(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("capacity");
            assertThatThrownBy(() -> proc.after(Duration.ZERO)).hasMessageContaining("duration");
            assertThatThrownBy(() -> proc.after(Duration.ofMillis(-1))).hasMessageContaining("duration");
            assertThatThrownBy(() -> proc.sleep(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("duration");
            assertThatThrownBy(() -> proc.sleep(Duration.ofMillis(-5))).hasMessageContaining("duration");
            assertThatThrownBy(() -> proc.ticker(Duration.ZERO)).hasMessageContaining("duration");
            assertThatThrownBy(() -> proc.timer(null)).hasMessageContaining("duration");
            assertThatThrownBy(() -> proc.select((Case<?>[]) null)).hasMessageContaining("cases");
            assertThatThrownBy(() -> proc.select(new Case<?>[] {null})).hasMessageContaining("cases[0]");
            assertThatThrownBy(() -> new Case<>(null, false, null)).hasMessageContaining("channel");
            assertThatThrownBy(() -> Channel.create(null, 0)).hasMessageContaining("owner");
            return null;
        });
    }
}
