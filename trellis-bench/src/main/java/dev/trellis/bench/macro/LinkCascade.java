package dev.trellis.bench.macro;

import dev.trellis.core.Event;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessBody;
import java.util.OptionalDouble;

/**
 * Link cascade: a chain of N processes, each spawned linked by the one before; the tail fails and
 * the failure travels the links (each member dies with "linked process failed"). Timed from the
 * tail's failure to the driver's EXIT event for the head (the driver monitors the head only).
 * Microseconds per link.
 *
 * <pre>{@code
 * double microsPerLink = new LinkCascade().run(100_000);
 * }</pre>
 */
public final class LinkCascade extends NodeWorkload {

    /** Arguments (remaining, driver): spawns the next member linked, or is the tail when remaining is 0. */
    private static final ProcessBody MEMBER = new ProcessBody() {
        @Override
        public Object run(Proc proc) {
            int remaining = proc.arg(0);
            Pid driver = proc.arg(1);
            if (remaining == 0) {
                proc.send(driver, "tail", proc.pid());
                proc.inbox().receive();
                throw new IllegalStateException("boom");
            }
            proc.spawnLinked(this, remaining - 1, driver);
            proc.inbox().receive();   // never comes: the LINK_DOWN from the next member kills us
            return null;
        }
    };

    public LinkCascade() {
        super("link_cascade", "us/link", Direction.LOWER_IS_BETTER, 100_000,
                "a chain of N linked processes; the tail fails; until the head is dead, per link");
    }

    @Override
    public OptionalDouble designAnchor() {
        return OptionalDouble.of(1.17);
    }

    @Override
    protected double drive(Node node, Proc driver, int size) {
        driver.spawnMonitored(MEMBER, size - 1, driver.pid());
        Pid tail = (Pid) driver.inbox().receive().payload();
        if (node.processCount() != size + 1) {
            throw new IllegalStateException("link_cascade: expected " + (size + 1) + " live processes, found "
                    + node.processCount());
        }
        long start = System.nanoTime();
        driver.send(tail, "fail");
        Event exit = driver.events().receive();
        long elapsed = System.nanoTime() - start;
        if (exit.kind() != Event.Kind.EXIT || !exit.isError()) {
            throw new IllegalStateException("link_cascade: expected the head's error EXIT, got " + exit);
        }
        awaitProcessCount(node, driver, 1);
        return elapsed / 1e3 / size;
    }
}
