package dev.trellis.runtime.cli;

import dev.trellis.runtime.boot.ApplicationBoot;
import dev.trellis.runtime.boot.ExitCode;
import dev.trellis.runtime.boot.Output;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.LuaFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis test DIR [FILTER]}: loads and validates the app, selects its test functions
 * ({@code function.lua} with {@code meta.type: test}) whose id contains FILTER, and hands them to
 * the {@link ApplicationBoot}, which prints one line per test and {@code N passed, N failed}.
 *
 * <pre>{@code
 * ./trellis test examples/linking
 * ./trellis test examples/linking trap      # only tests whose id contains "trap"
 * ./trellis test examples/linking --timeout 5s
 * }</pre>
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the test functions (meta.type: test) of an app.")
final class TestCommand implements Callable<Integer> {

    private final Output output;
    private final ApplicationBoot boot;

    @Parameters(index = "0", paramLabel = "DIR", description = "The app directory.")
    Path dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILTER",
            description = "Run only the tests whose id contains this text.")
    String filter;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = GoDurationConverter.class,
            description = "How long one test may run before it fails, unless its entry sets meta.timeout (default: 30s).")
    Duration timeout = ApplicationBoot.DEFAULT_TEST_TIMEOUT;

    @picocli.CommandLine.Mixin
    LogOptions logOptions = new LogOptions();

    TestCommand(Output output, ApplicationBoot boot) {
        this.output = output;
        this.boot = boot;
    }

    @Override
    public Integer call() {
        Optional<Application> app = AppLoading.load(dir, boot.sourceCheck(), output);
        if (app.isEmpty()) {
            return ExitCode.FAILED;
        }
        List<LuaFunction> all = app.get().tests();
        if (all.isEmpty()) {
            output.err().println("trellis: " + dir + " has no tests (function.lua entries with meta.type: test)");
            return ExitCode.FAILED;
        }
        List<LuaFunction> selected = filter == null ? all
                : all.stream().filter(t -> t.id().toString().contains(filter)).toList();
        if (selected.isEmpty()) {
            output.err().println("trellis: no test of " + dir + " matches '" + filter + "' (" + all.size()
                    + (all.size() == 1 ? " test" : " tests") + " in the app)");
            return ExitCode.FAILED;
        }
        return boot.test(app.get(), selected, timeout, logOptions.apply(output));
    }
}
