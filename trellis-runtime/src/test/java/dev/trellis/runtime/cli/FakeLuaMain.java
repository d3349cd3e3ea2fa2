package dev.trellis.runtime.cli;

import java.util.List;

/** Stands in for dev.trellis.lua.LuaMain: records its arguments, fails on request. */
public final class FakeLuaMain {

    static volatile List<String> lastArgs;

    private FakeLuaMain() {
    }

    public static void main(String[] args) {
        lastArgs = List.of(args);
        if (args.length > 1 && args[1].equals("explode")) {
            throw new IllegalStateException("script failed: boom");
        }
    }
}
