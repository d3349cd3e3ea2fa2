package dev.trellis.bench.macro;

import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import dev.trellis.core.channel.Selected;
import dev.trellis.core.supervision.ChildSpec;
import dev.trellis.core.supervision.ExitReason;
import dev.trellis.core.supervision.ShutdownException;
import dev.trellis.core.supervision.StartResult;
import dev.trellis.core.supervision.Supervisor;
import dev.trellis.core.supervision.SupervisorOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * one_for_all group restart: a supervisor (restart limit {@code Integer.MAX_VALUE}) with
 * {@value #GROUP} permanent workers. The driver crashes the first one; the supervisor stops the
 * other nine (a CANCEL each, on which they exit {@code shutdown}, in reverse start order), then starts
 * all ten again; each start function tells the driver its new pid, and once the driver has all ten
 * it crashes the new first one. Timed over N group restarts; microseconds per group restart.
 *
 * <pre>{@code
 * double microsPerGroupRestart = new SupOneForAll().run(10_000);
 * }</pre>
 *
 * <p>The Erlang twin: an OTP {@code one_for_all} supervisor with ten plain linked workers (the
 * supervisor's {@code exit(Pid, shutdown)} kills them, as they do not trap exits), each start
 * function sending {@code {started, I, Pid}} to the driver.
 */
public final class SupOneForAll extends NodeWorkload {

    /** Children in the group. */
    static final int GROUP = 10;

    /** Exits {@code shutdown} on any event (the supervisor's CANCEL), fails on any message. */
    private static final ProcessBody MEMBER = proc -> {
        var events = proc.events();
        var inbox = proc.inbox();
        Selected s = proc.select(events.receiveCase(), inbox.receiveCase());
        if (s.channel() == events) {
            throw new ShutdownException();
        }
        throw new IllegalStateException("crash");
    };

    public SupOneForAll() {
        super("sup_one_for_all", "us/group", Direction.LOWER_IS_BETTER, 10_000,
                "one of 10 one_for_all children crashes; 9 stopped, 10 started, driver learns all pids; per group");
    }

    @Override
    protected double drive(Node node, Proc driver, int size) {
        Pid self = driver.pid();
        List<ChildSpec> group = new ArrayList<>(GROUP);
        for (int i = 0; i < GROUP; i++) {
            int index = i;
            group.add(ChildSpec.worker("g" + i, ctx -> {
                Pid member = ctx.spawn(MEMBER);
                ctx.proc().send(self, "started", index, member);
                return StartResult.ok(member);
            }));
        }
        StartResult started = Supervisor.startLink(driver, group,
                SupervisorOptions.oneForAll().maxRestarts(Integer.MAX_VALUE));
        Pid sup = started.pidOrNull();
        if (sup == null) {
            throw new IllegalStateException("sup_one_for_all: the supervisor did not start: " + started);
        }
        Pid first = awaitGroup(driver);
        long start = System.nanoTime();
        for (int i = 0; i < size; i++) {
            driver.send(first, "crash", i);
            first = awaitGroup(driver);
        }
        long elapsed = System.nanoTime() - start;
        Supervisor.stop(driver, sup, ExitReason.NORMAL);
        awaitProcessCount(node, driver, 1);
        return elapsed / 1e3 / size;
    }

    /** Receives the {@value #GROUP} start reports of one round, in start order; returns the first pid. */
    private static Pid awaitGroup(Proc driver) {
        Pid first = null;
        for (int k = 0; k < GROUP; k++) {
            Message m = driver.inbox().receive();
            if (!m.topic().equals("started") || m.payloadCount() != 2 || !m.payload(0).equals(k)
                    || !(m.payload(1) instanceof Pid pid)) {
                throw new IllegalStateException("sup_one_for_all: expected the start report of child " + k
                        + ", got " + m);
            }
            if (k == 0) {
                first = pid;
            }
        }
        return first;
    }
}
