package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RestartIntensityTest {
    private static final long S = 1_000_000_000L;

    @Test
    void b39_moreThanIntensityRestartsInPeriodIsFatal() {
        RestartIntensity w = new RestartIntensity(3, Duration.ofSeconds(5));
        assertThat(w.addRestart(0)).isTrue();
        assertThat(w.addRestart(1 * S)).isTrue();
        assertThat(w.addRestart(2 * S)).isTrue();
        assertThat(w.addRestart(3 * S)).isFalse();
    }

    @Test
    void b39_intensityZeroMakesFirstRestartFatal() {
        RestartIntensity w = new RestartIntensity(0, Duration.ofSeconds(5));
        assertThat(w.addRestart(0)).isFalse();
    }

    @Test
    void b40_restartsSpacedBeyondPeriodNeverAddUp() {
        RestartIntensity w = new RestartIntensity(1, Duration.ofSeconds(5));
        for (int i = 0; i < 1000; i++) {
            assertThat(w.addRestart(i * 6 * S)).as("restart %d", i).isTrue();
        }
        assertThat(w.restartsWithin(999 * 6 * S)).isEqualTo(1);
    }

    @Test
    void windowSlidesRatherThanResets() {
        RestartIntensity w = new RestartIntensity(2, Duration.ofSeconds(5));
        assertThat(w.addRestart(0)).isTrue();
        assertThat(w.addRestart(4 * S)).isTrue();
        // at 6 s the restart at 0 has left the window, the one at 4 s has not
        assertThat(w.addRestart(6 * S)).isTrue();
        assertThat(w.addRestart(7 * S)).isFalse();
    }

    @Test
    void b05_rejectsNegativeIntensityAndNonPositivePeriod() {
        assertThatThrownBy(() -> new RestartIntensity(-1, Duration.ofSeconds(5)))
                .hasMessageContaining("max_restarts");
        assertThatThrownBy(() -> new RestartIntensity(1, Duration.ZERO)).hasMessageContaining("max_seconds");
    }

    @Test
    @Timeout(10)
    void constantTimePerRestartWithAHugeLimit() {
        // 2 M restarts against a limit of 1 M in a 1 s window of simulated time, 2 µs apart: the
        // window holds up to 500 k entries; a rescanning implementation would take ~10^12 steps.
        RestartIntensity w = new RestartIntensity(1_000_000, Duration.ofSeconds(1));
        for (long i = 0; i < 2_000_000; i++) {
            assertThat(w.addRestart(i * 2_000)).isTrue();
        }
    }
}
