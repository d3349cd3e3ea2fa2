package dev.trellis.runtime.lua;

import dev.trellis.core.Event;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.ProcessBody;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A process started from outside any process, with a race-free way to wait for its EXIT: a small
 * Java watcher process on the control host spawns it monitored and completes {@link #exit()}.
 *
 * <pre>{@code
 * Watched w = Watched.spawn(node, "app:processes", program, args);
 * Event exit = w.exit().get(30, TimeUnit.SECONDS);
 * }</pre>
 *
 * <p>Thread-safe: the futures are completed once by the watcher.
 *
 * @param pid the process
 * @param exit completed with its EXIT event
 */
public record Watched(Pid pid, CompletableFuture<Event> exit) {

    /** The host of runtime-internal processes (watchers and service supervisors). */
    public static final String CONTROL_HOST = "node:control";

    /**
     * Spawns {@code body} on {@code host} under a watcher.
     *
     * @throws dev.trellis.core.ProcessException when the spawn fails (host unknown or stopping)
     */
    public static Watched spawn(Node node, String host, ProcessBody body, Object... args) {
        CompletableFuture<Pid> started = new CompletableFuture<>();
        CompletableFuture<Event> exit = new CompletableFuture<>();
        node.spawner().on(CONTROL_HOST).spawn(proc -> {
            Pid child;
            try {
                child = proc.spawner().on(host).monitored().spawn(body, args);
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
                return null;
            }
            started.complete(child);
            while (true) {
                Event e = proc.events().receive();
                if (e.kind() == Event.Kind.EXIT && e.from().equals(child)) {
                    exit.complete(e);
                    return null;
                }
            }
        });
        try {
            return new Watched(started.get(), exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while spawning", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
