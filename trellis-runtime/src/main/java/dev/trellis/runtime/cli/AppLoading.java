package dev.trellis.runtime.cli;

import dev.trellis.runtime.boot.ApplicationBoot;
import dev.trellis.runtime.boot.ExitCode;
import dev.trellis.runtime.boot.Output;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.ApplicationException;
import dev.trellis.runtime.entry.ApplicationLoader;
import dev.trellis.runtime.entry.Problem;
import dev.trellis.runtime.entry.SourceCheck;

/**
 * Loads the app a command names and prints its problems the same way for every command.
 *
 * <pre>{@code
 * Optional<Application> app = AppLoading.load(dir, boot.sourceCheck(), output);
 * if (app.isEmpty()) return ExitCode.FAILED;   // the problems are printed
 * }</pre>
 */
final class AppLoading {

    private AppLoading() {
    }

    static Optional<Application> load(Path dir, SourceCheck sourceCheck, Output output) {
        try {
            return Optional.of(new ApplicationLoader(sourceCheck).load(dir));
        } catch (ApplicationException e) {
            List<Problem> problems = e.problems();
            if (problems.size() == 1 && problems.getFirst().location().file().equals(dir)) {
                output.err().println("trellis: " + problems.getFirst());   // no such directory, not a directory, …
            } else {
                output.err().println("trellis: app " + dir + " is invalid (" + problems.size()
                        + (problems.size() == 1 ? " problem):" : " problems):"));
                problems.forEach(p -> output.err().println(p));
            }
            return Optional.empty();
        }
    }
}
