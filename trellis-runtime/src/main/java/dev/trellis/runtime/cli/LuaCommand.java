package dev.trellis.runtime.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trellis lua FILE [args…]}: runs one Lua script standalone by calling
 * {@code dev.trellis.lua.LuaMain.main(FILE, args…)} from module trellis-lua. The class is looked up
 * at run time, so this command reports clearly when the module does not provide it yet.
 *
 * <pre>{@code
 * ./trellis lua hello.lua world
 * }</pre>
 */
@Command(name = "lua", mixinStandardHelpOptions = true, description = "Run a Lua script standalone.")
final class LuaCommand implements Callable<Integer> {

    private final Output output;
    private final String mainClass;

    @Parameters(index = "0", paramLabel = "FILE", description = "The Lua file.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments of the script.")
    List<String> args = new ArrayList<>();

    LuaCommand(Output output, String mainClass) {
        this.output = output;
        this.mainClass = mainClass;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(file)) {
            output.err().println("trellis: no such file: " + file);
            return ExitCode.FAILED;
        }
        if (Files.isDirectory(file)) {
            output.err().println("trellis: " + file + " is a directory; 'trellis lua' runs one Lua file"
                    + " ('trellis run DIR' runs an app)");
            return ExitCode.FAILED;
        }
        Method main;
        try {
            main = Class.forName(mainClass).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            output.err().println("trellis: running Lua scripts is not available in this build yet ("
                    + mainClass + " is not on the class path).");
            return ExitCode.USAGE_OR_UNAVAILABLE;
        }
        if (!Modifier.isStatic(main.getModifiers())) {
            output.err().println("trellis: " + mainClass + ".main is not static");
            return ExitCode.USAGE_OR_UNAVAILABLE;
        }
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        output.out().flush();
        try {
            main.invoke(null, (Object) argv.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return ExitCode.OK;
    }
}
