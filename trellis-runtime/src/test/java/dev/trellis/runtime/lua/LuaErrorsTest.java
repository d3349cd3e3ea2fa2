package dev.trellis.runtime.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.ErrorKind;
import dev.trellis.core.ProcessError;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import org.junit.jupiter.api.Test;

class LuaErrorsTest {

    private Object[] run(String code, Object... args) {
        LuaState state = new LuaState();
        return state.call(state.load(LuaState.compile(code, "=test")), args);
    }

    @Test
    void errorObjectsPrintConcatenateAndAnswerKindAndMessage() {
        Object err = LuaErrors.object(ProcessError.of(ErrorKind.NOT_FOUND, "process not found"));
        Object[] r = run("local e = ...; return tostring(e), e:kind(), e:message(), 'x: ' .. e, e .. '!', e:retryable()", err);
        assertThat(r).containsExactly("process not found", "NotFound", "process not found", "x: process not found",
                "process not found!", null);
    }

    @Test
    void concatenatingAnErrorWithATableStillRaises() {
        Object err = LuaErrors.object(ProcessError.of(ErrorKind.INTERNAL, "e"));
        assertThatThrownBy(() -> run("local e = ...; return e .. {}", err)).isInstanceOf(LuaError.class)
                .hasMessageContaining("attempt to concatenate a table value");
    }

    @Test
    void raisedValuesBecomeCoreErrors() {
        assertThat(LuaErrors.toProcessError("boom")).isEqualTo(ProcessError.of(ErrorKind.INTERNAL, "boom"));
        assertThat(LuaErrors.toProcessError(3L).message()).isEqualTo("3");
        assertThat(LuaErrors.toProcessError((Object) null).message()).isEqualTo("nil");
        ProcessError own = ProcessError.of(ErrorKind.INVALID, "bad");
        assertThat(LuaErrors.toProcessError(LuaErrors.object(own))).isSameAs(own);
    }

    @Test
    void aReturnedStringIsANonRetryableError() {
        ProcessError e = LuaErrors.fromReturn("msg");
        assertThat(e.message()).isEqualTo("msg");
        assertThat(e.cause()).isInstanceOf(LuaErrors.ScriptReturn.class);
        assertThat(run("return (...):retryable()", LuaErrors.object(e))).containsExactly(false);
        assertThat(LuaErrors.fromReturn(false)).isNull();
        assertThat(LuaErrors.fromReturn(12L)).isNull();
    }

    @Test
    void stringFunctionsReadAnErrorObjectAsItsMessage() {
        Object err = LuaErrors.object(ProcessError.of(ErrorKind.NOT_FOUND, "process not found"));
        Object[] r = run("local e = ...; return string.find(e, 'not found'), string.upper(e), ('%s!'):format(e),"
                + " table.concat({e, 'x'}, ' '), type(e)", err);
        assertThat(r).containsExactly(9L, "PROCESS NOT FOUND", "process not found!", "process not found x", "userdata");
    }

    @Test
    void aUserdataThatIsNotAnErrorIsStillRejectedByStringFunctions() {
        Object other = new dev.trellis.lua.LuaUserdata("text", null);
        assertThatThrownBy(() -> run("return string.len(...)", other)).isInstanceOf(LuaError.class)
                .hasMessageContaining("bad argument #1 to 'len' (string expected, got userdata)");
    }
}
