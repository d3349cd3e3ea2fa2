package dev.trellis.runtime.cli;

import dev.trellis.runtime.boot.ApplicationBoot;
import dev.trellis.runtime.boot.ExitCode;
import dev.trellis.runtime.boot.Output;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code trellis} command: {@code check}, {@code run}, {@code test} and {@code lua}.
 *
 * <pre>{@code
 * ./trellis check examples/worker-pool        # validate an app, print its entries and start order
 * ./trellis run examples/worker-pool          # boot it, run until Ctrl-C
 * ./trellis run app --exec app:cli a b        # run one process to completion
 * ./trellis test examples/linking [filter]    # run its meta.type: test functions
 * ./trellis lua script.lua [args…]            # run one Lua file
 * }</pre>
 *
 * <p>Exit codes are in {@link ExitCode}. Errors are one clear line each (a broken app lists every
 * problem as {@code file:line: entry 'ns:name': message}); a stack trace is printed only for an
 * unexpected internal error and only with {@code TRELLIS_DEBUG=1}.
 */
@Command(name = "trellis", mixinStandardHelpOptions = true, version = "trellis 0.1.0",
        description = "Runs Trellis apps: directories of _index.yaml entries and Lua sources.",
        synopsisSubcommandLabel = "COMMAND")
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int exit = execute(new Output(out, err), ApplicationBoot.forThisBuild(), args);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
    public static int execute(Output output, ApplicationBoot boot, String... args) {
        return commandLine(output, boot).execute(args);
    }

    static CommandLine commandLine(Output output, ApplicationBoot boot) {
        CommandLine commandLine = new CommandLine(new Main())
                .addSubcommand("check", new CheckCommand(output, boot))
                .addSubcommand("run", new RunCommand(output, boot))
                .addSubcommand("test", new TestCommand(output, boot))
                .addSubcommand("lua", new LuaCommand(output));
        commandLine.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        commandLine.getSubcommands().get("lua").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        commandLine.setOut(output.out());
        commandLine.setErr(output.err());
        commandLine.setParameterExceptionHandler((e, args) -> {
            output.err().println("trellis: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, output.err());
            output.err().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE_OR_UNAVAILABLE;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            output.err().println("trellis: unexpected error: " + e
                    + (System.getenv("TRELLIS_DEBUG") == null ? " (set TRELLIS_DEBUG=1 for the stack trace)" : ""));
            if (System.getenv("TRELLIS_DEBUG") != null) {
                e.printStackTrace(output.err());
            }
            return ExitCode.FAILED;
        });
        return commandLine;
    }

    /** {@code trellis} alone: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("trellis: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE_OR_UNAVAILABLE;
    }
}
