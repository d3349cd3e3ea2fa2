package dev.trellis.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coroutine.stackFrames: the Lua frames a host function sees, innermost first, with their names. */
class StackFramesTest {

    @Test
    void aJavaFunctionSeesTheLuaFramesThatCalledIt() {
        LuaState state = new LuaState();
        List<LuaStackFrame> seen = new ArrayList<>();
        state.setGlobal("probe", JavaFunction.of("probe", (L, a) -> {
            seen.addAll(L.running().stackFrames());
            return JavaFunction.NONE;
        }));
        state.execute("""
                local function inner()
                  probe()
                end
                local function outer()
                  inner()
                  return 1
                end
                outer()
                """, "=chunk");
        assertThat(seen).containsExactly(
                new LuaStackFrame("chunk", 2, "inner", "Lua"),
                new LuaStackFrame("chunk", 5, "outer", "Lua"),
                new LuaStackFrame("chunk", 8, "", "main"));
        assertThat(seen.get(0)).hasToString("chunk:2 (inner)");
        assertThat(seen.get(2)).hasToString("chunk:8");
    }
}
