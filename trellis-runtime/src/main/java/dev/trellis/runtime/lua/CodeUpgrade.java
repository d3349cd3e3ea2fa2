package dev.trellis.runtime.lua;

/**
 * The signal of {@code process.upgrade}: it unwinds the running Lua code of a process up to
 * {@link LuaProc#run()}, which then throws that code away and starts {@code program}'s main with
 * {@code args}, as the same process (same pid, mailbox, subscriptions, links, monitors, context).
 *
 * <pre>{@code
 * // in the upgrade host function, once the target is known to exist:
 * throw new CodeUpgrade(target, Payloads.exportAll(args, 1));
 * }</pre>
 *
 * <p>It is an {@link Error}, as the core's kill signal is, so that neither {@code pcall} nor a
 * host's {@code catch (RuntimeException e)} stops it on its way out: the code that asked for the
 * upgrade must not go on running. It carries no stack trace (it is control flow, not a failure).
 *
 * <p>Thread-safety: immutable; thrown and caught on the process's own thread.
 *
 * @see LuaProc#run()
 */
public final class CodeUpgrade extends Error {
    private static final long serialVersionUID = 1L;

    private final transient LuaProgram program;
    private final transient Object[] args;

    /**
     * @param program the entry to run from now on
     * @param args main's arguments, exported (process-independent) values
     */
    public CodeUpgrade(LuaProgram program, Object[] args) {
        super("process.upgrade to " + program.id(), null, false, false);
        this.program = program;
        this.args = args;
    }

    /** {@return the entry to run from now on} */
    public LuaProgram program() {
        return program;
    }

    /** {@return main's arguments, exported values} */
    Object[] args() {
        return args;
    }
}
