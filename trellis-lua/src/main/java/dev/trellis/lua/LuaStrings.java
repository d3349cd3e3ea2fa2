package dev.trellis.lua;

import java.nio.charset.StandardCharsets;

/**
 * The Lua string convention of Trellis: a Lua string of n bytes is a Java {@link String} of n chars,
 * each char one byte (0..255). These helpers convert at the embedding boundary.
 *
 * <pre>{@code
 * String lua = LuaStrings.fromJava("héllo");   // UTF-8 bytes, one char per byte
 * String java = LuaStrings.toJava(lua);         // "héllo" again
 * }</pre>
 */
public final class LuaStrings {
    private LuaStrings() {}

    /** Encodes Java text as UTF-8 and maps each byte to one char: the Lua string for that text. */
    public static String fromJava(String text) {
        if (isLatin1Ascii(text)) {
            return text;
        }
        return fromBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a Lua string (one byte per char) as UTF-8 Java text. */
    public static String toJava(String lua) {
        if (isLatin1Ascii(lua)) {
            return lua;
        }
        return new String(toBytes(lua), StandardCharsets.UTF_8);
    }

    /** Maps bytes to a Lua string, one char per byte. */
    public static String fromBytes(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The bytes of a Lua string. */
    public static byte[] toBytes(String lua) {
        return lua.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String decodeForJava(String lua) {
        return toJava(lua);
    }

    private static boolean isLatin1Ascii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
