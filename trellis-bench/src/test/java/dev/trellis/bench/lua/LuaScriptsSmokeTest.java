package dev.trellis.bench.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.lua.LuaMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the {@code run-lua} scripts runnable on Trellis's VM: each script at a tiny size prints
 * the checksum that PUC Lua 5.4 and LuaJIT print for the same size, and its in-script time. Not a
 * measurement.
 */
class LuaScriptsSmokeTest {

    private static final Path SCRIPTS = Path.of("lua");

    @ParameterizedTest(name = "{0}.lua {1}")
    @CsvSource({
        // script, size, checksum printed by lua5.4 and luajit at that size
        "fib, 15, 610",
        "table_loop, 2000, 26039000",
        "strings, 2000, 165164",
        "closures, 2000, 4009000",
        "methods, 2000, 57002",
        "coroutines, 2000, 6003000",
    })
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void printsTheReferenceChecksumAndAnInScriptTime(String script, String size, String checksum) {
        String output = runLuaMain(SCRIPTS.resolve(script + ".lua").toString(), size, "2");
        assertThat(output).contains("checksum " + checksum + "\n").containsPattern("(?m)^hot \\d+\\.\\d{6}$");
    }

    @Test
    void everyScriptInTheDirectoryIsCoveredAbove() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("fib.lua", "table_loop.lua", "strings.lua", "closures.lua",
                            "methods.lua", "coroutines.lua");
        }
    }

    /** Runs LuaMain in this JVM and returns what the script printed; fails on a non-zero status. */
    private static String runLuaMain(String... argv) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            status = LuaMain.run(argv);
        } finally {
            System.setOut(saved);
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(status).as("LuaMain exit status; output: " + output).isZero();
        return output;
    }
}
