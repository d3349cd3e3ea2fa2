package dev.trellis.runtime.cli;

import dev.trellis.runtime.boot.LogLevel;
import dev.trellis.runtime.boot.Output;
import picocli.CommandLine.Option;

/**
 * {@code --log-level} and {@code --quiet}, shared by the commands that run an app.
 *
 * <pre>{@code
 * ./trellis run app --log-level error     # crash reports only, no service notes
 * ./trellis test app --quiet              # nothing but the test lines
 * }</pre>
 */
final class LogOptions {

    @Option(names = "--log-level", paramLabel = "LEVEL", converter = LogLevelConverter.class,
            description = "What the running app reports on stderr: off, error (crash reports), warn (also service notes; the default).")
    LogLevel level;

    @Option(names = {"-q", "--quiet"}, description = "Same as --log-level off.")
    boolean quiet;

    /** {@return {@code output} at the level chosen on the command line} */
    Output apply(Output output) {
        if (quiet) {
            return output.withLogLevel(LogLevel.OFF);
        }
        return level == null ? output : output.withLogLevel(level);
    }

}
