package dev.trellis.runtime.entry;

import dev.trellis.core.supervision.Restart;
import dev.trellis.core.supervision.Shutdown;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One child of a {@code process.supervisor} entry (or of a spec given to {@code supervisor.start}
 * in Lua): the entry it runs and how it is restarted and stopped.
 *
 * <pre>{@code
 * children:
 *   - id: queue                  # default: the name of the entry it runs
 *     process: app:simple_queue  # a process.lua, or a supervisor entry (a nested tree)
 *     args: [[1, 2, 3]]          # main's arguments
 *     restart: permanent         # permanent | transient | temporary
 *     shutdown: 5s               # brutal_kill | a duration | infinity
 *     significant: false
 *     name: simple_queue         # registered under this name on each start
 *     host: app:workers          # default: the supervisor's host
 * }</pre>
 *
 * @param id the child's id, unique among its supervisor's children
 * @param process the entry it runs
 * @param args YAML (or exported Lua) values, one per argument of main; elements may be null
 * @param restart its restart type
 * @param shutdown how it is stopped; empty for its type's default (5 s for a worker, infinity for a
 *        supervisor)
 * @param significant whether its exit may stop the supervisor (auto_shutdown)
 * @param name the name it is registered under on each start, if any
 * @param host the host it runs on, if not its supervisor's
 * @param location where it is declared
 */
public record SupervisedChild(String id, EntryId process, List<Object> args, Restart restart,
                              Optional<Shutdown> shutdown, boolean significant, Optional<String> name,
                              Optional<EntryId> host, Location location) {

    public SupervisedChild {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(shutdown, "shutdown");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(location, "location");
        args = Collections.unmodifiableList(new ArrayList<>(args));   // null elements are allowed
    }
}
