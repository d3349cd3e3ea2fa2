package dev.trellis.runtime.lua;

import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import java.util.Set;

/**
 * What the runtime gives every Lua process besides the standard library: the shared globals
 * ({@code process}, {@code channel}, {@code errors}…) and the modules an entry may {@code require}
 * when it lists them under {@code modules:}. The process binding asks for them through this
 * interface, so the binding does not depend on the modules built on top of it.
 *
 * <pre>{@code
 * LuaRuntime runtime = new LuaRuntime(app, node, System.out, BuiltInModules.standard());
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe: one instance serves every process of a node.
 */
public interface LuaModules {

    /** {@return the metatable of a process's own globals table: reads fall through to the shared globals} */
    LuaTable globalsMetatable();

    /** {@return the names an entry may list under {@code modules:}, sorted} */
    Set<String> names();

    /**
     * The value {@code require(name)} returns in the process of {@code state}.
     *
     * @return the module, or null when there is no module of that name
     */
    Object load(String name, LuaState state);
}
