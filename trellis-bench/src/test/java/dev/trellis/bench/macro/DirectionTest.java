package dev.trellis.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DirectionTest {

    @Test
    void throughputRatioIsTrellisOverErlang() {
        assertThat(Direction.HIGHER_IS_BETTER.ratio(2.0e6, 1.0e6)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void latencyRatioIsErlangOverTrellisSoAboveOneMeansTrellisIsFaster() {
        assertThat(Direction.LOWER_IS_BETTER.ratio(278, 556)).isCloseTo(2.0, within(1e-9));
        assertThat(Direction.LOWER_IS_BETTER.ratio(1112, 556)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void rejectsNonPositiveFiguresNamingTheSide() {
        assertThatThrownBy(() -> Direction.HIGHER_IS_BETTER.ratio(0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trellis");
        assertThatThrownBy(() -> Direction.LOWER_IS_BETTER.ratio(1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("erlang");
    }

    @Test
    void aTargetIsAFloorForThroughputsAndACeilingForLatenciesAndSizes() {
        assertThat(Direction.HIGHER_IS_BETTER.meets(250_000, 250_000)).isTrue();
        assertThat(Direction.HIGHER_IS_BETTER.meets(249_999, 250_000)).isFalse();
        assertThat(Direction.LOWER_IS_BETTER.meets(3_072, 3_072)).isTrue();
        assertThat(Direction.LOWER_IS_BETTER.meets(3_073, 3_072)).isFalse();
        assertThat(Direction.HIGHER_IS_BETTER.targetSign()).isEqualTo("≥");
        assertThat(Direction.LOWER_IS_BETTER.targetSign()).isEqualTo("≤");
    }
}
