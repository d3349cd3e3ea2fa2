package dev.trellis.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PidTest {
    @Test
    void rendersWippyForm() {
        assertThat(new Pid("", "app:processes", 0x1f).toString()).isEqualTo("{app:processes|0x0001f}");
        assertThat(new Pid("n1", "app:processes", 0x1f).toString()).isEqualTo("{n1@app:processes|0x0001f}");
        assertThat(new Pid("", "h", 0x123456).toString()).isEqualTo("{h|0x123456}");
        assertThat(new Pid("", "h", 1).uniq()).isEqualTo("0x00001");
        assertThat(Pid.ZERO.toString()).isEqualTo("{|}");
    }

    @Test
    void parsesLosslessly() {
        for (Pid p : new Pid[] {new Pid("", "app:processes", 31), new Pid("n1", "h", 0xabcdef12L), Pid.ZERO}) {
            assertThat(Pid.parse(p.toString())).isEqualTo(p);
        }
        assertThat(Pid.parse("{n1@app:processes|0x0001f}")).isEqualTo(new Pid("n1", "app:processes", 31));
    }

    @Test
    void spawnedPidsUseTheNodeName() {
        try (Node node = Node.builder().name("n1").host("app:processes", 1).start()) {
            Pid p = node.spawn(proc -> null);
            assertThat(p.toString()).matches("\\{n1@app:processes\\|0x[0-9a-f]{5,}}");
            assertThat(Pid.parse(p.toString())).isEqualTo(p);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"x", "{}", "{h}", "{h|}", "{|0x1}", "h|0x1", "{h|0xzz}", "{h|12}", "{h|0x}", "{h|0x0}"})
    void rejectsMalformedPids(String text) {
        assertThatThrownBy(() -> Pid.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pid");
    }

    @Test
    void rejectsBadComponents() {
        assertThatThrownBy(() -> new Pid(null, "h", 1)).hasMessageContaining("node");
        assertThatThrownBy(() -> new Pid("", null, 1)).hasMessageContaining("host");
        assertThatThrownBy(() -> new Pid("", "h", -1)).hasMessageContaining("id");
        assertThatThrownBy(() -> new Pid("", "a|b", 1)).hasMessageContaining("must not contain");
    }
}
