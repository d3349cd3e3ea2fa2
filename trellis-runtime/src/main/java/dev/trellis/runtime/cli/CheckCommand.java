package dev.trellis.runtime.cli;

import dev.trellis.runtime.boot.ApplicationBoot;
import dev.trellis.runtime.boot.ExitCode;
import dev.trellis.runtime.boot.Output;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.trellis.runtime.entry.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis check DIR}: loads and validates an app; prints its entries by kind and its
 * auto-start order (exit 0), or every problem (exit 1). Starts nothing.
 *
 * <pre>{@code
 * $ ./trellis check examples/worker-pool
 * examples/worker-pool: valid, 3 entries in 3 files
 * ...
 * }</pre>
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Load and validate an app; print its entries and auto-start order, or every problem.")
final class CheckCommand implements Callable<Integer> {

    private final Output output;
    private final ApplicationBoot boot;

    @Parameters(index = "0", paramLabel = "DIR", description = "The app directory.")
    Path dir;

    CheckCommand(Output output, ApplicationBoot boot) {
        this.output = output;
        this.boot = boot;
    }

    @Override
    public Integer call() {
        Optional<Application> app = AppLoading.load(dir, boot.sourceCheck(), output);
        if (app.isEmpty()) {
            return ExitCode.FAILED;
        }
        AppSummary.print(app.get(), output.out());
        return ExitCode.OK;
    }
}
