package dev.trellis.core.supervision;

import static dev.trellis.core.supervision.Fixtures.pidOf;
import static dev.trellis.core.supervision.Fixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SupervisorTest {
    final Node node = Node.start();
    final Fixtures f = new Fixtures();

    @AfterEach
    void close() {
        node.stop(java.time.Duration.ofSeconds(2));
    }

    Pid start(SupervisorOptions opts, ChildSpec... specs) {
        StartResult r = Supervisor.startLink(node, List.of((Object[]) specs), opts);
        assertThat(r).isInstanceOf(StartResult.Started.class);
        return r.pidOrNull();
    }

    @Test
    void b22_staticChildrenStartInListOrder() throws Exception {
        start(SupervisorOptions.oneForOne(), ChildSpec.worker("a", f.worker("a")),
                ChildSpec.worker("b", f.worker("b")), ChildSpec.worker("c", f.worker("c")));
        assertThat(List.of(f.next(), f.next(), f.next())).containsExactly("start:a", "start:b", "start:c");
    }

    @Test
    void b44_oneForOneRestartsOnlyTheFailedChild() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne(), ChildSpec.worker("a", f.worker("a")),
                ChildSpec.worker("b", f.worker("b")));
        Pid a = pidOf(node, sup, "a");
        Pid b = pidOf(node, sup, "b");
        send(node, a, "crash");
        Pid a2 = Fixtures.awaitNewPid(node, sup, "a", a);
        assertThat(a2).isNotEqualTo(a);
        assertThat(pidOf(node, sup, "b")).isEqualTo(b);
    }

    @Test
    void b52_shutdownStopsChildrenInReverseOrder() throws Exception {
        Pid sup = start(SupervisorOptions.oneForOne(), ChildSpec.worker("a", f.worker("a")),
                ChildSpec.worker("b", f.worker("b")), ChildSpec.worker("c", f.worker("c")));
        f.log.clear();
        Supervisor.stop(node, sup);
        assertThat(List.of(f.next(), f.next(), f.next())).containsExactly("stop:c", "stop:b", "stop:a");
        assertThat(node.isAlive(sup)).isFalse();
    }
}
