package dev.trellis.runtime.boot;

/**
 * The exit codes of the {@code trellis} command.
 *
 * <pre>{@code
 * System.exit(ExitCode.OK);
 * }</pre>
 */
public final class ExitCode {

    /** Done: the app is valid, the run ended cleanly, every test passed. */
    public static final int OK = 0;
    /** The app is invalid (every problem was printed), an argument names nothing usable, or a test failed. */
    public static final int FAILED = 1;
    /** The command line is wrong (picocli's usage error), or this build cannot do what was asked. */
    public static final int USAGE_OR_UNAVAILABLE = 2;

    private ExitCode() {
    }
}
