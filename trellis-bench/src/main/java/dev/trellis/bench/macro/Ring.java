package dev.trellis.bench.macro;

import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import java.util.OptionalDouble;

/**
 * Ring: N / 100 processes (10 000 at full size, at least 2) in a ring pass one token N hops in total;
 * timed from injecting the token to the driver hearing of the last hop. Nanoseconds per hop.
 *
 * <pre>{@code
 * double nsPerHop = new Ring().run(1_000_000);
 * }</pre>
 */
public final class Ring extends NodeWorkload {

    /**
     * A ring member: arguments (next, driver), or only (driver) for the first member, which learns
     * its next from a {@code next} message once the ring is closed. {@code token k} goes on as
     * {@code token k-1}; the member that gets {@code token 1} tells the driver. {@code stop k} goes
     * round once the same way, each member exiting after passing it on.
     */
    private static final ProcessBody MEMBER = proc -> {
        var inbox = proc.inbox();
        Pid next;
        Pid driver;
        if (proc.args().size() == 1) {
            driver = proc.arg(0);
            next = (Pid) inbox.receive().payload();
        } else {
            next = proc.arg(0);
            driver = proc.arg(1);
        }
        for (;;) {
            Message m = inbox.receive();
            int k = (Integer) m.payload();
            if (m.topic().equals("token")) {
                if (k == 1) {
                    proc.send(driver, "ring_done");
                } else {
                    proc.send(next, "token", k - 1);
                }
            } else {
                if (k == 1) {
                    proc.send(driver, "ring_stopped");
                } else {
                    proc.send(next, "stop", k - 1);
                }
                return null;
            }
        }
    };

    public Ring() {
        super("ring", "ns/hop", Direction.LOWER_IS_BETTER, 1_000_000,
                "a ring of N/100 processes passes one token N hops");
    }

    @Override
    public OptionalDouble designAnchor() {
        return OptionalDouble.of(330);
    }

    @Override
    public int minimumSize() {
        return 2;
    }

    /** The number of ring members for {@code hops} hops, as in the Erlang twin. */
    static int members(int hops) {
        return Math.max(2, hops / 100);
    }

    @Override
    protected double drive(Node node, Proc driver, int hops) {
        int members = members(hops);
        Pid first = driver.spawn(MEMBER, driver.pid());
        Pid last = first;
        for (int i = 2; i <= members; i++) {
            last = driver.spawn(MEMBER, last, driver.pid());
        }
        driver.send(first, "next", last);
        long start = System.nanoTime();
        driver.send(first, "token", hops);
        receive(driver, "ring_done", 1);
        long elapsed = System.nanoTime() - start;
        driver.send(first, "stop", members);
        receive(driver, "ring_stopped", 1);
        awaitProcessCount(node, driver, 1);
        return (double) elapsed / hops;
    }
}
