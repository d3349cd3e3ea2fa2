package dev.trellis.lua;

/**
 * Unwinds a Lua state that the host asked to stop ({@link LuaState#kill(String)}). Unlike
 * {@link LuaError}, {@code pcall} and {@code xpcall} cannot catch it: every Lua frame is unwound and
 * the exception reaches the host that ran the state.
 *
 * <pre>{@code
 * state.kill("process terminated");   // from any thread
 * // the thread running the state sees: LuaKill("process terminated")
 * }</pre>
 */
public final class LuaKill extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LuaKill(String reason) {
        super(reason, null, false, false);
    }
}
