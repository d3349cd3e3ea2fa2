package dev.trellis.runtime.lua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.runtime.boot.ExitCode;
import dev.trellis.runtime.boot.LuaBoot;
import dev.trellis.runtime.boot.Output;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.ApplicationLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the Lua test suites as {@code trellis test} does: the spec suite of this module
 * ({@code src/test/resources/apps/spec}, one test per invariant of the process model) and every
 * example app's tests, each with its seed Lua unchanged.
 */
class LuaAppSuitesTest {

    static Stream<String> apps() {
        return Stream.of("src/test/resources/apps/spec", "src/test/resources/apps/supervision", "src/test/resources/apps/servers", "../examples/supervision", "../examples/messaging", "../examples/worker-pool",
                "../examples/monitored-pool", "../examples/monitoring", "../examples/linking",
                "../examples/registry", "../examples/topologies");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void everyTestOfTheAppPasses(String dir) throws Exception {
        LuaBoot boot = new LuaBoot(new PrintStream(new ByteArrayOutputStream(), true));
        Application app = new ApplicationLoader(boot.sourceCheck()).load(Path.of(dir));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = boot.test(app, app.tests(), new Output(new PrintWriter(out, true), new PrintWriter(err, true)));
        assertThat(out.toString()).doesNotContain("FAIL").contains(app.tests().size() + " passed, 0 failed");
        assertThat(exit).isEqualTo(ExitCode.OK);
    }
}
