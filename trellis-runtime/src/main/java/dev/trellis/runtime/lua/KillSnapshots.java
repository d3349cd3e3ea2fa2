package dev.trellis.runtime.lua;

import dev.trellis.core.Pid;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where a Lua process was when it was killed, for whoever asked just before killing it: a test
 * runner that terminates a test after its timeout reports what the test was waiting on.
 *
 * <pre>{@code
 * CompletableFuture<String> where = runtime.killSnapshots().expect(pid);
 * node.terminate(pid);
 * watched.exit().join();
 * where.getNow(null);   // "waiting: stack traceback:\n\ttests/t.lua:3: in function <tests/t.lua:1>\n\t..."
 * runtime.killSnapshots().forget(pid);
 * }</pre>
 *
 * <p>The killed process takes the snapshot on its own thread as the kill unwinds it, while its Lua
 * stack is still intact (the only place where reading that stack is safe), and only when someone
 * expects it: a kill nobody asked about costs one lookup in an empty map.
 *
 * <p>Thread-safe: a concurrent map of futures; each expectation is completed at most once, before
 * the process's EXIT is sent.
 */
public final class KillSnapshots {

    private final ConcurrentHashMap<Pid, CompletableFuture<String>> expected = new ConcurrentHashMap<>();

    /** {@return a future completed with the snapshot when {@code pid} is next killed} */
    public CompletableFuture<String> expect(Pid pid) {
        return expected.computeIfAbsent(pid, p -> new CompletableFuture<>());
    }

    /** Drops the expectation for {@code pid} (it ended on its own, or the snapshot was read). */
    public void forget(Pid pid) {
        expected.remove(pid);
    }

    /** Called by a process being killed: computes the snapshot if anyone expects one. */
    void offer(Pid pid, Supplier<String> snapshot) {
        CompletableFuture<String> f = expected.remove(pid);
        if (f != null) {
            String text;
            try {
                text = snapshot.get();
            } catch (RuntimeException e) {
                text = null; // a diagnostic must never fail the kill
            }
            f.complete(text);
        }
    }
}
