package dev.trellis.runtime.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code function.lua}: a Lua function called with arguments and returning a result. With
 * {@code meta.type: test} it is a test that {@code trellis test} runs: it passes unless it raises,
 * returns {@code false}, or returns an error as its second value.
 *
 * <pre>{@code
 * - name: link_down_is_trapped   # id tests:link_down_is_trapped
 *   kind: function.lua
 *   source: file://linking_test.lua
 *   method: trapped               # default main
 *   modules: [time]
 *   imports: {support: tests:support}
 *   meta: {type: test, suite: linking, order: 1, description: "..."}
 * }</pre>
 */
public record LuaFunction(EntryId id, Meta meta, Location location, Path source, String method,
                          List<String> modules, Map<String, EntryId> imports) implements LuaEntry {

    public LuaFunction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(method, "method");
        modules = List.copyOf(modules);
        imports = Map.copyOf(imports);
    }

    @Override
    public EntryKind kind() {
        return EntryKind.FUNCTION_LUA;
    }

    /** {@code meta.type: test}. */
    public boolean isTest() {
        return meta.isTest();
    }
}
