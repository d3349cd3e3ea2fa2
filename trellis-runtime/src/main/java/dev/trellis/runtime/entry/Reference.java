package dev.trellis.runtime.entry;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A reference from one entry to another, written in a field ({@code host}, {@code process},
 * {@code imports.x}, {@code lifecycle.requires}, {@code meta.default_host}); checked once every
 * file is read.
 *
 * <pre>{@code
 * new Reference(serviceId, at, "host", EntryId.parse("app:processes"), Set.of(EntryKind.PROCESS_HOST));
 * }</pre>
 */
record Reference(EntryId from, Location at, String field, EntryId target, Set<EntryKind> expected) {

    /** Kinds that can be started and required: {@link LifecycleEntry}. */
    static final Set<EntryKind> LIFECYCLE_KINDS =
            Set.of(EntryKind.PROCESS_HOST, EntryKind.PROCESS_SERVICE, EntryKind.PROCESS_LUA,
                    EntryKind.PROCESS_SUPERVISOR, EntryKind.PROCESS_DYNAMIC_SUPERVISOR, EntryKind.PROCESS_TASK_SUPERVISOR);

    /** Kinds a supervisor can run as a child: a Lua process or another supervisor. */
    static final Set<EntryKind> CHILD_KINDS = Set.of(EntryKind.PROCESS_LUA, EntryKind.PROCESS_SUPERVISOR,
            EntryKind.PROCESS_DYNAMIC_SUPERVISOR, EntryKind.PROCESS_TASK_SUPERVISOR);

    Reference {
        expected = Set.copyOf(expected);
    }

    /** {@code a process.host}, or {@code one of process.host, process.lua, process.service}. */
    String expectedDescription() {
        if (expected.size() == 1) {
            return "a " + expected.iterator().next().yamlName();
        }
        return "one of " + expected.stream().map(EntryKind::yamlName).sorted().collect(Collectors.joining(", "));
    }
}
