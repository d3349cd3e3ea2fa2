package dev.trellis.lua.lib.text;

import org.junit.jupiter.api.Test;

/**
 * Runs the recorded PUC Lua 5.4 answers of the *Cases files against the text-library classes.
 * To add a case, add a "> call(...)" line to a cases file and run
 * {@code TZ=UTC lua5.4 puc-cases.lua XCases.java} in this directory to record its "= ..." line.
 */
class PucComparisonTest {

    @Test
    void patternsMatchPuc() {
        LuaTextHarness.checkCases(PatternCases.CASES);
    }

    @Test
    void formatMatchesPuc() {
        LuaTextHarness.checkCases(FormatCases.CASES);
    }

    @Test
    void packMatchesPuc() {
        LuaTextHarness.checkCases(PackCases.CASES);
    }

    @Test
    void utf8MatchesPuc() {
        LuaTextHarness.checkCases(Utf8Cases.CASES);
    }

    @Test
    void numbersAndDatesMatchPuc() {
        LuaTextHarness.checkCases(NumberCases.CASES);
    }
}
