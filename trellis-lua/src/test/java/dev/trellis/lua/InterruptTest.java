package dev.trellis.lua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The interrupt hook: budgets, preemption callbacks and kills that pcall cannot catch. */
class InterruptTest {
    private static Throwable runAndKill(String source) throws Exception {
        LuaState state = new LuaState();
        CountDownLatch running = new CountDownLatch(1);
        state.setInterruptHandler(s -> running.countDown(), 1000);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().daemon().start(() -> {
            try {
                state.execute(source, "=busy");
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        boolean started = running.await(30, TimeUnit.SECONDS);
        state.kill("process terminated");
        assertThat(started).isTrue();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        return failure.get();
    }

    @Test
    void killStopsABusyLoop() throws Exception {
        Throwable e = runAndKill("while true do end");
        assertThat(e).isInstanceOf(LuaKill.class).hasMessage("process terminated");
    }

    @Test
    void pcallCannotCatchAKill() throws Exception {
        Throwable e = runAndKill("""
                while true do
                  pcall(function() while true do local x = 1 end end)
                end
                """);
        assertThat(e).isInstanceOf(LuaKill.class);
    }

    @Test
    void killReachesLoopsInsideCoroutinesAndRecursion() throws Exception {
        assertThat(runAndKill("local co = coroutine.wrap(function() for i = 1, math.maxinteger do end end) co()"))
                .isInstanceOf(LuaKill.class);
        assertThat(runAndKill("local function f() return f() end f()")).isInstanceOf(LuaKill.class);
        assertThat(runAndKill("local t = {} repeat t.x = 1 until false")).isInstanceOf(LuaKill.class);
    }

    @Test
    void interruptHandlerRunsOnEveryBudget() {
        LuaState state = new LuaState();
        AtomicInteger calls = new AtomicInteger();
        state.setInterruptHandler(s -> calls.incrementAndGet(), 100);
        state.execute("local n = 0 for i = 1, 100000 do n = n + 1 end", "=count");
        assertThat(calls.get()).isBetween(900, 1100);
    }

    @Test
    void interruptHandlerCanKillFromInside() {
        LuaState state = new LuaState();
        AtomicInteger calls = new AtomicInteger();
        state.setInterruptHandler(s -> {
            if (calls.incrementAndGet() == 5) s.kill("budget exhausted");
        }, 1000);
        try {
            state.execute("while true do end", "=spin");
            throw new AssertionError("not killed");
        } catch (LuaKill k) {
            assertThat(k).hasMessage("budget exhausted");
            assertThat(state.isKilled()).isTrue();
        }
    }

    @Test
    void manyStatesKilledConcurrently() throws Exception {
        int n = 50;
        LuaState[] states = new LuaState[n];
        CountDownLatch running = new CountDownLatch(n);
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger killed = new AtomicInteger();
        Prototype busy = LuaState.compile("local x = 0 while true do x = x + 1 end", "=busy");
        for (int i = 0; i < n; i++) {
            LuaState s = new LuaState();
            states[i] = s;
            CountDownLatch once = new CountDownLatch(1);
            s.setInterruptHandler(st -> {
                if (once.getCount() > 0) {
                    once.countDown();
                    running.countDown();
                }
                LockSupport.parkNanos(1000); // lets other virtual threads onto the carrier
            }, 10_000);
            Thread.ofVirtual().start(() -> {
                try {
                    s.call(s.load(busy));
                } catch (LuaKill k) {
                    killed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        boolean allRunning = running.await(60, TimeUnit.SECONDS);
        for (LuaState s : states) s.kill("stop");
        assertThat(allRunning).isTrue();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.get()).isEqualTo(n);
    }
}
