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
 * {@code dev.trellis.lua.LuaMain.run(FILE, args…)} (its exit status becomes the command's; a class
 * with only {@code main} is called through it) from module trellis-lua. The class is looked up
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
        Method run = runMethod(Class.forName(mainClass));
        if (run != null) {
            // LuaMain.run returns the exit status instead of calling System.exit.
            try {
                return (Integer) run.invoke(null, (Object) argv.toArray(String[]::new));
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        try {
            main.invoke(null, (Object) argv.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return ExitCode.OK;
    }

    /** {@return the class's {@code static int run(String[])}, or null} */
    private static Method runMethod(Class<?> type) {
        try {
            Method m = type.getMethod("run", String[].class);
            return Modifier.isStatic(m.getModifiers()) && m.getReturnType() == int.class ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
