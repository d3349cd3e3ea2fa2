package dev.trellis.runtime.boot;

import dev.trellis.core.CrashReport;
import dev.trellis.core.CrashReporter;
import java.io.PrintWriter;

/**
 * The CLI's {@link CrashReporter}: each failure that nothing handles is printed on standard error
 * in {@link CrashReport#format()}'s form, at most {@value CrashReporter#DEFAULT_PER_SECOND} a
 * second (then a count of those held back), and nothing at {@code --log-level off}.
 *
 * <pre>
 * crash: {app:processes|0x00003} app:worker: INTERNAL: worker.lua:3: attempt to index a nil value (local 'job')
 *     stack traceback:
 *     	[C]: in ?
 *     	worker.lua:3: in function 'main'
 * </pre>
 */
final class CrashReports {

    private CrashReports() {
    }

    /** {@return the reporter for {@code output}'s error stream and level} */
    static CrashReporter to(Output output) {
        if (!output.logLevel().shows(LogLevel.ERROR)) {
            return CrashReporter.none();
        }
        PrintWriter err = output.err();
        return CrashReporter.rateLimited(report -> print(err, report.format()), CrashReporter.DEFAULT_PER_SECOND,
                line -> print(err, line));
    }

    private static void print(PrintWriter err, String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }
}
