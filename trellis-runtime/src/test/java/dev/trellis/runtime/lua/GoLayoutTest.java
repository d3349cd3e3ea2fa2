package dev.trellis.runtime.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Go layouts and Go calendar arithmetic, without a Lua state. */
class GoLayoutTest {

    private static final Instant REFERENCE = Instant.parse("2006-01-02T22:04:05.123Z");   // Mon Jan 2 15:04:05 MST 2006
    private static final LuaLocation MST = LuaLocation.fixed("MST", -7 * 3600);

    @Test
    void theReferenceTimeFormatsAsItsOwnLayout() {
        assertThat(GoLayout.format(REFERENCE, MST, "Mon Jan 2 15:04:05 MST 2006")).isEqualTo("Mon Jan 2 15:04:05 MST 2006");
        assertThat(GoLayout.format(REFERENCE, MST, "2006-01-02T15:04:05.999999999Z07:00")).isEqualTo("2006-01-02T15:04:05.123-07:00");
        assertThat(GoLayout.format(REFERENCE, LuaLocation.UTC, "2006-01-02T15:04:05Z07:00")).isEqualTo("2006-01-02T22:04:05Z");
        assertThat(GoLayout.format(REFERENCE, MST, ".000000 .99")).isEqualTo(".123000 .12");
        assertThat(GoLayout.format(Instant.ofEpochSecond(0), LuaLocation.UTC, "05.999")).isEqualTo("00");
    }

    @Test
    void parsingReadsWhatFormattingWrote() throws Exception {
        String layout = "Monday, 02-Jan-06 03:04:05.000 PM -07:00";
        String text = GoLayout.format(REFERENCE, MST, layout);
        GoLayout.Parsed p = GoLayout.parse(layout, text, LuaLocation.UTC);
        assertThat(Instant.ofEpochSecond(p.epochSecond(), p.nano())).isEqualTo(REFERENCE);
        assertThat(p.location().name()).isEmpty();   // an offset that is not the default zone's: a nameless fixed zone
        assertThat(GoLayout.parse(layout, text, MST).location()).isSameAs(MST);
    }

    @Test
    void badTextIsRejectedWithGoWording() {
        assertThatThrownBy(() -> GoLayout.parse("2006-01-02", "2024-1-02", LuaLocation.UTC))
                .isInstanceOf(GoLayout.ParseError.class)
                .hasMessage("parsing time \"2024-1-02\" as \"2006-01-02\": cannot parse \"1-02\" as \"01\"");
        assertThatThrownBy(() -> GoLayout.parse("15:04", "12:61", LuaLocation.UTC))
                .hasMessage("parsing time \"12:61\": minute out of range");
    }

    @Test
    void calendarFieldsCarryOverAndRoundingCountsFromYearOne() {
        long s = GoDates.epochSecondIn(GoDates.normalized(2023, 14, 0, 0, 0, 0), LuaLocation.UTC);
        assertThat(Instant.ofEpochSecond(s)).isEqualTo(Instant.parse("2024-01-31T00:00:00Z"));
        // 7 minutes does not divide a day: multiples count from 0001-01-01, as Go's Truncate does
        long[] t = GoDates.truncate(0, 0, 7 * 60_000_000_000L);
        assertThat((t[0] - GoLayout.ZERO_TIME_EPOCH_SECOND) % 420).isZero();
        assertThat(t[0]).isLessThanOrEqualTo(0).isGreaterThan(-420);
        assertThat(GoDates.round(1, 500_000_000, 1_000_000_000L)).containsExactly(2, 0);
        assertThat(GoDates.between(Long.MAX_VALUE / 2, 0, 0, 0)).isEqualTo(Long.MAX_VALUE);
    }
}
