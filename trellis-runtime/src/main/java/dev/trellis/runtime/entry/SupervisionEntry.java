package dev.trellis.runtime.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An entry that runs an OTP supervisor: {@link SupervisorEntry} ({@code process.supervisor}),
 * {@link DynamicSupervisorEntry} ({@code process.dynamic_supervisor}) or
 * {@link TaskSupervisorEntry} ({@code process.task_supervisor}). It is auto-started like a service,
 * or started by the supervisor that lists it as a child (then it must not be auto-started itself).
 *
 * <p>{@link #host()} is where the supervisor runs and, unless a child says otherwise, where its
 * children run: the {@code host} field, or the app's only {@code process.host}.
 */
public sealed interface SupervisionEntry extends LifecycleEntry
        permits SupervisorEntry, DynamicSupervisorEntry, TaskSupervisorEntry {

    /** The host it runs on; empty only until the loader resolves the default. */
    Optional<EntryId> host();

    /** The name it registers under, if any. */
    Optional<String> name();

    /** A copy that runs on {@code host}. */
    SupervisionEntry onHost(EntryId host);

    /** The entries it starts as children (a static supervisor's; none for the dynamic kinds). */
    default List<SupervisedChild> children() {
        return List.of();
    }

    @Override
    default List<EntryId> dependencies() {
        List<EntryId> dependencies = new ArrayList<>();
        host().ifPresent(dependencies::add);
        for (SupervisedChild child : children()) {
            child.host().ifPresent(dependencies::add);
        }
        dependencies.addAll(lifecycle().requires());
        return dependencies.stream().distinct().toList();
    }
}
