package dev.trellis.runtime.boot;

import java.util.Locale;

/**
 * How much a running app reports on standard error besides its own output, set with
 * {@code --log-level} ({@code --quiet} is {@code off}):
 * <ul>
 *   <li>{@link #ERROR}: crash reports, the failures no monitor, link or supervisor handles;</li>
 *   <li>{@link #WARN}: also the service notes (a service failed and restarts, gave up, did not
 *       stop in time) — the default;</li>
 *   <li>{@link #OFF}: nothing.</li>
 * </ul>
 * Problems that stop the command itself (a bad app, a failed boot) are always printed.
 */
public enum LogLevel {
    OFF, ERROR, WARN;

    /** {@return whether messages of {@code level} are printed at this setting} */
    public boolean shows(LogLevel level) {
        return level != OFF && ordinal() >= level.ordinal();
    }

    /**
     * Reads a level as written on the command line.
     *
     * @param text off, error or warn, in any case
     * @return the level
     * @throws IllegalArgumentException naming the accepted values
     */
    public static LogLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown log level '" + text + "' (expected off, error or warn)");
        }
    }
}
