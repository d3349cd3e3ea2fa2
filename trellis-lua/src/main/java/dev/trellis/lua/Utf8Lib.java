package dev.trellis.lua;

/** The utf8 library, built on the text algorithms; null until they are available. */
final class Utf8Lib {
    private Utf8Lib() {}

    static LuaTable create() {
        return null;
    }
}
