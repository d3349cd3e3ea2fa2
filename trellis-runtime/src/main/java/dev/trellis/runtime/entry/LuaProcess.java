package dev.trellis.runtime.entry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code process.lua}: a Lua program that {@code process.spawn} starts on a host.
 *
 * <pre>{@code
 * - name: pool                 # id app.supervisor:pool
 *   kind: process.lua
 *   source: file://pool.lua    # relative to this YAML file
 *   method: main               # default main
 *   modules: [time]            # built-in modules it may require
 *   imports: {util: app.lib:util}
 *   lifecycle:
 *     auto_start: true         # a Trellis extension: started once at boot, not restarted
 * }</pre>
 *
 * <p>{@link #host()} is the host an auto-started process runs on: {@code meta.default_host}, or the
 * app's only {@code process.host}. Only {@code auto_start} and {@code requires} are read from the
 * lifecycle; use a {@code process.service} to have the process restarted.
 */
public record LuaProcess(EntryId id, Meta meta, Location location, Path source, String method,
                         List<String> modules, Map<String, EntryId> imports, Lifecycle lifecycle,
                         Optional<EntryId> host) implements LuaEntry, LifecycleEntry {

    public static final String DEFAULT_METHOD = "main";

    public LuaProcess {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(host, "host");
        modules = List.copyOf(modules);
        imports = Map.copyOf(imports);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PROCESS_LUA;
    }

    @Override
    public List<EntryId> dependencies() {
        List<EntryId> dependencies = new ArrayList<>();
        host.ifPresent(dependencies::add);
        dependencies.addAll(lifecycle.requires());
        return List.copyOf(dependencies);
    }
}
