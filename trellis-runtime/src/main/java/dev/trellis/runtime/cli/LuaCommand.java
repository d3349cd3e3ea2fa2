package dev.trellis.runtime.cli;

import dev.trellis.runtime.boot.ApplicationBoot;
import dev.trellis.runtime.boot.ExitCode;
import dev.trellis.runtime.boot.Output;
import dev.trellis.lua.LuaMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis lua FILE [args…]}: runs one Lua script standalone with the VM's own runner,
 * {@link LuaMain#run(String[])}; its exit status (0, or 1 after printing {@code lua: <error>} and
 * the traceback to stderr) becomes the command's.
 *
 * <pre>{@code
 * ./trellis lua hello.lua world
 * }</pre>
 */
@Command(name = "lua", mixinStandardHelpOptions = true, description = "Run a Lua script standalone.")
final class LuaCommand implements Callable<Integer> {

    private final Output output;

    @Parameters(index = "0", paramLabel = "FILE", description = "The Lua file.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments of the script.")
    List<String> args = new ArrayList<>();

    LuaCommand(Output output) {
        this.output = output;
    }

    @Override
    public Integer call() {
        if (!Files.exists(file)) {
            output.err().println("trellis: no such file: " + file);
            return ExitCode.FAILED;
        }
        if (Files.isDirectory(file)) {
            output.err().println("trellis: " + file + " is a directory; 'trellis lua' runs one Lua file"
                    + " ('trellis run DIR' runs an app)");
            return ExitCode.FAILED;
        }
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        output.out().flush();
        return LuaMain.run(argv.toArray(String[]::new));
    }
}
