package dev.trellis.bench.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the embedding-API figures at tiny sizes: every line is printed and sane. Not a measurement. */
class LuaStateCostTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void printsEveryFigureWithASaneValue() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        LuaStateCost.run(20_000, 2_000, 2, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        // A fresh state is small (~200 B): at this size the heap reading's own noise may exceed it.
        assertThat(figure(out, "lua_state_bytes", "B/state")).isFinite().isLessThan(64_000.0);
        assertThat(figure(out, "lua_parked_state_bytes", "B/state")).isBetween(16.0, 64_000.0);
        assertThat(figure(out, "coroutine_switch_java_ns", "ns/switch")).isPositive();
        assertThat(figure(out, "coroutine_switch_lua_ns", "ns/switch")).isPositive();
    }

    @Test
    void theEchoCoroutineAnswersEveryResume() {
        // The loops check their own sums and throw when a resume's answer is lost or wrong.
        assertThat(LuaStateCost.javaRoundTrips(100)).isPositive();
        assertThat(LuaStateCost.luaRoundTrips(100)).isPositive();
    }

    private static double figure(String output, String name, String unit) {
        for (String line : output.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && f[0].equals(name)) {
                assertThat(f[2]).isEqualTo(unit);
                return Double.parseDouble(f[1]);
            }
        }
        throw new AssertionError("no line '" + name + "' in:\n" + output);
    }
}
