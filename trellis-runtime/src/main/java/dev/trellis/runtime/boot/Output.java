package dev.trellis.runtime.boot;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where a command writes: normal output and diagnostics.
 *
 * <pre>{@code
 * Output output = new Output(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
 * output.err().println("trellis: no such directory: app");
 * }</pre>
 */
public record Output(PrintWriter out, PrintWriter err) {

    public Output {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
