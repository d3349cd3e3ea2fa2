package dev.trellis.bench.macro;

import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import dev.trellis.core.supervision.ChildSpec;
import dev.trellis.core.supervision.ChildStart;
import dev.trellis.core.supervision.ExitReason;
import dev.trellis.core.supervision.StartResult;
import dev.trellis.core.supervision.Supervisor;
import dev.trellis.core.supervision.SupervisorOptions;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Supervisor restart latency: a one_for_one supervisor (restart limit {@code Integer.MAX_VALUE} in
 * the default 5 s window) with one permanent worker that crashes on its first message. The driver
 * sends {@code crash}, the supervisor restarts the worker, and the start function (run by the
 * supervisor) tells the driver the new pid; the driver then kills that one. Timed over N kills;
 * microseconds per crash + restart.
 *
 * <pre>{@code
 * double micros = SupRestart.latency().run(1_000);       // the sup_restart row
 * double storm = SupRestart.storm().run(100_000);        // the sup_restart_storm row
 * }</pre>
 *
 * <p>Two rows share this class: {@code sup_restart} (1 000 kills) and {@code sup_restart_storm}
 * (100 000 kills in one window), where OTP 25 slows down because it rescans its list of recent
 * restarts on each one. The Erlang twin does the same work: an OTP {@code supervisor} whose start
 * function spawns the worker linked and sends {@code {started, Pid}} to the driver.
 */
public final class SupRestart extends NodeWorkload {

    /** Parks until the first message, then fails (an abnormal exit: the supervisor restarts it). */
    private static final ProcessBody CRASH_ON_MESSAGE = proc -> {
        proc.inbox().receive();
        throw new IllegalStateException("crash");
    };

    private final double anchor;

    private SupRestart(String name, int fullSize, double anchor, String description) {
        super(name, "us/restart", Direction.LOWER_IS_BETTER, fullSize, description);
        this.anchor = anchor;
    }

    /** The {@code sup_restart} row: 1 000 kills, Erlang reference figure 8.5 µs (docs/benchmarks.md, Reference figures). */
    public static SupRestart latency() {
        return new SupRestart("sup_restart", 1_000, 8.5,
                "one_for_one child crashes on a message, is restarted, driver learns the new pid; per kill");
    }

    /**
     * The {@code sup_restart_storm} row: 100 000 kills in one restart window, Erlang reference figure
     * 124 µs (docs/benchmarks.md, Reference figures).
     */
    public static SupRestart storm() {
        return new SupRestart("sup_restart_storm", 100_000, 124,
                "sup_restart over 100 000 kills inside one 5 s restart window; per kill");
    }

    /** Kills in each warm-up run of the short row: enough for the JIT to compile the restart path. */
    static final int WARMUP_KILLS = 50_000;

    /**
     * At least {@value #WARMUP_KILLS} kills: a warm-up of 1 000 kills leaves the restart path
     * mostly interpreted (measured here: ~220 µs per kill at 100 kills, ~27 µs at 1 000, a few µs
     * once compiled), which times the JIT rather than the supervisor. Each run builds a fresh node
     * and supervisor, so the larger warm-up leaves nothing behind in the measured runs' restart window.
     */
    @Override
    public int warmupSize(int size) {
        return Math.max(size, WARMUP_KILLS);
    }

    @Override
    public OptionalDouble designAnchor() {
        return OptionalDouble.of(anchor);
    }

    @Override
    protected double drive(Node node, Proc driver, int size) {
        Pid self = driver.pid();
        ChildStart crashOnMessage = ctx -> {
            Pid worker = ctx.spawn(CRASH_ON_MESSAGE);
            ctx.proc().send(self, "started", worker);
            return StartResult.ok(worker);
        };
        StartResult started = Supervisor.startLink(driver, List.of(ChildSpec.worker("w", crashOnMessage)),
                SupervisorOptions.oneForOne().maxRestarts(Integer.MAX_VALUE));
        Pid sup = started.pidOrNull();
        if (sup == null) {
            throw new IllegalStateException(name() + ": the supervisor did not start: " + started);
        }
        Pid current = nextStarted(driver);
        long start = System.nanoTime();
        for (int i = 0; i < size; i++) {
            driver.send(current, "crash", i);
            Pid next = nextStarted(driver);
            if (next.equals(current)) {
                throw new IllegalStateException(name() + ": restarted child has the old pid " + current);
            }
            current = next;
        }
        long elapsed = System.nanoTime() - start;
        Supervisor.stop(driver, sup, ExitReason.NORMAL);
        awaitProcessCount(node, driver, 1);
        return elapsed / 1e3 / size;
    }

    /** The pid in the next {@code started} message from a start function. */
    static Pid nextStarted(Proc driver) {
        Message m = driver.inbox().receive();
        if (!m.topic().equals("started") || !(m.payload() instanceof Pid pid)) {
            throw new IllegalStateException("expected a 'started' message with a pid, got " + m);
        }
        return pid;
    }
}
