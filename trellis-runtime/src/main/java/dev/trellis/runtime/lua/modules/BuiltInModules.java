package dev.trellis.runtime.lua.modules;

import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.StandardLibrary;
import dev.trellis.runtime.lua.LuaModules;
import dev.trellis.runtime.lua.LuaProc;
import dev.trellis.runtime.lua.LuaRuntime;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Lua surface of Trellis: the globals every Lua process sees over the shared standard library
 * ({@code process}, {@code channel}, {@code errors}, {@code coroutine} with {@code coroutine.spawn},
 * and a {@code print} that logs with the process's pid), and the modules an entry may list under
 * {@code modules:} and {@code require} ({@code time}, {@code ctx}, {@code uuid}). Built once, frozen, shared by
 * all processes; each process's own globals table reads through it ({@code __index}).
 *
 * <pre>{@code
 * LuaRuntime runtime = new LuaRuntime(app, node, System.out, BuiltInModules.standard());
 * }</pre>
 *
 * <p>Each module lives in its own file of this package; this class only assembles them.
 *
 * <p>Thread-safe: immutable after construction.
 */
public final class BuiltInModules implements LuaModules {

    private static final BuiltInModules STANDARD = new BuiltInModules();

    private final LuaTable globals = new LuaTable();
    private final LuaTable globalsMetatable = new LuaTable();
    /** The modules of {@code modules:}, by name (sorted, so listings read the same every run). */
    private final Map<String, Object> modules;

    private BuiltInModules() {
        LuaTable std = StandardLibrary.shared().functions();
        globals.rawset("process", ProcessModule.create());
        globals.rawset("channel", ChannelModule.create());
        globals.rawset("errors", ErrorsModule.create());
        LuaTable coroutine = new LuaTable();
        Object[] kv = new Object[2];
        LuaTable stdCoroutine = (LuaTable) std.rawget("coroutine");
        for (Object k = null; stdCoroutine.next(k, kv); k = kv[0]) {
            coroutine.rawset(kv[0], kv[1]);
        }
        coroutine.rawset("spawn", JavaFunction.of("spawn",
                (s, a) -> new Object[] {LuaProc.of(s).scheduler().spawn(LuaArgs.checkFunction(a, 0, "spawn"))}));
        globals.rawset("coroutine", coroutine.freeze());
        globals.rawset("print", JavaFunction.of("print", BuiltInModules::print));
        LuaTable meta = new LuaTable();
        meta.rawset("__index", std);
        globals.setMetatable(meta.freeze());
        globals.freeze();
        globalsMetatable.rawset("__index", globals);
        globalsMetatable.freeze();

        Map<String, Object> m = new TreeMap<>();
        m.put("time", TimeModule.create());
        m.put("ctx", SpawnerModule.ctxModule());
        m.put("supervisor", SupervisorModule.create());
        m.put("uuid", UuidModule.create());
        m.put("security", SecurityModule.create());
        m.put("server", ServerModule.create());
        m.put("task", TaskModule.create());
        modules = Collections.unmodifiableMap(m);
    }

    /** {@return the one shared set of globals and modules} */
    public static BuiltInModules standard() {
        return STANDARD;
    }

    @Override
    public LuaTable globalsMetatable() {
        return globalsMetatable;
    }

    /** {@return the runtime globals (read-only)} */
    public LuaTable globals() {
        return globals;
    }

    @Override
    public Set<String> names() {
        return modules.keySet();
    }

    /**
     * Wippy modules that are globals here, always present: an entry may list them under
     * {@code modules:} (Wippy's YAML does, for {@code os}), which changes nothing.
     */
    private static final Set<String> GLOBALS_WIPPY_LISTS = Set.of("os");

    /** {@return every name an entry may list under {@code modules:}: the modules, and the globals Wippy lists} */
    public Set<String> listableNames() {
        Set<String> all = new java.util.TreeSet<>(modules.keySet());
        all.addAll(GLOBALS_WIPPY_LISTS);
        return Collections.unmodifiableSet(all);
    }

    @Override
    public Object load(String name, LuaState state) {
        return modules.get(name);
    }

    /** Puts a Java function named {@code name} into {@code t}. */
    static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of(name, body));
    }

    /** {@code print(...)}: one line, prefixed with the pid, to the runtime's log (stdout). */
    private static Object[] print(LuaState s, Object[] a) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        LuaProc p = LuaProc.orNull(s);
        if (p != null) {
            line.writeBytes(LuaStrings.toBytes(p.pidText()));
            line.write(' ');
        }
        Object tostring = s.getGlobal("tostring");
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                line.write('\t');
            }
            Object[] r = s.call(tostring, a[i]);
            line.writeBytes(LuaStrings.toBytes(String.valueOf(r.length > 0 ? r[0] : null)));
        }
        line.write('\n');
        LuaRuntime.log(p, line.toByteArray());
        return JavaFunction.NONE;
    }
}
