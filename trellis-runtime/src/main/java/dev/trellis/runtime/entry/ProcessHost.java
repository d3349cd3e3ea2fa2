package dev.trellis.runtime.entry;

import java.util.List;
import java.util.Objects;

/**
 * A {@code process.host}: a scheduler that runs processes, at most {@code workers} at once.
 *
 * <pre>{@code
 * - name: processes            # id app:processes
 *   kind: process.host
 *   host:
 *     workers: 16              # default: the number of CPUs
 *     queue_size: 1024         # Wippy's run-queue sizes: validated, then ignored (a Trellis
 *     local_queue_size: 256    # process is a virtual thread; a host has no run queue to size)
 *   lifecycle:
 *     auto_start: true         # spawning on a host that is not running fails
 * }</pre>
 */
public record ProcessHost(EntryId id, Meta meta, Location location, int workers, Lifecycle lifecycle)
        implements LifecycleEntry {

    /**
     * The host of the runtime's own processes (watchers, service supervisors). Wippy reserves this
     * id for supervisor pids; no entry may name it as its host.
     */
    public static final EntryId CONTROL_HOST = new EntryId("node", "control");

    /** The default of {@code host.workers}: the number of CPUs of this machine. */
    public static int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    public ProcessHost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(lifecycle, "lifecycle");
        requirePositive(workers, "host.workers");
    }

    private static void requirePositive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be greater than 0, got " + value);
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PROCESS_HOST;
    }

    @Override
    public List<EntryId> dependencies() {
        return lifecycle.requires();
    }
}
