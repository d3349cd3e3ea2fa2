package dev.trellis.runtime.boot;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM as a request to stop gracefully, so that {@code trellis run} can stop its
 * app and exit 0.
 *
 * <pre>{@code
 * try (StopSignals signals = StopSignals.install()) {
 *     String which = signals.await();      // "SIGINT" or "SIGTERM"
 *     app.stop();                          // a second signal now ends the JVM at once
 * }
 * return ExitCode.OK;
 * }</pre>
 *
 * <p>Why not a shutdown hook: once a signal has started the JVM's shutdown, the exit status is the
 * signal's (130, 143) whatever {@code main} returns, and {@code System.exit} blocks. Handling the
 * signal instead leaves the JVM running until the stop is complete. After the first signal the
 * previous (default) handlers are put back, so a second Ctrl-C during a slow stop ends the JVM
 * at once with 130, as users expect. Where the JVM has no such signal (another OS, or {@code -Xrs}),
 * a shutdown hook takes its place, with the JVM's exit status.
 *
 * <p>Thread-safety: the handlers run on the JVM's signal thread and only count down a latch.
 */
final class StopSignals implements AutoCloseable {

    private static final String[] SIGNALS = {"INT", "TERM"};

    /** Completed by the first signal with its name. */
    private final CompletableFuture<String> received = new CompletableFuture<>();
    private final SignalHandler[] previous = new SignalHandler[SIGNALS.length];
    /** Set when a signal could not be handled: the stop then happens inside the JVM's shutdown. */
    private Thread hook;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private StopSignals() {
    }

    /** Starts handling SIGINT and SIGTERM. */
    static StopSignals install() {
        StopSignals s = new StopSignals();
        for (int i = 0; i < SIGNALS.length; i++) {
            String name = SIGNALS[i];
            try {
                s.previous[i] = Signal.handle(new Signal(name), sig -> s.onSignal(name));
            } catch (IllegalArgumentException unavailable) {
                s.installHook();
            }
        }
        return s;
    }

    private void onSignal(String name) {
        if (received.complete("SIG" + name)) {
            restore();
        }
    }

    private synchronized void installHook() {
        if (hook != null) {
            return;
        }
        hook = new Thread(() -> {
            received.complete("JVM shutdown");
            try {
                stopped.await(60, TimeUnit.SECONDS);   // let the stop finish before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trellis-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits for the first signal; returns its name ({@code "SIGINT"}, {@code "SIGTERM"}, or {@code "JVM shutdown"}). */
    String await() throws InterruptedException {
        try {
            return received.get();
        } catch (java.util.concurrent.ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@return a future completed by the first signal with its name, to wait for it beside other things} */
    CompletableFuture<String> received() {
        return received;
    }

    /** Puts the previous handlers back (done by the first signal already), and releases a waiting hook. */
    @Override
    public void close() {
        restore();
        stopped.countDown();
    }

    private synchronized void restore() {
        for (int i = 0; i < SIGNALS.length; i++) {
            if (previous[i] != null) {
                try {
                    Signal.handle(new Signal(SIGNALS[i]), previous[i]);
                } catch (IllegalArgumentException ignored) {
                    // the signal is not available here: nothing to restore
                }
                previous[i] = null;
            }
        }
    }
}
