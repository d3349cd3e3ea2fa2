package dev.trellis.runtime.boot;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that starts every line with a prefix: {@code trellis test} writes what the
 * app's processes print as {@code "  | {pid} text"}, so it stands apart from the {@code PASS} and
 * {@code FAIL} lines.
 *
 * <pre>{@code
 * PrintStream labelled = new PrintStream(new LinePrefixStream(System.out, "  | "), true);
 * }</pre>
 *
 * <p>Thread-safety: as the stream it wraps; the runtime writes each printed line whole, under the
 * lock of the {@code PrintStream} over this one.
 */
final class LinePrefixStream extends FilterOutputStream {

    private final byte[] prefix;
    private boolean atLineStart = true;

    LinePrefixStream(OutputStream out, String prefix) {
        super(out);
        this.prefix = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
        if (atLineStart) {
            out.write(prefix);
        }
        out.write(b);
        atLineStart = b == '\n';
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (atLineStart) {
                out.write(b, start, i - start);
                out.write(prefix);
                start = i;
                atLineStart = false;
            }
            if (b[i] == '\n') {
                atLineStart = true;
            }
        }
        out.write(b, start, end - start);
    }
}
