package dev.trellis.lua;

/**
 * A host value that reads as text wherever the standard library expects a string: every
 * {@code string} function, {@code table.concat}, and any Java function that checks its argument
 * with {@link LuaArgs#checkString}. The value keeps its own type ({@code type(v)} is unchanged);
 * only the string checks see through it.
 *
 * <pre>{@code
 * final class Note extends LuaUserdata implements TextValue {
 *     Note(String text) { super(text, null); }
 *     public String luaText() { return (String) value(); }
 * }
 * // Lua: string.find(note, "x"), note:len() is not implied (no __index is added)
 * }</pre>
 *
 * <p>Implementations must be immutable: the text may be read from any thread at any time.
 */
public interface TextValue {

    /** {@return the text as a Lua string (one char per byte)} */
    String luaText();
}
