package dev.trellis.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.runtime.entry.EntryId;
import dev.trellis.runtime.entry.LuaProcess;
import dev.trellis.runtime.entry.ProcessHost;
import dev.trellis.runtime.lua.LuaRuntime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Lua rows' app and frame: what the smoke test's "it ran" does not show. */
class LuaWorkloadTest {

    @Test
    void theBenchAppLoadsWithEveryEntryTheRowsSpawnOnItsOwnHost() {
        var app = LuaBenchApp.application();
        assertThat(app.entriesOf(ProcessHost.class)).extracting(h -> h.id().toString())
                .containsExactly(LuaBenchApp.HOST);
        for (String id : List.of(LuaBenchApp.NOOP, LuaBenchApp.IDLE, LuaBenchApp.PONG, LuaBenchApp.PING)) {
            assertThat(app.entry(EntryId.parse(id), LuaProcess.class)).as(id).isPresent();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void theDriverRunsOnTheControlHostNotOnTheAppHost() {
        var onHost = new LuaNodeWorkload("lua_where", "x", Direction.LOWER_IS_BETTER, 1_000, "where the driver runs") {
            @Override
            protected double drive(LuaRuntime runtime, Proc driver, int size) {
                return driver.host().id().equals(LuaBenchApp.HOST) ? 2 : 1;
            }
        };
        assertThat(onHost.run(1)).isEqualTo(1.0);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aLuaProcessThatFailsFailsTheRunWithItsLuaError() {
        // ping with a round-trip count that is not a number fails in its for loop after "go".
        var broken = new LuaNodeWorkload("lua_broken", "ns/rt", Direction.LOWER_IS_BETTER, 1_000, "a failing ping") {
            @Override
            protected double drive(LuaRuntime runtime, Proc driver, int size) {
                var host = driver.spawner().on(LuaBenchApp.HOST).monitored();
                Pid pong = host.spawn(program(runtime, LuaBenchApp.PONG));
                Pid ping = host.spawn(program(runtime, LuaBenchApp.PING), driver.pid().toString(), pong.toString(),
                        "many");
                awaitMessage(driver, "ready");
                driver.send(ping, "go");
                awaitMessage(driver, "done");
                return 1;
            }
        };
        assertThatThrownBy(() -> broken.run(1)).hasMessageContaining("lua_broken").hasMessageContaining("failed")
                .hasMessageContaining("'for' limit");
    }

    @Test
    void aMissingEntryIsNamed() {
        var missing = new LuaNodeWorkload("lua_missing", "x", Direction.LOWER_IS_BETTER, 1_000, "no such entry") {
            @Override
            protected double drive(LuaRuntime runtime, Proc driver, int size) {
                program(runtime, "bench:nothing");
                return 1;
            }
        };
        assertThatThrownBy(() -> missing.run(1)).hasMessageContaining("bench:nothing");
    }
}
