package dev.trellis.runtime.cli;

import java.util.List;

import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.LuaFunction;
import dev.trellis.runtime.entry.SourceCheck;

/**
 * The boot of a build without the Lua binding: it runs nothing and says so in one sentence, exit 2.
 * Loading and validation still happen before it is called, so {@code run} and {@code test} report
 * a broken app exactly as {@code check} does.
 *
 * <pre>{@code
 * new UnavailableBoot().run(app, output);   // "trellis: cannot run app: running Lua processes is not available ..."
 * }</pre>
 */
final class UnavailableBoot implements ApplicationBoot {

    @Override
    public SourceCheck sourceCheck() {
        return SourceCheck.NONE;
    }

    @Override
    public int run(Application app, Output output) {
        return unavailable("run " + app.root(), output);
    }

    @Override
    public int exec(Application app, EntryId entry, List<String> args, Output output) {
        return unavailable("run " + entry + " in " + app.root(), output);
    }

    @Override
    public int test(Application app, List<LuaFunction> tests, Output output) {
        return unavailable("run the " + tests.size() + " test" + (tests.size() == 1 ? "" : "s") + " of " + app.root(), output);
    }

    private static int unavailable(String what, Output output) {
        output.err().println("trellis: cannot " + what + ": running Lua processes is not available in this build yet"
                + " (the app is valid; 'trellis check' validates apps until the Lua binding arrives).");
        return ExitCode.USAGE_OR_UNAVAILABLE;
    }
}
