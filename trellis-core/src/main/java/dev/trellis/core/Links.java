package dev.trellis.core;

import java.util.HashSet;

/**
 * Links: symmetric sets kept on both processes ({@code ProcessCell.links}, each guarded by its cell's
 * lock). Linking takes both locks in uniq-id order, so it cannot deadlock and it cannot race an exit:
 * either it sees a dead side ("pid not registered: {pid}") or the exit's snapshot contains the new link.
 */
final class Links {
    private Links() {
    }

    /**
     * Links {@code a} and {@code b}; linking twice (or to oneself) is a no-op.
     *
     * @throws ProcessException NOT_FOUND "pid not registered: {pid}" if either side is dead
     */
    static void link(ProcessCell a, ProcessCell b) {
        if (a == b) {
            return;
        }
        ProcessCell first = a.pid.id() < b.pid.id() ? a : b;
        ProcessCell second = first == a ? b : a;
        synchronized (first) {
            synchronized (second) {
                if (a.dead || b.dead) {
                    throw new ProcessException(ErrorKind.NOT_FOUND, Monitors.notRegistered(a.dead ? a.pid : b.pid));
                }
                if (a.links == null) {
                    a.links = new HashSet<>(4);
                }
                if (b.links == null) {
                    b.links = new HashSet<>(4);
                }
                a.links.add(b);
                b.links.add(a);
            }
        }
    }

    /** Removes the link in both directions; always succeeds. */
    static void unlink(ProcessCell a, ProcessCell b) {
        ProcessCell first = a.pid.id() < b.pid.id() ? a : b;
        ProcessCell second = first == a ? b : a;
        synchronized (first) {
            synchronized (second) {
                if (a.links != null) {
                    a.links.remove(b);
                }
                if (b.links != null) {
                    b.links.remove(a);
                }
            }
        }
    }

    /** Drops {@code dead} from {@code peer}'s links (one lock: the dead side already cleared its set). */
    static void dropPeer(ProcessCell peer, ProcessCell dead) {
        synchronized (peer) {
            if (peer.links != null) {
                peer.links.remove(dead);
            }
        }
    }
}
