package dev.trellis.lua.lib.text;

/**
 * An error raised by a text-library algorithm, carrying PUC Lua's exact message.
 *
 * <pre>{@code
 * try {
 *     LuaPattern.find("abc", "%", 1, false);
 * } catch (LuaTextError e) {
 *     e.message();   // "malformed pattern (ends with '%')"
 *     e.argument();  // 0: not tied to an argument, raise the message as it is
 * }
 * }</pre>
 *
 * <p>Two kinds, as in PUC's {@code lauxlib}:
 * <ul>
 *   <li>{@code argument() == 0}: a plain error ({@code luaL_error}); the wiring layer raises
 *       {@link #message()} with the position prefix {@code luaL_where(L, 1)} gives, i.e.
 *       {@code "chunk:line: "} of the Lua function that called the library function (nothing
 *       when that caller is not a Lua function).</li>
 *   <li>{@code argument() > 0}: an argument error ({@code luaL_argerror}); the wiring layer raises
 *       {@code "bad argument #" + argument() + " to '" + functionName + "' (" + message() + ")"},
 *       adjusting the number for method calls exactly as PUC does, with the same position
 *       prefix as plain errors. Argument numbers are Lua
 *       argument positions (the format string of {@code string.format} is argument #1).</li>
 * </ul>
 * {@link #getMessage()} returns the text with a generic prefix for argument errors, for logs only.
 */
public final class LuaTextError extends RuntimeException {
    private final int argument;
    private final String message;

    private LuaTextError(int argument, String message) {
        super(argument == 0 ? message : "bad argument #" + argument + " (" + message + ")", null, false, false);
        this.argument = argument;
        this.message = message;
    }

    /** A plain error: the message is raised as it is. */
    public static LuaTextError error(String message) {
        return new LuaTextError(0, message);
    }

    /** An error about the Lua argument at position {@code argument} (1-based). */
    public static LuaTextError argument(int argument, String message) {
        if (argument <= 0) {
            throw new IllegalArgumentException("argument position must be positive: " + argument);
        }
        return new LuaTextError(argument, message);
    }

    /** The 1-based Lua argument at fault, or 0 for a plain error. */
    public int argument() {
        return argument;
    }

    /** PUC's message text: the whole error for plain errors, the part in parentheses for argument errors. */
    public String message() {
        return message;
    }

    /** The full message as PUC would raise it when the function is called under {@code name}. */
    public String messageFor(String functionName) {
        return argument == 0 ? message : "bad argument #" + argument + " to '" + functionName + "' (" + message + ")";
    }
}
