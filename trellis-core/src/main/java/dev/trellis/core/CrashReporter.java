package dev.trellis.core;

import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * Receives the {@link CrashReport} of every process failure that nothing else handles. The node's
 * default logs each report at ERROR through {@link System.Logger} (logger name
 * {@code dev.trellis.crash}), at most {@value #DEFAULT_PER_SECOND} a second; with
 * {@code org.slf4j:slf4j-jdk-platform-logging} on the class path that logger is SLF4J's.
 *
 * <pre>{@code
 * Node quiet = Node.builder().crashReporter(CrashReporter.none()).start();
 * Node own = Node.builder()
 *         .crashReporter(CrashReporter.rateLimited(r -> System.err.println(r.format()), 5))
 *         .start();
 * }</pre>
 *
 * <p>Called on the thread of the process that failed, while it exits: an implementation must be
 * thread-safe and quick, and must not block on other processes. What it throws is ignored.
 */
@FunctionalInterface
public interface CrashReporter {

    /** How many reports a second the default reporter lets through. */
    int DEFAULT_PER_SECOND = 10;

    /**
     * Handles one report.
     *
     * @param report the failure
     */
    void report(CrashReport report);

    /**
     * Writes out whatever is still held back (a rate limiter's count of suppressed reports). The
     * node calls it when it stops.
     */
    default void flush() {
    }

    /** {@return a reporter that drops every report} */
    static CrashReporter none() {
        return report -> { };
    }

    /** {@return the node's default: {@link System.Logger} {@code dev.trellis.crash} at ERROR, rate-limited} */
    static CrashReporter systemLogger() {
        System.Logger log = System.getLogger("dev.trellis.crash");
        return rateLimited(report -> log.log(Level.ERROR, report.format()), DEFAULT_PER_SECOND,
                suppressed -> log.log(Level.ERROR, suppressed));
    }

    /**
     * Lets at most {@code perSecond} reports a second through to {@code target}; the rest are
     * counted, and the count is written to standard error as one line ({@code crash: 1234 more
     * crash reports suppressed…}) before the next report that gets through, or on {@link #flush()}.
     *
     * @param target where reports go
     * @param perSecond the limit, >= 1
     * @return the limited reporter
     */
    static CrashReporter rateLimited(CrashReporter target, int perSecond) {
        return rateLimited(target, perSecond, System.err::println);
    }

    /**
     * Like {@link #rateLimited(CrashReporter, int)}, with the suppressed-count line sent to
     * {@code suppressedLine}.
     *
     * @param target where reports go
     * @param perSecond the limit, >= 1
     * @param suppressedLine receives the suppressed-count line
     * @return the limited reporter
     */
    static CrashReporter rateLimited(CrashReporter target, int perSecond, Consumer<String> suppressedLine) {
        return new RateLimitedCrashReporter(target, perSecond, suppressedLine, System::nanoTime);
    }
}
