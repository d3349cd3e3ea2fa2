package com.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.supervision.Server;
import dev.trellis.core.supervision.Supervisor;
import java.time.Duration;
import dev.trellis.core.supervision.SupervisorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterTest {

    @Test
    void countsAndIsRestoredAtItsInitialValueAfterACrash() throws Exception {
        try (Node node = Node.start()) {
            Supervisor.startLink(node, List.of(Counter.childSpec(10)), SupervisorOptions.oneForOne());
            // Two casts, then a call, all from one process: a call after casts from the same sender sees both.
            // (From outside a process each call runs in a process of its own, with no order to the casts.)
            Object seen = node.exec(proc -> {
                Server.cast(proc, Counter.NAME, "increment");
                Server.cast(proc, Counter.NAME, "increment");
                return Server.call(proc, Counter.NAME, "get", Duration.ofSeconds(5));
            });
            assertEquals(12L, seen);

            Pid before = node.lookup(Counter.NAME);
            node.terminate(before);
            Pid after = Counter.waitForRestart(node, before);
            assertNotEquals(before, after);
            assertEquals(10, Counter.get(node));
        }
    }
}
