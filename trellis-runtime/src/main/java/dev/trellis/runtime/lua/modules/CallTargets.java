package dev.trellis.runtime.lua.modules;

import dev.trellis.core.Pid;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaValues;

/**
 * The process a synchronous call goes to ({@code supervisor.*}, {@code server.call}/{@code cast},
 * {@code task.start_child}): a pid string, or a registered name.
 *
 * <pre>{@code
 * Object sup = CallTargets.of(args, 0, "which_children", "supervisor pid or registered name");
 * // Pid {app:processes|0x00012} for "{app:processes|0x00012}", "queue_sup" for "queue_sup"
 * }</pre>
 *
 * <p>Anything else (a number, a table, nil) is a bad argument naming the function, the position and
 * what was expected, as Wippy reports a wrong destination type.
 */
final class CallTargets {

    private CallTargets() {
    }

    /**
     * {@return argument {@code i} as a {@link Pid} when it is a pid's text, else as a name}
     *
     * @param expected what the error says was expected, e.g. "server pid or registered name"
     * @throws LuaError "bad argument #N to 'fname' (expected expected, got type)"
     */
    static Object of(Object[] a, int i, String fname, String expected) {
        Object v = i < a.length ? a[i] : null;
        if (!(v instanceof String text) || text.isEmpty()) {
            throw new LuaError("bad argument #" + (i + 1) + " to '" + fname + "' (" + expected + " expected, got "
                    + (v instanceof String ? "empty string" : LuaValues.typeName(v)) + ")");
        }
        return pidOrName(text);
    }

    /** {@return a pid for a pid's text, else the text itself (a name, which may start with a brace)} */
    static Object pidOrName(String luaText) {
        String text = LuaStrings.toJava(luaText);
        if (text.startsWith("{")) {
            try {
                return Pid.parse(text);
            } catch (IllegalArgumentException notAPid) {
                // a name that happens to start with a brace
            }
        }
        return text;
    }
}
