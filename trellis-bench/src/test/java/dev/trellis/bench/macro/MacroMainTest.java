package dev.trellis.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MacroMainTest {

    private static String run(String... args) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(MacroMain.run(args, out)).isZero();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsEveryWorkloadAsTabSeparatedFieldsForTheRunner() throws Exception {
        String[] lines = run("--list").split("\n");
        assertThat(lines).hasSize(Workloads.all().size());
        assertThat(lines[0].split("\t")).hasSize(6)
                .startsWith("spawn_exit", "proc/s", "HIGHER_IS_BETTER", "1000000", "780000.000");
    }

    @Test
    void printsOneMachineReadableLinePerMeasuredRunLikeTheErlangSide() throws Exception {
        String out = run("ping_pong", "1000", "0", "2");
        assertThat(out.lines().filter(l -> !l.startsWith("#")))
                .hasSize(2)
                .allMatch(l -> l.matches("ping_pong [0-9]+\\.[0-9]{3} ns/rt"));
    }

    @Test
    void badArgumentsNameTheArgumentAtFault() {
        assertThatThrownBy(() -> run("ping_pong", "many", "0", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SIZE");
        assertThatThrownBy(() -> run("ping_pong", "10", "-1", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WARMUPS");
        assertThatThrownBy(() -> run("ping_pong", "10", "0", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RUNS");
        assertThatThrownBy(() -> run("ping_pong"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NAME SIZE WARMUPS RUNS");
        assertThatThrownBy(() -> run("nope", "10", "0", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown workload 'nope'");
    }
}
