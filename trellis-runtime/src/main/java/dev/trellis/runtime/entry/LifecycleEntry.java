package dev.trellis.runtime.entry;

import java.util.List;

/**
 * An entry that is started and stopped: {@link ProcessHost}, {@link LuaService}, and a
 * {@link LuaProcess} with {@code lifecycle.auto_start}. {@link Application#startOrder()} sorts these
 * so that every entry starts after its {@link #dependencies()}.
 *
 * <pre>{@code
 * for (LifecycleEntry entry : app.startOrder()) start(entry);
 * for (LifecycleEntry entry : app.stopOrder()) stop(entry, entry.lifecycle().stopTimeout());
 * }</pre>
 */
public sealed interface LifecycleEntry extends Entry permits ProcessHost, LuaService, LuaProcess, SupervisionEntry {

    Lifecycle lifecycle();

    /** What must be running before this entry starts: its host, then {@code lifecycle.requires}. */
    List<EntryId> dependencies();
}
