package dev.trellis.core;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** A monitor held from outside any process ({@link Node#watch}): completes with the EXIT event. */
final class ExitWatch extends CompletableFuture<Event> implements Watcher {
    @Override
    public void exited(Pid from, Instant at, Result result) {
        complete(Event.exit(Event.Kind.EXIT, from, at, result));
    }
}
