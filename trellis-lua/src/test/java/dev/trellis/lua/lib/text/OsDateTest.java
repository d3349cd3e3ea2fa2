package dev.trellis.lua.lib.text;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** os.date/os.time in a zone with daylight saving time (the PUC comparison runs in UTC). */
class OsDateTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void localDateUsesTheZoneOffsetAndDst() {
        // 2023-07-01T12:00:00Z is 14:00 CEST
        long t = 1688212800L;
        assertThat(OsDate.date("%Y-%m-%d %H:%M:%S %z", t, BERLIN)).isEqualTo("2023-07-01 14:00:00 +0200");
        assertThat(OsDate.date("!%H %Z", t, BERLIN)).isEqualTo("12 GMT");
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) OsDate.date("*t", t, BERLIN);
        assertThat(f).containsEntry("hour", 14L).containsEntry("isdst", true);
        assertThat(f.keySet()).containsExactly("year", "month", "day", "hour", "min", "sec", "yday", "wday", "isdst");
    }

    @Test
    void timeIsTheInverseOfLocalDate() {
        OsDate.Normalized n = OsDate.time(Map.<String, Object>of("year", 2023L, "month", 7L, "day", 1L, "hour", 14L)::get, BERLIN);
        assertThat(n.time()).isEqualTo(1688212800L);
        assertThat(n.fields()).containsEntry("isdst", true).containsEntry("yday", 182L);
    }

    @Test
    void timeNormalisesOutOfRangeFields() {
        OsDate.Normalized n = OsDate.time(Map.<String, Object>of("year", 2023L, "month", 13L, "day", 32L, "hour", 0L)::get, BERLIN);
        assertThat(n.fields()).containsEntry("year", 2024L).containsEntry("month", 2L).containsEntry("day", 1L);
    }

    @Test
    void winterTimeHasNoDst() {
        assertThat(OsDate.date("%H %z", 1704067200L, BERLIN)).isEqualTo("01 +0100");
    }

    @Test
    void invalidSpecifierIsAnArgumentErrorQuotingTheRest() {
        assertThatThrownBy(() -> OsDate.date("%Ez tail", 0, BERLIN))
            .isInstanceOfSatisfying(LuaTextError.class, e -> {
                assertThat(e.argument()).isEqualTo(1);
                assertThat(e.messageFor("date")).isEqualTo("bad argument #1 to 'date' (invalid conversion specifier '%Ez tail')");
            });
    }
}
