package dev.trellis.core;

import java.util.HashSet;

/**
 * Monitors: one-way watches kept on the watched process ({@code ProcessCell.watchers}, guarded by that
 * cell's lock). The lock also guards the cell's {@code dead} flag, so a monitor racing the target's
 * exit either sees it dead ("pid not registered: {pid}") or is in the set the exit snapshots (and gets
 * exactly one EXIT): never neither, never both.
 */
final class Monitors {
    private Monitors() {
    }

    /**
     * {@return the message for a watch or link of a dead process: Wippy's leading words, then the pid}
     *
     * <pre>{@code
     * Monitors.notRegistered(pid);   // "pid not registered: {app:processes|0x00012}"
     * }</pre>
     */
    static String notRegistered(Pid pid) {
        return "pid not registered: " + pid;
    }

    /**
     * Adds {@code watcher} to {@code target}'s watchers.
     *
     * @throws ProcessException NOT_FOUND "pid not registered: {pid}" if the target is dead,
     *     ALREADY_EXISTS "already monitoring pid" if already watching
     */
    static void add(ProcessCell target, Watcher watcher) {
        synchronized (target) {
            if (target.dead) {
                throw new ProcessException(ErrorKind.NOT_FOUND, notRegistered(target.pid));
            }
            if (target.watchers == null) {
                target.watchers = new HashSet<>(4);
            }
            if (!target.watchers.add(watcher)) {
                throw new ProcessException(ErrorKind.ALREADY_EXISTS, "already monitoring pid");
            }
        }
    }

    /** Removes {@code watcher} from {@code target}'s watchers; no-op if absent or dead. */
    static void remove(ProcessCell target, Watcher watcher) {
        synchronized (target) {
            if (target.watchers != null) {
                target.watchers.remove(watcher);
            }
        }
    }
}
