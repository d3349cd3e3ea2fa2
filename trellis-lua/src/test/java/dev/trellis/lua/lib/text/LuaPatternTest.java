package dev.trellis.lua.lib.text;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pattern API beyond the PUC comparison: callbacks, iterator state, limits. */
class LuaPatternTest {

    @Test
    void gsubCallbackReceivesAllCapturesIncludingPositions() {
        List<Object[]> seen = new ArrayList<>();
        LuaPattern.GsubResult r = LuaPattern.gsub("ab", "()(%a)", caps -> {
            seen.add(caps);
            return caps[1] + "!";
        }, ValueOps.PLAIN, Long.MAX_VALUE);
        assertThat(r).isEqualTo(new LuaPattern.GsubResult("a!b!", 2));
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).containsExactly(2L, "b");
    }

    @Test
    void gsubWithoutChangesReturnsTheSameString() {
        String s = "hello";
        assertThat(LuaPattern.gsub(s, "x", "y", Long.MAX_VALUE).result()).isSameAs(s);
        assertThat(LuaPattern.gsub(s, "l", c -> null, ValueOps.PLAIN, Long.MAX_VALUE))
            .isEqualTo(new LuaPattern.GsubResult(s, 2));
    }

    @Test
    void invalidReplacementValueNamesItsType() {
        ValueOps ops = new ValueOps() {
            public String tostring(Object v) { return "?"; }
            public String typeName(Object v) { return "userdata"; }
        };
        assertThatThrownBy(() -> LuaPattern.gsub("a", "a", c -> new Object(), ops, 1))
            .isInstanceOf(LuaTextError.class).hasMessage("invalid replacement value (a userdata)");
    }

    @Test
    void gmatchIteratorKeepsItsPositionBetweenCalls() {
        LuaPattern.GMatch it = LuaPattern.gmatch("a1b22c333", "%d+", 1);
        assertThat(it.next()).containsExactly("1");
        assertThat(it.next()).containsExactly("22");
        assertThat(it.next()).containsExactly("333");
        assertThat(it.next()).isNull();
        assertThat(it.next()).isNull();
    }

    @Test
    void deepRecursionIsReportedNotAStackOverflow() {
        String subject = "a".repeat(10_000);
        assertThatThrownBy(() -> LuaPattern.match(subject, "a?".repeat(300) + "b", 1))
            .hasMessage("pattern too complex");
    }

    @Test
    void longSubjectsMatchWithoutRecursionPerCharacter() {
        String subject = "x".repeat(1_000_000) + "end";
        assertThat(LuaPattern.find(subject, "x*end", 1, false)).containsExactly(1L, 1_000_003L);
        assertThat(LuaPattern.gsub(subject, "x", "", Long.MAX_VALUE).result()).isEqualTo("end");
        assertThat(LuaPattern.match(subject, ".-(end)", 1)).containsExactly("end");
    }
}
