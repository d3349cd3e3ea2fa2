package dev.trellis.lua;

/**
 * A Lua function value: either a {@link LuaClosure} (compiled Lua) or a {@link JavaFunction}
 * (host code). Call one through {@link LuaState#call(Object, Object...)}.
 *
 * <pre>{@code
 * LuaFunction f = (LuaFunction) state.globals().rawget("print");
 * state.call(f, "hello");
 * }</pre>
 */
public abstract sealed class LuaFunction permits LuaClosure, JavaFunction {
    LuaFunction() {}

    /** A name for messages and tracebacks ("?" when unknown). */
    public abstract String name();
}
