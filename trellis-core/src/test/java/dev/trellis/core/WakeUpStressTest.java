package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mailbox's wake-up protocol (yield, then the parked handshake) under request/response traffic
 * with random pauses on both sides, so that replies land before, during and after the receiver's
 * yield and park. A lost wake-up leaves a pair waiting forever: the timeout fails the test.
 */
class WakeUpStressTest {
    private final Node node = Node.builder().shutdownTimeout(Duration.ofSeconds(2)).start();

    @AfterEach
    void stop() {
        node.stop();
        assertThat(node.processCount()).isZero();
    }

    /** Busy-waits up to a few microseconds, sleeps now and then, or goes on at once. */
    private static void pause(Proc proc, SplittableRandom rnd) {
        int dice = rnd.nextInt(16);
        if (dice == 0) {
            proc.sleep(Duration.ofNanos(rnd.nextLong(1, 200_000)));
        } else if (dice < 6) {
            long until = System.nanoTime() + rnd.nextLong(1, 5_000);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        } else if (dice < 8) {
            Thread.yield();
        }
    }

    private static final ProcessBody ECHO = proc -> {
        SplittableRandom rnd = new SplittableRandom(proc.pid().id());
        var inbox = proc.inbox();
        int served = 0;
        for (;;) {
            Message m = inbox.receive();
            if (m.topic().equals("stop")) {
                return served;
            }
            pause(proc, rnd);
            proc.send(m.from(), "pong", m.payload());
            served++;
        }
    };

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void manyPairsPingPongWithRandomPauses() throws Exception {
        int pairs = 16;
        int roundTrips = 3_000;
        for (int rep = 0; rep < 5; rep++) {
            pingPongRound(pairs, roundTrips);
        }
    }

    private void pingPongRound(int pairs, int roundTrips) throws Exception {
        List<CompletableFuture<Event>> drivers = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            drivers.add(node.spawnWatched(proc -> {
                SplittableRandom rnd = new SplittableRandom(proc.pid().id() * 31);
                Pid echo = proc.spawn(ECHO);
                var inbox = proc.inbox();
                for (int i = 0; i < roundTrips; i++) {
                    proc.send(echo, "ping", i);
                    if (rnd.nextBoolean()) {
                        pause(proc, rnd);
                    }
                    Message m = inbox.receive();
                    if (!Integer.valueOf(i).equals(m.payload())) {
                        throw new AssertionError("round trip " + i + " got " + m.payload());
                    }
                }
                proc.send(echo, "stop");
                return roundTrips;
            }).exit());
        }
        for (CompletableFuture<Event> d : drivers) {
            Event exit = d.get(20, TimeUnit.SECONDS);
            assertThat(exit.isError()).as("driver failed: %s", exit).isFalse();
            assertThat(exit.value()).isEqualTo(roundTrips);
        }
        Await.noProcesses(node);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void burstsToOneReceiverFromManySenders() throws Exception {
        int senders = 8;
        int bursts = 500;
        int perBurst = 4;
        Node.Watched sink = node.spawnWatched(proc -> {
            var inbox = proc.inbox();
            int[] next = new int[senders];
            SplittableRandom rnd = new SplittableRandom(7);
            for (int i = 0; i < senders * bursts * perBurst; i++) {
                Message m = inbox.receive();
                int[] v = (int[]) m.payload();
                if (v[1] != next[v[0]]) {
                    throw new AssertionError("sender " + v[0] + ": expected " + next[v[0]] + ", got " + v[1]);
                }
                next[v[0]]++;
                if ((i & 63) == 0) {
                    pause(proc, rnd);
                }
            }
            return "ok";
        });
        Pid sinkPid = sink.pid();
        for (int s = 0; s < senders; s++) {
            int id = s;
            node.spawn(proc -> {
                SplittableRandom rnd = new SplittableRandom(id);
                int seq = 0;
                for (int b = 0; b < bursts; b++) {
                    for (int k = 0; k < perBurst; k++) {
                        proc.send(sinkPid, "n", (Object) new int[] {id, seq++});
                    }
                    pause(proc, rnd);
                }
                return null;
            });
        }
        Event exit = sink.exit().get(100, TimeUnit.SECONDS);
        assertThat(exit.isError()).as("sink failed: %s", exit).isFalse();
        Await.noProcesses(node);
    }
}
