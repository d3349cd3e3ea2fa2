package dev.trellis.core;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline (polling; for conditions no event reports, e.g. process counts). */
final class Await {
    private Await() {
    }

    static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static void noProcesses(Node node) {
        until(() -> node.processCount() == 0, Duration.ofSeconds(30),
                "process count to return to 0 (now " + node.processCount() + ")");
    }
}
