package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/** A fresh node per test, and helpers to start supervisors of {@link Fixtures} workers. */
@Timeout(30)
abstract class SupervisorTestBase {
    final Node node = Node.start();
    final Fixtures f = new Fixtures();

    @AfterEach
    void stopNode() {
        node.stop(Duration.ofSeconds(2));
    }

    Pid start(SupervisorOptions opts, Object... specs) {
        StartResult r = Supervisor.startLink(node, List.of(specs), opts);
        assertThat(r).isInstanceOf(StartResult.Started.class);
        return r.pidOrNull();
    }

    ChildSpec w(String id) {
        return ChildSpec.worker(id, f.worker(id));
    }

    Pid pid(Pid sup, String id) {
        return Fixtures.pidOf(node, sup, id);
    }

    void send(Pid pid, String cmd) {
        Fixtures.send(node, pid, cmd);
    }

    /** Waits for {@code pid} to exit (the test node's view). */
    void awaitDead(Pid pid) {
        try {
            node.watch(pid).join();
        } catch (dev.trellis.core.ProcessException alreadyGone) {
            // not alive any more
        }
    }

    /** Drains the log until {@code entry} appears. */
    void awaitLog(String entry) throws InterruptedException {
        while (!f.next().equals(entry)) {
            // skip
        }
    }
}
