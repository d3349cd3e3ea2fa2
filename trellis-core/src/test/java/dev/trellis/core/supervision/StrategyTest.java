package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategyTest {
    @Test
    void b44_oneForOneAffectsOnlyTheExitedChild() {
        assertThat(Strategy.ONE_FOR_ONE.group(1, 3)).isEqualTo(new Strategy.Range(1, 2));
    }

    @Test
    void b45_oneForAllAffectsEveryChild() {
        assertThat(Strategy.ONE_FOR_ALL.group(1, 3)).isEqualTo(new Strategy.Range(0, 3));
    }

    @Test
    void b46_restForOneAffectsTheExitedChildAndLaterOnes() {
        assertThat(Strategy.REST_FOR_ONE.group(1, 4)).isEqualTo(new Strategy.Range(1, 4));
        assertThat(Strategy.REST_FOR_ONE.group(3, 4)).isEqualTo(new Strategy.Range(3, 4));
    }

    @Test
    void rejectsPositionOutOfRange() {
        assertThatThrownBy(() -> Strategy.ONE_FOR_ONE.group(3, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesErlangSpellings() {
        assertThat(Strategy.parse(":rest_for_one")).isEqualTo(Strategy.REST_FOR_ONE);
        assertThat(Strategy.parse("one_for_none")).isNull();
    }
}
