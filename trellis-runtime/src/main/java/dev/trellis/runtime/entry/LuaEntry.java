package dev.trellis.runtime.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An entry backed by a Lua source file: {@link LuaProcess}, {@link LuaFunction}, {@link LuaLibrary}.
 *
 * <pre>{@code
 * for (LuaEntry lua : app.entriesOf(LuaEntry.class)) {
 *     compile(lua.source(), lua.modules(), lua.imports());
 * }
 * }</pre>
 */
public sealed interface LuaEntry extends Entry permits LuaProcess, LuaFunction, LuaLibrary {

    /** The Lua file, resolved from {@code source: file://x.lua} against the YAML file's directory. */
    Path source();

    /** Built-in modules the code may {@code require} (e.g. {@code time}); default none. */
    List<String> modules();

    /** {@code imports:} alias → library entry; {@code require(alias)} loads that library. */
    Map<String, EntryId> imports();
}
