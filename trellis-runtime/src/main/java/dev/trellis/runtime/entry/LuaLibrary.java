package dev.trellis.runtime.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code library.lua}: a Lua module other entries list in {@code imports} and load with
 * {@code require(alias)}.
 *
 * <pre>{@code
 * - name: support               # id tests:support
 *   kind: library.lua
 *   source: file://support.lua  # returns the module table
 *   modules: [time]
 * }</pre>
 */
public record LuaLibrary(EntryId id, Meta meta, Location location, Path source, List<String> modules,
                         Map<String, EntryId> imports) implements LuaEntry {

    public LuaLibrary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(source, "source");
        modules = List.copyOf(modules);
        imports = Map.copyOf(imports);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.LIBRARY_LUA;
    }
}
