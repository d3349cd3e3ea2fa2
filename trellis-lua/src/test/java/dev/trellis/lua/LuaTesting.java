package dev.trellis.lua;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Helpers shared by the VM tests: run a chunk and capture what it prints, or the error it raises. */
final class LuaTesting {
    private LuaTesting() {}

    /** Runs {@code source} (chunk name "test") in a fresh state; returns everything it printed. */
    static String run(String source) {
        LuaState state = new LuaState();
        return run(state, source);
    }

    static String run(LuaState state, String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.setOutput(out);
        state.execute(source, "=test");
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The results of running {@code source} in a fresh state. */
    static Object[] eval(String source) {
        return new LuaState().execute(source, "=test");
    }

    /** The single result of {@code return <expr>}. */
    static Object value(String expr) {
        return eval("return " + expr)[0];
    }

    /** The message of the error that running {@code source} raises. */
    static String error(String source) {
        LuaState state = new LuaState();
        state.setOutput(new ByteArrayOutputStream());
        try {
            state.execute(source, "=test");
        } catch (LuaError e) {
            return String.valueOf(e.value());
        }
        throw new AssertionError("no error from: " + source);
    }

    static void assertCompileError(String source, String message) {
        assertThatThrownBy(() -> LuaState.compile(source, "=test"))
                .isInstanceOf(LuaError.class)
                .hasMessage(message);
    }
}
