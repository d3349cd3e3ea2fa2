package dev.trellis.core;

import java.time.Instant;

/** Something that gets told when a monitored process exits: a process (its EXIT event) or a future. */
interface Watcher {
    /**
     * Called once, on the exiting process's thread, after its names are released.
     *
     * @param from the exited process
     * @param at when it exited
     * @param result how it exited
     */
    void exited(Pid from, Instant at, Result result);
}
