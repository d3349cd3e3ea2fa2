package dev.trellis.bench.macro;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Command-line entry of the Trellis side of the macro suite; {@code trellis-bench/run-macro} starts
 * it once per workload, each in a fresh JVM.
 *
 * <pre>{@code
 * java -cp ... dev.trellis.bench.macro.MacroMain --list
 * java -Xmx8g -XX:+UseParallelGC -cp ... dev.trellis.bench.macro.MacroMain ping_pong 1000000 1 3
 * }</pre>
 *
 * <p>{@code --list} prints one tab-separated line per registered workload: name, unit, direction,
 * full size, reference figure (or {@code -}; docs/benchmarks.md), description. {@code NAME SIZE WARMUPS RUNS} runs the
 * workload {@code WARMUPS} times untimed (at {@link Workload#warmupSize(int)}, normally SIZE), then
 * {@code RUNS} times, printing one line
 * {@code name value unit} per measured run — the same format as the Erlang module. Diagnostics
 * start with {@code #}.
 */
public final class MacroMain {

    private MacroMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("MacroMain: " + e.getMessage());
            System.err.println(usage());
            System.exit(64);
        }
    }

    /** Runs the command in {@code args}, printing to {@code out}; returns the process exit status. */
    static int run(String[] args, PrintStream out) throws Exception {
        if (args.length == 1 && args[0].equals("--list")) {
            for (Workload w : Workloads.all()) {
                String anchor = w.designAnchor().isPresent() ? format(w.designAnchor().getAsDouble()) : "-";
                out.println(String.join("\t", w.name(), w.unit(), w.direction().name(),
                        Integer.toString(w.fullSize()), anchor, w.description()));
            }
            return 0;
        }
        if (args.length != 4) {
            throw new IllegalArgumentException("expected --list or NAME SIZE WARMUPS RUNS, got "
                    + args.length + " argument(s)");
        }
        Workload workload = Workloads.find(args[0]);
        int size = parseCount(args[1], "SIZE", workload.minimumSize());
        int warmups = parseCount(args[2], "WARMUPS", 0);
        int runs = parseCount(args[3], "RUNS", 1);
        out.printf(Locale.ROOT, "# java %s, %s, cpus %d, max heap %d MB, size %d%n",
                System.getProperty("java.version"), gcNames(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, size);
        return measure(workload, size, warmups, runs, out);
    }

    /**
     * Runs {@code workload} {@code warmups} times untimed at its {@link Workload#warmupSize(int)},
     * then {@code runs} times at {@code size}, printing {@code name value unit} per measured run.
     */
    static int measure(Workload workload, int size, int warmups, int runs, PrintStream out) throws Exception {
        int warmupSize = workload.warmupSize(size);
        if (warmups > 0 && warmupSize != size) {
            out.printf(Locale.ROOT, "# warm-up runs at size %d%n", warmupSize);
        }
        for (int i = 0; i < warmups; i++) {
            workload.run(warmupSize);
            settle();
        }
        for (int i = 0; i < runs; i++) {
            double value = workload.run(size);
            out.println(workload.name() + " " + format(value) + " " + workload.unit());
            out.flush();
            settle();
        }
        return 0;
    }

    static String usage() {
        return "usage: MacroMain --list | MacroMain NAME SIZE WARMUPS RUNS   (workloads: "
                + String.join(", ", Workloads.names()) + ")";
    }

    private static int parseCount(String text, String argument, int minimum) {
        int value;
        try {
            value = Integer.parseInt(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(argument + " must be an integer, got '" + text + "'");
        }
        if (value < minimum) {
            throw new IllegalArgumentException(argument + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String gcNames() {
        StringBuilder names = new StringBuilder();
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!names.isEmpty()) {
                names.append('/');
            }
            names.append(gc.getName());
        }
        return names.toString();
    }

    /** Lets the previous run's garbage go before the next run starts (mirrors the Erlang side). */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(50);
    }
}
