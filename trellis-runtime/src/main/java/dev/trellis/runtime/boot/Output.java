package dev.trellis.runtime.boot;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where a command writes: normal output and diagnostics, and how much of the running app's
 * reporting (crash reports, service notes) goes to {@code err}.
 *
 * <pre>{@code
 * Output output = new Output(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
 * output.err().println("trellis: no such directory: app");
 * Output quiet = output.withLogLevel(LogLevel.OFF);
 * }</pre>
 *
 * @param out normal output
 * @param err diagnostics
 * @param logLevel what the running app reports on {@code err}
 */
public record Output(PrintWriter out, PrintWriter err, LogLevel logLevel) {

    public Output {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(logLevel, "logLevel");
    }

    /** Output at the default level, {@link LogLevel#WARN}. */
    public Output(PrintWriter out, PrintWriter err) {
        this(out, err, LogLevel.WARN);
    }

    /** {@return the same streams at another level} */
    public Output withLogLevel(LogLevel level) {
        return new Output(out, err, level);
    }
}
