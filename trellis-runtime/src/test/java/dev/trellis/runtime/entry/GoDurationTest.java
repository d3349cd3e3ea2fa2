package dev.trellis.runtime.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
            "5s, 5000000000",
            "100ms, 100000000",
            "1m30s, 90000000000",
            "1.5h, 5400000000000",
            "2h45m, 9900000000000",
            "250us, 250000",
            "250µs, 250000",
            "250μs, 250000",
            "10ns, 10",
            "0, 0",
            "0s, 0",
            ".5s, 500000000",
            "1.s, 1000000000",
            "-1.5s, -1500000000",
            "+3ms, 3000000",
            "1h1m1s1ms1us1ns, 3661001001001",
    })
    void parsesGoDurations(String text, long nanos) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @Test
    void aMissingUnitIsNamed() {
        assertThatThrownBy(() -> GoDuration.parse("5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing unit in duration \"5\"")
                .hasMessageContaining("ns, us, ms, s, m, h");
    }

    @Test
    void anUnknownUnitIsNamed() {
        assertThatThrownBy(() -> GoDuration.parse("5x"))
                .hasMessageContaining("unknown unit \"x\" in duration \"5x\"");
        assertThatThrownBy(() -> GoDuration.parse("3 s")).hasMessageContaining("unknown unit \" s\"");
        assertThatThrownBy(() -> GoDuration.parse("1d")).hasMessageContaining("unknown unit \"d\"");
    }

    @Test
    void malformedNumbersAreRejected() {
        assertThatThrownBy(() -> GoDuration.parse("")).hasMessageContaining("invalid duration \"\"");
        assertThatThrownBy(() -> GoDuration.parse("s")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> GoDuration.parse(".s")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> GoDuration.parse("1.2.3s")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> GoDuration.parse("-")).hasMessageContaining("invalid duration");
    }

    @Test
    void overflowIsRejected() {
        assertThatThrownBy(() -> GoDuration.parse("9999999999h")).hasMessageContaining("out of range");
        assertThat(GoDuration.parse("2562047h")).isEqualTo(Duration.ofHours(2562047));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0s",
            "7, 7ns",
            "1500, 1.5µs",
            "100000000, 100ms",
            "5000000000, 5s",
            "90000000000, 1m30s",
            "3661500000000, 1h1m1.5s",
            "3600000000000, 1h0m0s",
            "-2000000000, -2s",
    })
    void formatsLikeGo(long nanos, String text) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @Test
    void formatThenParseRoundTrips() {
        for (String text : new String[] {"1m30s", "100ms", "2h3m4.5s", "12µs", "9ns"}) {
            assertThat(GoDuration.parse(GoDuration.format(GoDuration.parse(text)))).isEqualTo(GoDuration.parse(text));
        }
    }
}
