package dev.trellis.core;

import java.time.Instant;

/**
 * What the node tells its {@link CrashReporter} when a process fails and nothing handles the
 * failure: no process monitors it, none is linked to it, no supervisor owns it (a supervisor links
 * and monitors its children, so their crashes are the supervisor's to handle). Erlang logs the same
 * event as an error report; without one, such a crash would pass unseen.
 *
 * <p>Reported: the process's own code threw (or, in Lua, raised or returned an error). Not
 * reported: a process killed from outside ({@code terminate}, a cancel timeout, a host or node stop,
 * a failed link), since whoever killed it knows.
 *
 * <pre>{@code
 * Node node = Node.builder()
 *         .crashReporter(report -> myLog.error(report.format()))
 *         .start();
 * }</pre>
 *
 * @param pid the process that failed
 * @param process what it ran: a Lua entry id such as {@code app:worker}, the class of a Java
 *     {@link ProcessBody} that has a name of its own, or null for a lambda
 * @param error what it exited with
 * @param stack where it failed: the Lua traceback for a Lua process, the Java stack trace of the
 *     exception for a Java one; null when there is none
 * @param at when it exited
 */
public record CrashReport(Pid pid, String process, ProcessError error, String stack, Instant at) {

    /**
     * {@return the report as text, the format the CLI prints and the default reporter logs}
     * The first line is {@code crash: PID [PROCESS]: KIND: MESSAGE}; the stack follows, each line
     * indented by four spaces:
     * <pre>
     * crash: {app:processes|0x00012} app:worker: INTERNAL: worker.lua:5: attempt to index a nil value (local 'job')
     *     stack traceback:
     *     	worker.lua:5: in function 'main'
     * </pre>
     */
    public String format() {
        StringBuilder b = new StringBuilder("crash: ").append(pid);
        if (process != null) {
            b.append(' ').append(process);
        }
        b.append(": ").append(error.kind()).append(": ").append(error.message());
        if (stack != null && !stack.isBlank()) {
            for (String line : stack.strip().split("\n")) {
                b.append("\n    ").append(line);
            }
        }
        return b.toString();
    }
}
