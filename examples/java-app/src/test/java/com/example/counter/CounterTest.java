package com.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.supervision.Supervisor;
import dev.trellis.core.supervision.SupervisorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterTest {

    @Test
    void countsAndIsRestoredAtItsInitialValueAfterACrash() throws Exception {
        try (Node node = Node.start()) {
            Supervisor.startLink(node, List.of(Counter.childSpec(10)), SupervisorOptions.oneForOne());
            Counter.increment(node);
            Counter.increment(node);
            assertEquals(12, Counter.get(node));   // a call after two casts from the same sender sees both

            Pid before = node.lookup(Counter.NAME);
            node.terminate(before);
            Pid after = Counter.waitForRestart(node, before);
            assertNotEquals(before, after);
            assertEquals(10, Counter.get(node));
        }
    }
}
