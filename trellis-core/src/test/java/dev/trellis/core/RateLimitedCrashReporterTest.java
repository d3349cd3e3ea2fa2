package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RateLimitedCrashReporterTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> out = new CopyOnWriteArrayList<>();

    private static CrashReport report(int i) {
        return new CrashReport(new Pid("", "main", i + 1), null, ProcessError.of(ErrorKind.INTERNAL, "e" + i), null, Instant.EPOCH);
    }

    private RateLimitedCrashReporter limiter(int perSecond) {
        return new RateLimitedCrashReporter(r -> out.add(r.error().message()), perSecond, out::add, now::get);
    }

    @Test
    void passesTheFirstNOfAWindowThenCountsTheRest() {
        RateLimitedCrashReporter limiter = limiter(3);
        for (int i = 0; i < 10; i++) {
            limiter.report(report(i));
        }
        assertThat(out).containsExactly("e0", "e1", "e2");
        now.addAndGet(1_000_000_000L);
        limiter.report(report(10));
        assertThat(out).containsExactly("e0", "e1", "e2",
                "crash: 7 more crash reports suppressed (at most 3 a second are shown)", "e10");
    }

    @Test
    void flushHandsOnWhatIsStillCountedOnce() {
        RateLimitedCrashReporter limiter = limiter(1);
        limiter.report(report(0));
        limiter.report(report(1));
        limiter.flush();
        limiter.flush();
        assertThat(out).containsExactly("e0", "crash: 1 more crash report suppressed (at most 1 a second are shown)");
    }

    @Test
    void rejectsANonPositiveLimit() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CrashReporter.rateLimited(r -> { }, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("perSecond must be >= 1, got 0");
    }

    /** Many threads at once, the window moving under them: every report is shown or counted, exactly once. */
    @Test
    void underConcurrencyEveryReportIsShownOrCountedExactlyOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            out.clear();
            RateLimitedCrashReporter limiter = limiter(5);
            int threads = 8;
            int each = 500;
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger id = new AtomicInteger();
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ts.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    for (int i = 0; i < each; i++) {
                        if ((i & 63) == 0) {
                            now.addAndGet(400_000_000L);
                        }
                        limiter.report(report(id.getAndIncrement()));
                    }
                }));
            }
            go.countDown();
            for (Thread t : ts) {
                t.join();
            }
            limiter.flush();
            Pattern suppressed = Pattern.compile("crash: (\\d+) more crash reports? suppressed.*");
            long shown = 0;
            long counted = 0;
            for (String line : out) {
                Matcher m = suppressed.matcher(line);
                if (m.matches()) {
                    counted += Long.parseLong(m.group(1));
                } else {
                    shown++;
                }
            }
            assertThat(shown + counted).isEqualTo((long) threads * each);
        }
    }
}
