package dev.trellis.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the macro suite from rotting: every registered Trellis workload runs at a tiny size and
 * passes its own checks (every message and event counted, no process left). Not a measurement.
 */
class WorkloadSmokeTest {

    static Stream<Workload> workloads() {
        return Workloads.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void runsAtATinySizeWithASaneFigure(Workload workload) throws Exception {
        // Heap is measured in GC-page steps (2 MB with ZGC): 1 000 idle processes can round to zero.
        int size = workload.unit().equals("B/proc") ? 20_000 : 1_000;
        double figure = workload.run(size);
        assertThat(figure).as(workload.name()).isPositive().isFinite();
        if (workload.unit().equals("B/proc")) {
            // A live process costs something, and far less than a platform thread's stack.
            assertThat(figure).as("bytes per idle process").isBetween(100.0, 64_000.0);
        }
    }

    @Test
    void everyWorkloadHasAUniqueSnakeCaseNameAUnitAndAFullSizeOfAtLeastAThousand() {
        var names = new HashSet<String>();
        for (Workload w : Workloads.all()) {
            assertThat(w.name()).matches("[a-z][a-z0-9_]*");
            assertThat(names.add(w.name())).as("unique name " + w.name()).isTrue();
            assertThat(w.unit()).isNotBlank().doesNotContainAnyWhitespaces();
            assertThat(w.fullSize()).as("full size of " + w.name()).isGreaterThanOrEqualTo(1_000);
            assertThat(w.fullSize() / 10).as("--quick size of " + w.name()).isGreaterThanOrEqualTo(w.minimumSize());
            assertThat(w.description()).isNotBlank();
        }
        assertThat(names).contains("spawn_exit", "idle_memory", "ping_pong", "ring", "fan_in",
                "link_cascade", "monitor_down", "sup_restart", "sup_restart_storm", "sup_one_for_all",
                "lua_spawn_exit", "lua_idle", "lua_ping_pong", "lua_sup_restart");
    }

    @Test
    void rejectsASizeBelowTheMinimumNamingTheWorkload() {
        assertThatThrownBy(() -> Workloads.find("ring").run(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ring").hasMessageContaining("size");
    }

    @Test
    void unknownWorkloadNamesTheKnownOnes() {
        assertThatThrownBy(() -> Workloads.find("pingpong"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pingpong'").hasMessageContaining("ping_pong");
    }
}
