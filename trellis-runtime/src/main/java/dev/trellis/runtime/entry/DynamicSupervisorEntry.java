package dev.trellis.runtime.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code process.dynamic_supervisor}: an OTP DynamicSupervisor, which starts with no children
 * and is given them at run time ({@code supervisor.start_child} in Lua).
 *
 * <pre>{@code
 * - name: rooms
 *   kind: process.dynamic_supervisor
 *   host: app:processes
 *   max_children: 100        # default: no limit
 *   max_restarts: 3          # default 3 in 5 s
 *   max_seconds: 5
 *   extra_args: ["lobby"]    # put before each child's own arguments
 *   name: rooms
 *   lifecycle: { auto_start: true }
 * }</pre>
 *
 * @param maxChildren the most children it runs at once ({@code Integer.MAX_VALUE}: no limit)
 * @param extraArgs YAML values put before each child's own arguments
 */
public record DynamicSupervisorEntry(EntryId id, Meta meta, Location location, Optional<EntryId> host,
                                     int maxChildren, int maxRestarts, Duration period, List<Object> extraArgs,
                                     Optional<String> name, Lifecycle lifecycle) implements SupervisionEntry {

    public DynamicSupervisorEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lifecycle, "lifecycle");
        extraArgs = Collections.unmodifiableList(new ArrayList<>(extraArgs));
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PROCESS_DYNAMIC_SUPERVISOR;
    }

    @Override
    public DynamicSupervisorEntry onHost(EntryId host) {
        return new DynamicSupervisorEntry(id, meta, location, Optional.of(host), maxChildren, maxRestarts, period,
                extraArgs, name, lifecycle);
    }
}
