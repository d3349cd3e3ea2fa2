package dev.trellis.runtime.boot;

import java.time.Duration;
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
 *       string payloads, wait for it to finish (terminating it after {@code timeout}, when given),
 *       shut down; exit 0 on a normal result, 1 on an error or a timeout.</li>
 *   <li>{@link #test}: boot, call each test function in the order given, each for at most its
 *       {@code meta.timeout} or else {@code timeout}, print one line per test ({@code PASS id} /
 *       {@code FAIL id: error}) and then {@code N passed, N failed} — also when SIGINT/SIGTERM
 *       interrupts the run; exit 0 when none failed.</li>
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

    /** @param timeout how long the process may run, or null for no limit */
    int exec(Application app, EntryId entry, List<String> args, Duration timeout, Output output);

    /** @param timeout how long a test without {@code meta.timeout} may run */
    int test(Application app, List<LuaFunction> tests, Duration timeout, Output output);

    /** How long a test without {@code meta.timeout} may run, unless {@code --timeout} says otherwise. */
    Duration DEFAULT_TEST_TIMEOUT = Duration.ofSeconds(30);

    /** {@link #test} with the default timeout. */
    default int test(Application app, List<LuaFunction> tests, Output output) {
        return test(app, tests, DEFAULT_TEST_TIMEOUT, output);
    }
}
