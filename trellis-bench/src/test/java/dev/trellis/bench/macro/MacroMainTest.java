package dev.trellis.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
    void warmUpRunsUseTheWorkloadsWarmupSizeAndMeasuredRunsTheGivenSize() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        Workload w = new Workload() {
            public String name() { return "short_row"; }
            public String unit() { return "us/op"; }
            public Direction direction() { return Direction.LOWER_IS_BETTER; }
            public int fullSize() { return 1_000; }
            public String description() { return "records its sizes"; }
            public int warmupSize(int size) { return 20 * size; }
            public double run(int size) {
                sizes.add(size);
                return 1.0;
            }
        };
        var bytes = new ByteArrayOutputStream();
        MacroMain.measure(w, 100, 2, 3, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(sizes).containsExactly(2_000, 2_000, 100, 100, 100);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("# warm-up runs at size 2000");
        assertThat(out.lines().filter(l -> l.equals("short_row 1.000 us/op"))).hasSize(3);
    }

    @Test
    void theShortSupervisorRowWarmsUpLongEnoughForTheJit() {
        assertThat(Workloads.find("sup_restart").warmupSize(1_000)).isGreaterThanOrEqualTo(50_000);
        assertThat(Workloads.find("sup_restart_storm").warmupSize(100_000)).isEqualTo(100_000);
        assertThat(Workloads.find("ping_pong").warmupSize(1_000)).isEqualTo(1_000);
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
