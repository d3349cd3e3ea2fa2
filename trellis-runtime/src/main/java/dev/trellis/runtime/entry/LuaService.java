package dev.trellis.runtime.entry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A {@code process.service}: a {@code process.lua} run on a host under supervision — started at
 * boot if {@code auto_start}, restarted with backoff when it fails, cancelled on stop.
 *
 * <pre>{@code
 * - name: worker                   # id app:worker
 *   kind: process.service
 *   process: app:worker_process    # a process.lua; a bare name means this namespace
 *   host: app:processes            # a process.host (required)
 *   input: ["arg1", 2]             # each element is one argument of main(...); default none
 *   lifecycle:
 *     auto_start: true
 *     restart: {initial_delay: 1s, max_attempts: 5}
 * }</pre>
 *
 * <p>{@link #input()} holds YAML values ({@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code List}, {@code Map}, {@code null}).
 */
public record LuaService(EntryId id, Meta meta, Location location, EntryId process, EntryId host,
                         List<Object> input, Lifecycle lifecycle) implements LifecycleEntry {

    public LuaService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(lifecycle, "lifecycle");
        input = Collections.unmodifiableList(new ArrayList<>(input));   // YAML null elements are allowed
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PROCESS_SERVICE;
    }

    @Override
    public List<EntryId> dependencies() {
        List<EntryId> dependencies = new ArrayList<>();
        dependencies.add(host);
        dependencies.addAll(lifecycle.requires());
        return List.copyOf(dependencies);
    }
}
