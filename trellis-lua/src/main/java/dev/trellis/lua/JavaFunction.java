package dev.trellis.lua;

/**
 * A function written in Java and callable from Lua. It receives the calling state and the
 * arguments, and returns its results ({@link #NONE} for none). It may block (the calling virtual
 * thread parks), call back into Lua with {@link LuaState#call(Object, Object...)}, raise a Lua
 * error by throwing {@link LuaError}, or suspend the running coroutine by returning
 * {@link LuaState#yield(Object...)}.
 *
 * <pre>{@code
 * JavaFunction twice = JavaFunction.of("twice", (state, args) ->
 *         new Object[] {LuaArgs.checkInteger(args, 0, "twice") * 2});
 * state.register("twice", twice);
 * }</pre>
 */
public abstract non-sealed class JavaFunction extends LuaFunction {
    /** An empty result list. */
    public static final Object[] NONE = new Object[0];

    private final String name;
    /** "string.rep" for library functions, set when the shared library is built. */
    String qualifiedName;

    protected JavaFunction(String name) {
        this.name = name;
    }

    /** The body of a Java function as a lambda. */
    @FunctionalInterface
    public interface Body {
        Object[] call(LuaState state, Object[] args);
    }

    /** A Java function from a lambda. */
    public static JavaFunction of(String name, Body body) {
        return new JavaFunction(name) {
            @Override
            public Object[] call(LuaState state, Object[] args) {
                return body.call(state, args);
            }
        };
    }

    /** Runs the function. {@code args} may be modified by the callee. */
    public abstract Object[] call(LuaState state, Object[] args);

    @Override
    public String name() {
        return name;
    }
}
