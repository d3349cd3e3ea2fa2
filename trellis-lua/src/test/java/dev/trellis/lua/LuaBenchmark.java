package dev.trellis.lua;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark entry point of the Lua VM: runs each script of {@code src/test/resources/bench}
 * several times in one JVM (after warm-up runs) and prints the median and best wall time in ms.
 *
 * <pre>{@code
 * java -cp trellis-lua/target/classes:trellis-lua/target/test-classes dev.trellis.lua.LuaBenchmark [warmups] [runs] [script...]
 * }</pre>
 *
 * Compare with {@code lua5.4 script.lua} on the same files.
 */
public final class LuaBenchmark {
    private static final String[] SCRIPTS = {"fib", "table_loop", "strings", "closures", "methods", "coroutines"};

    public static void main(String[] args) throws IOException {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] scripts = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length) : SCRIPTS;
        for (String name : scripts) {
            Prototype chunk;
            try (InputStream in = LuaBenchmark.class.getResourceAsStream("/bench/" + name + ".lua")) {
                if (in == null) throw new IllegalArgumentException("no script " + name);
                chunk = LuaState.compileBytes(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1), "@" + name + ".lua");
            }
            long[] times = new long[runs];
            long[] cpu = new long[runs];
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < warmups + runs; i++) {
                LuaState state = new LuaState();
                state.setOutput(new ByteArrayOutputStream());
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                state.call(state.load(chunk));
                long t = System.nanoTime() - t0;
                long c = mx.getCurrentThreadCpuTime() - c0;
                if (i >= warmups) {
                    times[i - warmups] = t;
                    cpu[i - warmups] = c;
                }
            }
            java.util.Arrays.sort(times);
            java.util.Arrays.sort(cpu);
            System.out.printf("%-12s wall median %8.1f ms  best %8.1f ms   cpu median %8.1f ms  best %8.1f ms%n",
                    name, times[runs / 2] / 1e6, times[0] / 1e6, cpu[runs / 2] / 1e6, cpu[0] / 1e6);
        }
    }
}
