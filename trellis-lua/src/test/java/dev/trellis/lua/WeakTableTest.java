package dev.trellis.lua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Weak tables: entries whose collectable key or value is unreachable disappear after a GC. */
class WeakTableTest {
    private static void collectUntil(LuaState state, String condition) {
        Object f = state.execute("return function() return " + condition + " end", "=cond")[0];
        for (int i = 0; i < 50; i++) {
            if (LuaValues.isTruthy(state.call(f)[0])) return;
            System.gc();
            Thread.onSpinWait();
        }
        throw new AssertionError("not collected: " + condition);
    }

    @Test
    void weakValuesDropUnreachableTables() {
        LuaState state = new LuaState();
        state.execute("""
                cache = setmetatable({}, {__mode = "v"})
                keep = {}
                cache.kept = keep
                cache.dropped = {}
                cache.text = "strings stay"
                cache[1] = 42
                """, "=w");
        collectUntil(state, "cache.dropped == nil");
        assertThat(state.execute("return cache.kept == keep, cache.text, cache[1], #cache", "=w"))
                .containsExactly(true, "strings stay", 42L, 1L);
    }

    @Test
    void weakKeysDropUnreachableKeys() {
        LuaState state = new LuaState();
        state.execute("""
                props = setmetatable({}, {__mode = "k"})
                held = {}
                props[held] = "held"
                props[{}] = "lost"
                props.name = "string keys stay"
                function count() local n = 0 for _ in pairs(props) do n = n + 1 end return n end
                """, "=k");
        collectUntil(state, "count() == 2");
        assertThat(state.execute("return props[held], props.name, count()", "=k")).containsExactly("held", "string keys stay", 2L);
    }

    @Test
    void traversalMayClearFieldsAndModeCanBeDropped() {
        String src = """
                local t = setmetatable({}, {__mode = "k"})
                for i = 1, 10 do t[i] = i * i end
                local seen = 0
                for k, v in pairs(t) do seen = seen + 1 t[k] = nil end
                local n = 0
                for _ in pairs(t) do n = n + 1 end
                t.x = 1
                setmetatable(t, nil)
                t.y = 2
                return seen, n, t.x, t.y, rawlen({1, 2})
                """;
        assertThat(new LuaState().execute(src, "=t")).containsExactly(10L, 0L, 1L, 2L, 2L);
    }
}
