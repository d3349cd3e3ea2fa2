package dev.trellis.runtime.boot;

import java.util.List;

import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.LuaFunction;
import dev.trellis.runtime.entry.SourceCheck;

/**
 * The step from a validated {@link Application} to running processes: the one place where the CLI
 * meets the Lua binding of trellis-core and trellis-lua.
 *
 * <pre>{@code
 * ApplicationBoot boot = ApplicationBoot.forThisBuild();
 * Application app = new ApplicationLoader(boot.sourceCheck()).load(dir);
 * int exit = boot.run(app, output);   // boots hosts and auto-start entries, runs until SIGINT/SIGTERM
 * }</pre>
 *
 * <p>Contract for implementations, each method returning an {@link ExitCode}:
 * <ul>
 *   <li>{@link #run}: start {@link Application#startOrder()} in order (a {@code required} entry that
 *       fails to start fails the boot), run until SIGINT or SIGTERM, then stop
 *       {@link Application#stopOrder()} gracefully, each within its {@code stop_timeout}.</li>
 *   <li>{@link #exec}: boot as {@code run} does, spawn one {@code process.lua} with the arguments as
 *       string payloads, wait for it to finish, shut down; exit 0 on a normal result, 1 on an error.</li>
 *   <li>{@link #test}: boot, call each test function in the order given, print one line per test
 *       ({@code PASS id} / {@code FAIL id: error}) and then {@code N passed, N failed}; exit 0 when
 *       none failed.</li>
 * </ul>
 */
public interface ApplicationBoot {

    /** The boot of this build: Lua processes on the Trellis core, printing to stdout. */
    static ApplicationBoot forThisBuild() {
        return new LuaBoot(System.out);
    }

    /** The Lua syntax check applied at load time, so syntax errors are reported with the other problems. */
    SourceCheck sourceCheck();

    int run(Application app, Output output);

    int exec(Application app, EntryId entry, List<String> args, Output output);

    int test(Application app, List<LuaFunction> tests, Output output);
}
