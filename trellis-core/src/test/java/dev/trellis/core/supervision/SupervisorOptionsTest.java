package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.supervision.InvalidSupervisorFlagsException.Problem;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupervisorOptionsTest {

    private static Problem problemOf(Runnable r) {
        try {
            r.run();
        } catch (InvalidSupervisorFlagsException e) {
            return e.problem();
        }
        throw new AssertionError("expected InvalidSupervisorFlagsException");
    }

    @Test
    void b01_defaultsAreElixirs3In5AndAutoShutdownNever() {
        SupervisorOptions o = SupervisorOptions.oneForOne();
        assertThat(o.maxRestarts()).isEqualTo(3);
        assertThat(o.period()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.autoShutdown()).isEqualTo(AutoShutdown.NEVER);
        DynamicSupervisorOptions d = DynamicSupervisorOptions.defaults();
        assertThat(d.maxRestarts()).isEqualTo(3);
        assertThat(d.period()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void b02_strategyIsRequired() {
        assertThat(problemOf(() -> SupervisorOptions.fromMap(Map.of("max_restarts", 1))))
                .isEqualTo(Problem.MISSING_STRATEGY);
        assertThat(problemOf(() -> SupervisorOptions.of(null))).isEqualTo(Problem.MISSING_STRATEGY);
    }

    @Test
    void b03_maxRestartsAndMaxSecondsBecomeIntensityAndPeriod() {
        SupervisorOptions o = SupervisorOptions.fromMap(
                Map.of("strategy", "one_for_all", "max_restarts", 7, "max_seconds", 9));
        assertThat(o.strategy()).isEqualTo(Strategy.ONE_FOR_ALL);
        assertThat(o.maxRestarts()).isEqualTo(7);
        assertThat(o.period()).isEqualTo(Duration.ofSeconds(9));
        SupervisorOptions erl = SupervisorOptions.fromMap(Map.of("strategy", "one_for_one", "intensity", 2, "period", 4));
        assertThat(erl.maxRestarts()).isEqualTo(2);
        assertThat(erl.period()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void b04_unknownStrategyIsRejected() {
        InvalidSupervisorFlagsException e = (InvalidSupervisorFlagsException) org.assertj.core.api.Assertions
                .catchThrowable(() -> SupervisorOptions.fromMap(Map.of("strategy", "one_for_none")));
        assertThat(e.problem()).isEqualTo(Problem.INVALID_STRATEGY);
        assertThat(e).hasMessageContaining("one_for_none");
    }

    @Test
    void b05_badIntensityPeriodOrAutoShutdownRejected() {
        assertThat(problemOf(() -> SupervisorOptions.fromMap(Map.of("strategy", "one_for_one", "max_restarts", -1))))
                .isEqualTo(Problem.INVALID_INTENSITY);
        assertThat(problemOf(() -> SupervisorOptions.fromMap(Map.of("strategy", "one_for_one", "max_restarts", "x"))))
                .isEqualTo(Problem.INVALID_INTENSITY);
        assertThat(problemOf(() -> SupervisorOptions.fromMap(Map.of("strategy", "one_for_one", "max_seconds", 0))))
                .isEqualTo(Problem.INVALID_PERIOD);
        assertThat(problemOf(() -> SupervisorOptions.fromMap(Map.of("strategy", "one_for_one", "max_seconds", "infinity"))))
                .isEqualTo(Problem.INVALID_PERIOD);
        assertThat(problemOf(() -> SupervisorOptions.fromMap(Map.of("strategy", "one_for_one", "auto_shutdown", "sometimes"))))
                .isEqualTo(Problem.INVALID_AUTO_SHUTDOWN);
        assertThat(problemOf(() -> SupervisorOptions.oneForOne().maxRestarts(-2))).isEqualTo(Problem.INVALID_INTENSITY);
    }

    @Test
    void b06_flagsThatAreNotAMapAreRejected() {
        assertThat(problemOf(() -> SupervisorOptions.fromMap(null))).isEqualTo(Problem.INVALID_TYPE);
    }

    @Test
    void b07_unknownFlagKeysAreIgnored() {
        Map<String, Object> flags = new HashMap<>();
        flags.put("strategy", ":one_for_one");
        flags.put("colour", "blue");
        assertThat(SupervisorOptions.fromMap(flags).strategy()).isEqualTo(Strategy.ONE_FOR_ONE);
    }

    @Test
    void b68_autoShutdownValues() {
        for (String v : new String[] {"never", "any_significant", "all_significant"}) {
            assertThat(SupervisorOptions.fromMap(Map.of("strategy", "one_for_one", "auto_shutdown", v))
                    .autoShutdown().erlangName()).isEqualTo(v);
        }
    }
}
