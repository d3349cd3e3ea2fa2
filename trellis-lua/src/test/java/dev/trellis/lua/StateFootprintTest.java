package dev.trellis.lua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a state keeps while its host's code waits in a coroutine: no main coroutine once released,
 * small coroutine stacks, and host hooks that allocate nothing (an idle process holds one state).
 */
class StateFootprintTest {

    @Test
    void theMainCoroutineIsMadeByTheFirstCallFromJavaAndCanBeReleased() {
        LuaState state = new LuaState();
        assertThat(state.hasMainCoroutine()).isFalse();
        assertThat(state.execute("x = 41 return x + 1", "=c")).containsExactly(42L);
        assertThat(state.hasMainCoroutine()).isTrue();

        state.releaseMain();
        assertThat(state.hasMainCoroutine()).isFalse();
        // The next call from Java makes a new one, with the globals as they were.
        assertThat(state.execute("return x", "=c")).containsExactly(41L);
        assertThat(state.hasMainCoroutine()).isTrue();
    }

    @Test
    void theMainCoroutineIsKeptWhileACallRunsOnIt() {
        LuaState state = new LuaState();
        state.register("release", JavaFunction.of("release", (L, a) -> {
            L.releaseMain();
            return new Object[] {L.hasMainCoroutine()};
        }));
        assertThat(state.execute("return release()", "=c")).containsExactly(true);
        assertThat(state.execute("return coroutine.wrap(function() return release() end)()", "=c"))
                .containsExactly(true);
    }

    @Test
    void isYieldableNeedsNoMainCoroutine() {
        LuaState state = new LuaState();
        assertThat(state.isYieldable()).isFalse();
        assertThat(state.hasMainCoroutine()).isFalse();

        state.register("yieldable", JavaFunction.of("yieldable", (L, a) -> new Object[] {L.isYieldable()}));
        assertThat(state.execute("""
                local inside, insideLib = coroutine.wrap(function() return yieldable(), coroutine.isyieldable() end)()
                local inSort, inSortLib
                coroutine.wrap(function()
                    table.sort({2, 1}, function(a, b)
                        inSort, inSortLib = yieldable(), coroutine.isyieldable()
                        return a < b
                    end)
                end)()
                return yieldable(), coroutine.isyieldable(), inside, insideLib, inSort, inSortLib
                """, "=c")).containsExactly(false, false, true, true, false, false);
    }

    @Test
    void aNewCoroutineStartsWithASmallStackThatGrowsOnDemand() {
        LuaState state = new LuaState();
        Object deep = state.execute("""
                local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
                return function() return depth(500) end
                """, "=c")[0];
        Coroutine co = state.newCoroutine(deep);
        assertThat(co.stack).hasSize(Coroutine.INITIAL_STACK);
        assertThat(co.resume()).containsExactly(500L);
    }

    @Test
    void hostFunctionsFindTheirHostThroughTheState() {
        LuaState state = new LuaState();
        assertThat(state.hostData()).isNull();
        state.setHostData("process <0.1.0>");
        state.register("self", JavaFunction.of("self", (L, a) -> new Object[] {L.hostData()}));
        assertThat(state.execute("return coroutine.wrap(function() return self() end)()", "=c"))
                .containsExactly("process <0.1.0>");
    }
}
