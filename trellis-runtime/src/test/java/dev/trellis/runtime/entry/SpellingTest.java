package dev.trellis.runtime.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void findsTyposWithinTheirDistanceOnly() {
        List<String> known = List.of("auto_start", "requires", "depends_on");
        assertThat(Spelling.closest("auto_strat", known)).contains("auto_start");   // a swap
        assertThat(Spelling.closest("requiers", known)).contains("requires");
        assertThat(Spelling.closest("depend_on", known)).contains("depends_on");     // a deletion
        assertThat(Spelling.closest("restart", known)).isEmpty();
        assertThat(Spelling.closest("tset", List.of("test"))).contains("test");
        assertThat(Spelling.closest("TEST", List.of("test"))).contains("test");
        assertThat(Spelling.closest("test", List.of("test"))).isEmpty();             // not a typo
        assertThat(Spelling.closest("tx", List.of("test"))).isEmpty();
        assertThat(Spelling.closest("x", List.of())).isEmpty();
    }

    @Test
    void didYouMeanIsEmptyWhenNothingIsClose() {
        assertThat(Spelling.didYouMean("mian", List.of("main", "init"))).isEqualTo(" (did you mean 'main'?)");
        assertThat(Spelling.didYouMean("zzz", List.of("main"))).isEmpty();
    }
}
