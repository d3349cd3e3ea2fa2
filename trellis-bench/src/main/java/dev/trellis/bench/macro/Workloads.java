package dev.trellis.bench.macro;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of macro workloads, in table order. Adding a row to the suite is one class
 * implementing {@link Workload}, one line here, and one Erlang function of the same name.
 *
 * <pre>{@code
 * for (Workload w : Workloads.all()) {
 *     System.out.println(w.name() + ": " + w.description());
 * }
 * Workload ring = Workloads.find("ring");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class Workloads {

    private static final List<Workload> ALL = List.of(
            new SpawnExit(),
            new IdleMemory(),
            new PingPong(),
            new Ring(),
            new FanIn(),
            new LinkCascade(),
            new MonitorDown(),
            SupRestart.latency(),
            SupRestart.storm(),
            new SupOneForAll(),
            new LuaSpawnExit(),
            new LuaIdle(),
            new LuaPingPong(),
            new LuaCall(),
            new LuaSupRestart());

    private Workloads() {
    }

    /** Every registered workload, in the order the table shows them. */
    public static List<Workload> all() {
        return ALL;
    }

    /** The registered names, in table order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Workload w : ALL) {
            names.add(w.name());
        }
        return names;
    }

    /**
     * The workload called {@code name}.
     *
     * @throws IllegalArgumentException naming the unknown workload and listing the known ones
     */
    public static Workload find(String name) {
        for (Workload w : ALL) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
}
