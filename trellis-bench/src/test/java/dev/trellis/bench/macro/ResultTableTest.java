package dev.trellis.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final List<Workload> CATALOGUE = List.of(
            new FakeWorkload("spawn_exit", "proc/s", Direction.HIGHER_IS_BETTER, 1, OptionalDouble.of(780_000)),
            new FakeWorkload("ping_pong", "ns/rt", Direction.LOWER_IS_BETTER, 1, OptionalDouble.of(556)),
            new FakeWorkload("lua_only", "ns/rt", Direction.LOWER_IS_BETTER, 1, OptionalDouble.empty()));

    @Test
    void takesTheMedianOfEachSidesRuns() {
        ResultTable table = ResultTable.parse(CATALOGUE, List.of(
                "trellis ping_pong 1000 300 ns/rt",
                "trellis ping_pong 1000 900 ns/rt",
                "trellis ping_pong 1000 400 ns/rt",
                "erlang ping_pong 1000 500 ns/rt",
                "erlang ping_pong 1000 700 ns/rt"));
        assertThat(table.median("ping_pong", ResultTable.Side.TRELLIS).getAsDouble()).isEqualTo(400);
        assertThat(table.median("ping_pong", ResultTable.Side.ERLANG).getAsDouble()).isEqualTo(600);
    }

    @Test
    void ratioAboveOneMeansTrellisIsBetterInBothDirections() {
        ResultTable table = ResultTable.parse(CATALOGUE, List.of(
                "trellis spawn_exit 1000 2000000 proc/s",
                "erlang spawn_exit 1000 1000000 proc/s",
                "trellis ping_pong 1000 250 ns/rt",
                "erlang ping_pong 1000 500 ns/rt"));
        assertThat(table.ratio("spawn_exit").getAsDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(table.ratio("ping_pong").getAsDouble()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void rendersRowsInCatalogueOrderWithDashesForMissingSidesAndNotesBelow() {
        String md = ResultTable.parse(CATALOGUE, List.of(
                "# load average before: 1.0",
                "trellis lua_only 1000 1500 ns/rt",
                "trellis ping_pong 1000000 412.4 ns/rt",
                "erlang ping_pong 1000000 550 ns/rt",
                "trellis spawn_exit 1000000 failed -",
                "erlang spawn_exit 1000000 870000 proc/s")).toMarkdown();
        assertThat(md).containsSubsequence("spawn_exit", "ping_pong", "lua_only", "- load average before: 1.0");
        assertThat(md).contains("| spawn_exit | 1 000 000 | failed | 0.870 M proc/s | — | 0.780 M proc/s |");
        assertThat(md).contains("| ping_pong | 1 000 000 | 412 ns/rt | 550 ns/rt | 1.33 | 556 ns/rt |");
        assertThat(md).contains("| lua_only | 1 000 | 1500 ns/rt | — | — | — |");
    }

    @Test
    void saysUnderTheTableWhetherEachRowWithATargetMeetsIt() {
        List<Workload> catalogue = List.of(
                withTarget(new FakeWorkload("lua_spawn_exit", "proc/s", Direction.HIGHER_IS_BETTER, 1,
                        OptionalDouble.empty()), 250_000),
                withTarget(new FakeWorkload("lua_idle", "B/proc", Direction.LOWER_IS_BETTER, 1,
                        OptionalDouble.empty()), 3_072),
                withTarget(new FakeWorkload("lua_ping_pong", "ns/rt", Direction.LOWER_IS_BETTER, 1,
                        OptionalDouble.empty()), 2_000),
                CATALOGUE.get(1));
        String md = ResultTable.parse(catalogue, List.of(
                "# load average before: 1.0",
                "trellis lua_spawn_exit 200000 300000 proc/s",
                "trellis lua_idle 100000 3500 B/proc",
                "erlang lua_ping_pong 200000 450 ns/rt",
                "trellis ping_pong 1000 400 ns/rt")).toMarkdown();
        assertThat(md).contains("- Trellis target for lua_spawn_exit (DESIGN.md): ≥ 0.250 M proc/s: met (0.300 M proc/s)\n");
        assertThat(md).contains("- Trellis target for lua_idle (DESIGN.md): ≤ 3072 B/proc: MISSED (3500 B/proc)\n");
        assertThat(md).contains("- Trellis target for lua_ping_pong (DESIGN.md): ≤ 2000 ns/rt: not measured\n");
        assertThat(md).doesNotContain("target for ping_pong");
        assertThat(md).containsSubsequence("| ping_pong |", "target for lua_spawn_exit", "- load average before");
    }

    private static Workload withTarget(FakeWorkload fake, double target) {
        return new Workload() {
            @Override public String name() { return fake.name(); }
            @Override public String unit() { return fake.unit(); }
            @Override public Direction direction() { return fake.direction(); }
            @Override public int fullSize() { return fake.fullSize(); }
            @Override public String description() { return fake.description(); }
            @Override public double run(int size) { return fake.run(size); }
            @Override public OptionalDouble target() { return OptionalDouble.of(target); }
        };
    }

    @Test
    void formatsRatesInMillionsAndMicrosecondsWithTheirSign() {
        assertThat(ResultTable.formatValue(3_200_000, "msg/s")).isEqualTo("3.20 M msg/s");
        assertThat(ResultTable.formatValue(1.17, "us/link")).isEqualTo("1.17 µs/link");
        assertThat(ResultTable.formatValue(2650.4, "B/proc")).isEqualTo("2650 B/proc");
        assertThat(ResultTable.formatValue(33.33, "ns/hop")).isEqualTo("33.3 ns/hop");
    }

    @Test
    void rejectsMalformedLinesNamingTheLine() {
        assertThatThrownBy(() -> ResultTable.parse(CATALOGUE, List.of("trellis ping_pong 1000 12")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> ResultTable.parse(CATALOGUE, List.of("#", "java ping_pong 1 2 ns/rt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2").hasMessageContaining("side");
        assertThatThrownBy(() -> ResultTable.parse(CATALOGUE, List.of("erlang nope 1 2 ns/rt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown workload 'nope'");
        assertThatThrownBy(() -> ResultTable.parse(CATALOGUE, List.of("erlang ping_pong 1 fast ns/rt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
    }
}
