package dev.trellis.runtime.entry;

import dev.trellis.core.supervision.AutoShutdown;
import dev.trellis.core.supervision.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code process.supervisor}: an OTP supervisor with a fixed list of children, declared in YAML.
 *
 * <pre>{@code
 * - name: queue_sup
 *   kind: process.supervisor
 *   host: app:processes            # where it runs; its children default to it
 *   strategy: one_for_one          # one_for_one | one_for_all | rest_for_one (required)
 *   max_restarts: 3                # at most 3 restarts ...
 *   max_seconds: 5                 # ... in 5 seconds, or it stops its children and exits
 *   auto_shutdown: never           # never | any_significant | all_significant
 *   name: queue_sup                # optional registered name
 *   children:
 *     - process: app:simple_queue  # see SupervisedChild
 *       args: [[1, 2, 3]]
 *   lifecycle: { auto_start: true }
 * }</pre>
 *
 * @param period the intensity window ({@code max_seconds})
 */
public record SupervisorEntry(EntryId id, Meta meta, Location location, Optional<EntryId> host, Strategy strategy,
                              int maxRestarts, Duration period, AutoShutdown autoShutdown, Optional<String> name,
                              List<SupervisedChild> children, Lifecycle lifecycle) implements SupervisionEntry {

    public SupervisorEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(autoShutdown, "autoShutdown");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lifecycle, "lifecycle");
        children = List.copyOf(children);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PROCESS_SUPERVISOR;
    }

    @Override
    public SupervisorEntry onHost(EntryId host) {
        return new SupervisorEntry(id, meta, location, Optional.of(host), strategy, maxRestarts, period, autoShutdown,
                name, children, lifecycle);
    }
}
