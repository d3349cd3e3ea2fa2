package dev.trellis.bench.macro;

import dev.trellis.core.Node;
import dev.trellis.runtime.boot.ApplicationBoot;
import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.ApplicationException;
import dev.trellis.runtime.entry.ApplicationLoader;
import dev.trellis.runtime.entry.ProcessHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Lua app of the macro suite's Lua rows ({@code trellis-bench/lua-app/}: {@code _index.yaml} and
 * {@code bench.lua}, on the class path as {@code lua-app/}), loaded once with the loader and source
 * check the {@code trellis} CLI uses, and the node an app's processes get.
 *
 * <pre>{@code
 * Application app = LuaBenchApp.application();
 * try (Node node = LuaBenchApp.startNode()) {
 *     LuaRuntime runtime = new LuaRuntime(app, node, System.out, BuiltInModules.standard());
 *     node.spawner().on(LuaBenchApp.HOST).spawn(runtime.program(LuaBenchApp.NOOP));
 * }
 * }</pre>
 *
 * <p>The node mirrors the one {@code trellis run} boots: one host per {@code process.host} entry
 * (its {@code workers}) and the runtime's control host ({@code node:control}, 1024 workers),
 * added first here so that a workload's Java driver runs there and takes none of the app host's
 * run permits.
 *
 * <p>Thread-safety: the application is loaded once (class initialisation) and immutable.
 */
public final class LuaBenchApp {

    /** The app's {@code process.host}, where every Lua process of the rows runs. */
    public static final String HOST = "bench:processes";
    /** A process that returns at once (lua_spawn_exit). */
    public static final String NOOP = "bench:noop";
    /** A process that reports {@code ready} to its first argument, then blocks in receive (lua_idle). */
    public static final String IDLE = "bench:idle";
    /** Echoes each {@code ping} payload back to its sender as {@code pong}; returns on {@code stop}. */
    public static final String PONG = "bench:pong";
    /** {@code ping(driver, peer, n)}: ready, waits for go, n round trips, then {@code done} with n. */
    public static final String PING = "bench:ping";
    /** A {@code server.run} server answering each call with its request; returns on CANCEL (lua_call). */
    public static final String ECHO_SERVER = "bench:echo_server";
    /** {@code caller(driver, server, n)}: ready, waits for go, n calls, then {@code done} with n (lua_call). */
    public static final String CALLER = "bench:caller";

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(1);
    /** The files of the app, as the class path holds them under {@code lua-app/}. */
    private static final List<String> FILES = List.of("_index.yaml", "bench.lua");

    private LuaBenchApp() {
    }

    /**
     * {@return the loaded and validated app}
     *
     * @throws IllegalStateException when {@code lua-app/} is not on the class path or does not load
     */
    public static Application application() {
        return Holder.APP;
    }

    /** {@return a started node with the control host first, then the app's hosts} */
    public static Node startNode() {
        // A run that fails leaves Lua processes blocked in receive, deaf to the stop's CANCEL: a short
        // grace ends them quickly (a run that succeeds has none left).
        Node.Builder builder = Node.builder().shutdownTimeout(SHUTDOWN_GRACE).host(ProcessHost.CONTROL_HOST.toString(), 1024);
        for (ProcessHost h : application().entriesOf(ProcessHost.class)) {
            builder.host(h.id().toString(), h.workers());
        }
        return builder.start();
    }

    private static final class Holder {
        static final Application APP = load();
    }

    private static Application load() {
        Path dir = directory();
        try {
            return new ApplicationLoader(ApplicationBoot.forThisBuild().sourceCheck()).load(dir);
        } catch (ApplicationException e) {
            throw new IllegalStateException("the bench's Lua app in " + dir + " is invalid: " + e.problems(), e);
        }
    }

    /** The app's directory: the class path's own when it is a directory, else a copy of the files. */
    private static Path directory() {
        URL index = LuaBenchApp.class.getResource("/lua-app/_index.yaml");
        if (index == null) {
            throw new IllegalStateException("lua-app/_index.yaml is not on the class path: build trellis-bench with Maven");
        }
        try {
            if (index.getProtocol().equals("file")) {
                return Path.of(index.toURI()).getParent();
            }
            Path copy = Files.createTempDirectory("trellis-bench-lua-app");
            for (String file : FILES) {
                try (InputStream in = LuaBenchApp.class.getResourceAsStream("/lua-app/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("lua-app/" + file + " is not on the class path");
                    }
                    Files.copy(in, copy.resolve(file));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bench's Lua app out of the class path", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad class-path URL " + index, e);
        }
    }
}
