package dev.trellis.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Host values that read as text: accepted by the string checks, still their own type. */
class TextValueTest {

    private static final class Note extends LuaUserdata implements TextValue {
        Note(String text) {
            super(text, null);
        }

        @Override
        public String luaText() {
            return (String) value();
        }
    }

    private static Object[] run(String code, Object... args) {
        LuaState state = new LuaState();
        return state.call(state.load(LuaState.compile(code, "=t")), args);
    }

    @Test
    void stringFunctionsAndTableConcatReadTheText() {
        Note n = new Note("hello world");
        assertThat(run("local n = ...; return string.find(n, 'world'), string.sub(n, 1, 5), string.rep(n, 2, '|'),"
                + " table.concat({n, n}, '-'), string.gsub(n, 'o', '0'), utf8.len(n), type(n)", n))
                .containsExactly(7L, "hello", "hello world|hello world", "hello world-hello world", "hell0 w0rld", 11L,
                        "userdata");
    }

    @Test
    void anOrdinaryUserdataIsStillNotAString() {
        assertThatThrownBy(() -> run("return string.upper(...)", new LuaUserdata("x", null)))
                .isInstanceOf(LuaError.class).hasMessageContaining("bad argument #1 to 'upper' (string expected, got userdata)");
        assertThatThrownBy(() -> run("return table.concat({...})", new LuaUserdata("x", null)))
                .isInstanceOf(LuaError.class).hasMessageContaining("invalid value (userdata) at index 1 in table for 'concat'");
    }
}
