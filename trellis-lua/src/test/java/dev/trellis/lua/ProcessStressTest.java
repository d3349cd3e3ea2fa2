package dev.trellis.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Many states driven the way the Trellis runtime drives processes: one virtual thread per state,
 * its Lua body in a coroutine that host-yields for every message, all sharing one compiled chunk
 * and one standard library.
 */
class ProcessStressTest {
    @Test
    void thousandsOfProcessesExchangeMessages() throws Exception {
        int processes = 2000;
        int messages = 50;
        Prototype body = LuaState.compile("""
                local total = 0
                local seen = {}
                for i = 1, ... do
                  local msg = receive()
                  total = total + msg.n
                  seen[#seen + 1] = string.format("%d", msg.n)
                  coroutine.wrap(function() total = total + 0 end)()
                end
                return total, #table.concat(seen, ",")
                """, "=process");
        JavaFunction receive = JavaFunction.of("receive", (L, a) -> L.yieldToHost("receive"));
        StandardLibrary lib = StandardLibrary.create(g -> g.rawset("receive", receive));
        CountDownLatch done = new CountDownLatch(processes);
        AtomicInteger correct = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int p = 0; p < processes; p++) {
            Thread.ofVirtual().start(() -> {
                try {
                    LuaState state = new LuaState(lib);
                    Coroutine co = state.newCoroutine(state.load(body));
                    Object[] out = co.resume((long) messages);
                    long n = 0;
                    while (!co.isDead()) {
                        assertThat(co.isHostYield()).isTrue();
                        LuaTable msg = new LuaTable();
                        msg.rawset("n", ++n);
                        Thread.yield();
                        out = co.resume(msg);
                    }
                    if (out[0].equals((long) messages * (messages + 1) / 2)) correct.incrementAndGet();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isNull();
        assertThat(correct.get()).isEqualTo(processes);
    }
}
