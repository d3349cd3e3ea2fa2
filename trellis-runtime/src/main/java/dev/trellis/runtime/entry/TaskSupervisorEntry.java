package dev.trellis.runtime.entry;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code process.task_supervisor}: an OTP Task.Supervisor, which runs tasks started at run time
 * ({@code task.start_child} and {@code task.async_nolink} in Lua) as temporary children.
 *
 * <pre>{@code
 * - name: jobs
 *   kind: process.task_supervisor
 *   host: app:processes
 *   max_children: 10         # default: no limit
 *   name: jobs
 *   lifecycle: { auto_start: true }
 * }</pre>
 *
 * @param maxChildren the most tasks it runs at once ({@code Integer.MAX_VALUE}: no limit)
 */
public record TaskSupervisorEntry(EntryId id, Meta meta, Location location, Optional<EntryId> host, int maxChildren,
                                  Optional<String> name, Lifecycle lifecycle) implements SupervisionEntry {

    public TaskSupervisorEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PROCESS_TASK_SUPERVISOR;
    }

    @Override
    public TaskSupervisorEntry onHost(EntryId host) {
        return new TaskSupervisorEntry(id, meta, location, Optional.of(host), maxChildren, name, lifecycle);
    }
}
