package dev.trellis.lua;

import static dev.trellis.lua.LuaTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared read-only standard library and per-state isolation. */
class SharedLibraryTest {
    @Test
    void writingIntoTheSharedLibraryFails() {
        assertThat(error("string.foo = 1")).isEqualTo("test:1: attempt to modify a read-only table (the shared standard library)");
        assertThat(error("math.pi = 3")).contains("read-only");
        assertThat(error("table.insert = nil")).contains("read-only");
        assertThat(error("getmetatable('').__index.upper = nil")).contains("read-only");
        assertThat(error("setmetatable(string, {})")).contains("read-only");
        assertThat(error("rawset(coroutine, 'x', 1)")).contains("read-only");
        assertThat(value("string.upper('still here')")).isEqualTo("STILL HERE");
    }

    @Test
    void statesDoNotSeeEachOthersGlobals() {
        LuaState a = new LuaState();
        LuaState b = new LuaState();
        a.execute("x = 1; print = 'mine'; _G.y = 2; string = 'shadowed'", "=a");
        assertThat(a.execute("return x, y, print, string", "=a")).containsExactly(1L, 2L, "mine", "shadowed");
        assertThat(b.execute("return x, y, type(print), type(string)", "=b")).containsExactly(null, null, "function", "table");
        assertThat(b.getGlobal("_G")).isSameAs(b.globals());
    }

    @Test
    void hostBuildsItsOwnSharedLibrary() {
        LuaTable process = new LuaTable();
        process.rawset("pid", JavaFunction.of("pid", (L, a) -> new Object[] {"{app|0x00001}"}));
        StandardLibrary lib = StandardLibrary.create(g -> {
            g.rawset("load", null);
            g.rawset("process", process);
        });
        LuaState state = new LuaState(lib);
        assertThat(state.execute("return load, process.pid(), string.upper('x')", "=p")).containsExactly(null, "{app|0x00001}", "X");
        try {
            state.execute("process.pid = nil", "=p");
            throw new AssertionError("library must be read-only");
        } catch (LuaError e) {
            assertThat(e.getMessage()).contains("read-only");
        }
        assertThat(new LuaState().execute("return type(load), process", "=q")).containsExactly("function", null);
    }

    @Test
    void removingLibraryGlobalsAndStrictModeWork() {
        LuaState a = new LuaState();
        LuaState b = new LuaState();
        assertThat(a.execute("print = nil; os = nil; return print, os, type(string), getmetatable(_G)", "=a"))
                .containsExactly(null, null, "table", null);
        assertThat(b.execute("return type(print), type(os)", "=b")).containsExactly("function", "table");
        String strict = """
                setmetatable(_G, {__index = function(_, k) error("undeclared global '" .. k .. "'", 2) end})
                local ok, e = pcall(function() return undeclared end)
                return type(print), ok, e
                """;
        assertThat(new LuaState().execute(strict, "=strict")).containsExactly("function", false, "strict:2: undeclared global 'undeclared'");
        LuaState c = new LuaState();
        c.setGlobal("load", null);
        assertThat(c.execute("return load, type(pairs)", "=c")).containsExactly(null, "function");
    }

    @Test
    void compiledChunkIsSharedByStates() {
        Prototype chunk = LuaState.compile("counter = (counter or 0) + 1 return counter", "=shared");
        LuaState a = new LuaState();
        LuaState b = new LuaState();
        a.call(a.load(chunk));
        assertThat(a.call(a.load(chunk))).containsExactly(2L);
        assertThat(b.call(b.load(chunk))).containsExactly(1L);
    }

    @Test
    void idleStateIsSmall() {
        int n = 50_000;
        new LuaState(); // load the shared library first
        double best = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && best >= 2500; attempt++) {
            List<Object> keep = new ArrayList<>(n);
            long before = usedHeap();
            for (int i = 0; i < n; i++) keep.add(new LuaState());
            long after = usedHeap();
            best = Math.min(best, (after - before) / (double) n);
            assertThat(keep).hasSize(n);
        }
        assertThat(best).isLessThan(2500);
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void manyStatesUseTheLibraryConcurrently() throws Exception {
        Prototype chunk = LuaState.compile("""
                local parts = {}
                for i = 1, 200 do parts[#parts + 1] = string.format("%03d", i):rep(2) end
                table.sort(parts, function(a, b) return a > b end)
                return #table.concat(parts), parts[1], math.max(3, 9, 4)
                """, "=work");
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Object[]>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> {
                    LuaState s = new LuaState();
                    return s.call(s.load(chunk));
                }));
            }
            for (Future<Object[]> f : results) assertThat(f.get()).containsExactly(1200L, "200200", 9L);
        }
    }
}
