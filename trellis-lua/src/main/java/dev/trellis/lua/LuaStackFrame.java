package dev.trellis.lua;

/**
 * One Lua function on a coroutine's stack, innermost first in {@link Coroutine#stackFrames()}: where
 * it is ({@code source}, {@code line}), what the caller called it ({@code name}, empty when not
 * known) and whether it is the chunk itself ({@code what} is {@code "main"}) or a function
 * ({@code "Lua"}).
 *
 * <pre>{@code
 * for (LuaStackFrame f : state.running().stackFrames()) System.out.println(f);  // app.lua:12 (load)
 * }</pre>
 */
public record LuaStackFrame(String source, int line, String name, String what) {

    @Override
    public String toString() {
        return name.isEmpty() ? source + ":" + line : source + ":" + line + " (" + name + ")";
    }
}
