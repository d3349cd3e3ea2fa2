package dev.trellis.runtime.cli;

import dev.trellis.runtime.boot.ApplicationBoot;
import dev.trellis.runtime.boot.ExitCode;
import dev.trellis.runtime.boot.Output;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.Entry;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.LuaProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis run DIR [--exec ns:entry [args…]]}: loads and validates the app (errors are
 * reported as {@code check} reports them), then hands it to the {@link ApplicationBoot}: boot the
 * hosts and auto-start entries and run until SIGINT/SIGTERM, or with {@code --exec} run one
 * {@code process.lua} to completion with the arguments as string payloads.
 *
 * <pre>{@code
 * ./trellis run examples/worker-pool
 * ./trellis run app --exec app:cli hello world
 * ./trellis run app --exec app:job --timeout 30s
 * }</pre>
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Boot an app and run it until SIGINT/SIGTERM, or run one process with --exec.")
final class RunCommand implements Callable<Integer> {

    private final Output output;
    private final ApplicationBoot boot;

    @Parameters(index = "0", paramLabel = "DIR", description = "The app directory.")
    Path dir;

    @Option(names = "--exec", paramLabel = "NS:ENTRY",
            description = "Run this process.lua to completion (after booting the app), then stop.")
    String exec;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = GoDurationConverter.class,
            description = "With --exec: terminate the process and fail if it runs longer (e.g. 30s). Default: no limit.")
    Duration timeout;

    @picocli.CommandLine.Mixin
    LogOptions logOptions = new LogOptions();

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments of the --exec process (strings).")
    List<String> args = new ArrayList<>();

    RunCommand(Output output, ApplicationBoot boot) {
        this.output = output;
        this.boot = boot;
    }

    @Override
    public Integer call() {
        if (exec == null && timeout != null) {
            output.err().println("trellis: --timeout limits the process of --exec ns:entry; 'run' without --exec runs until stopped");
            return ExitCode.USAGE_OR_UNAVAILABLE;
        }
        if (exec == null && !args.isEmpty()) {
            output.err().println("trellis: unexpected arguments " + args + ": arguments after DIR are passed to"
                    + " the process given with --exec ns:entry");
            return ExitCode.USAGE_OR_UNAVAILABLE;
        }
        if (exec != null && exec.indexOf(':') < 0) {
            return bareExecName(exec);
        }
        EntryId entry = null;
        if (exec != null) {
            try {
                entry = EntryId.parse(exec);
            } catch (IllegalArgumentException e) {
                output.err().println("trellis: --exec: " + e.getMessage());
                return ExitCode.USAGE_OR_UNAVAILABLE;
            }
        }
        Optional<Application> app = AppLoading.load(dir, boot.sourceCheck(), output);
        if (app.isEmpty()) {
            return ExitCode.FAILED;
        }
        if (entry == null) {
            return boot.run(app.get(), logOptions.apply(output));
        }
        Optional<Entry> target = app.get().entry(entry);
        if (target.isEmpty()) {
            output.err().println("trellis: --exec names '" + entry + "', which is not an entry of " + dir);
            return ExitCode.FAILED;
        }
        if (!(target.get() instanceof LuaProcess)) {
            output.err().println("trellis: --exec names '" + entry + "', which is a " + target.get().kind()
                    + "; --exec runs a process.lua");
            return ExitCode.FAILED;
        }
        return boot.exec(app.get(), entry, List.copyOf(args), timeout, logOptions.apply(output));
    }

    /**
     * {@code --exec worker}: ids are always {@code namespace:name} on the command line (there is no
     * namespace to default to), so say so, and name the process.lua entries of that name.
     */
    private int bareExecName(String name) {
        StringBuilder message = new StringBuilder("trellis: --exec '" + name + "': give the full entry id, namespace:name");
        Optional<Application> app = AppLoading.load(dir, boot.sourceCheck(), output);
        if (app.isEmpty()) {
            return ExitCode.FAILED;
        }
        List<String> candidates = app.get().entriesOf(LuaProcess.class).stream()
                .filter(p -> p.id().name().equals(name)).map(p -> p.id().toString()).sorted().toList();
        if (!candidates.isEmpty()) {
            message.append(" (did you mean ").append(String.join(" or ", candidates.stream().map(c -> "'" + c + "'").toList())).append("?)");
        }
        output.err().println(message);
        return ExitCode.USAGE_OR_UNAVAILABLE;
    }
}
