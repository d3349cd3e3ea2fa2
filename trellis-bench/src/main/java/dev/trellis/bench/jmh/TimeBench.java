package dev.trellis.bench.jmh;

import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.runtime.lua.LuaDuration;
import dev.trellis.runtime.lua.LuaTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH cost of the {@code time} module's objects, called from Java: what {@code time.now()},
 * {@code t:add(d)} and {@code t:sub(u)} do once their arguments are checked, and {@code t:add(d)}
 * through its Lua-facing function. Run with the gc profiler to see the bytes each call allocates:
 * the object it returns (a Time or a Duration), and nothing else.
 *
 * <pre>{@code
 * trellis-bench/run-jmh TimeBench -prof gc
 * }</pre>
 *
 * <ul>
 *   <li>{@code now}: {@link LuaTime#now()}, the clock read into a new Time ({@code time.now()}).
 *   <li>{@code addDuration}: {@link LuaTime#plusNanos} with a Duration's nanoseconds ({@code t:add(d)}).
 *   <li>{@code subTimes}: {@link LuaTime#sub}, the Duration between two Times ({@code t:sub(u)}).
 *   <li>{@code addThroughLuaMethod}: the {@code add} function of a Time's metatable called as the VM
 *       calls it, arguments checked: adds the results array every host function returns.
 * </ul>
 *
 * <p>Thread-safety: the objects are immutable; each benchmark thread has its own state.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class TimeBench {

    private LuaTime t;
    private LuaTime u;
    private LuaDuration d;
    private JavaFunction add;
    private Object[] addArgs;
    private LuaState state;

    @Setup(Level.Trial)
    public void setUp() {
        t = LuaTime.now();
        u = t.plusNanos(-1_500_000_000L);
        d = LuaDuration.of(90_000_000_000L);
        LuaTable methods = (LuaTable) t.getMetatable().rawgetStr("__index");
        add = (JavaFunction) methods.rawgetStr("add");
        addArgs = new Object[] {t, d};
        state = new LuaState();
    }

    @Benchmark
    public LuaTime now() {
        return LuaTime.now();
    }

    @Benchmark
    public LuaTime addDuration() {
        return t.plusNanos(d.nanos());
    }

    @Benchmark
    public LuaDuration subTimes() {
        return t.sub(u);
    }

    @Benchmark
    public Object[] addThroughLuaMethod() {
        return add.call(state, addArgs);
    }
}
