package dev.trellis.runtime.lua;

import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaStrings;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.StandardLibrary;
import java.io.ByteArrayOutputStream;

/**
 * The globals every Lua process sees over the shared standard library: {@code process},
 * {@code channel}, {@code errors}, {@code coroutine} (the standard one plus {@code coroutine.spawn}) and a
 * {@code print} that logs with the process's pid. Built once, frozen, shared by all processes;
 * each process's own globals table reads through it ({@code __index}).
 *
 * <pre>{@code
 * LuaState state = new LuaState();
 * state.globals().setMetatable(RuntimeLibrary.shared().globalsMetatable());
 * }</pre>
 *
 * <p>Thread-safe: immutable after construction.
 */
public final class RuntimeLibrary {

    private static final RuntimeLibrary SHARED = new RuntimeLibrary();

    private final LuaTable globals = new LuaTable();
    private final LuaTable globalsMetatable = new LuaTable();

    private RuntimeLibrary() {
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
                (s, a) -> new Object[] {LuaProc.of(s).scheduler.spawn(LuaArgs.checkFunction(a, 0, "spawn"))}));
        globals.rawset("coroutine", coroutine.freeze());
        globals.rawset("print", JavaFunction.of("print", RuntimeLibrary::print));
        LuaTable meta = new LuaTable();
        meta.rawset("__index", std);
        globals.setMetatable(meta.freeze());
        globals.freeze();
        globalsMetatable.rawset("__index", globals);
        globalsMetatable.freeze();
    }

    /** {@return the one shared library} */
    public static RuntimeLibrary shared() {
        return SHARED;
    }

    /** {@return the metatable of a process's globals: reads fall through to the runtime library} */
    public LuaTable globalsMetatable() {
        return globalsMetatable;
    }

    /** {@return the runtime globals (read-only)} */
    public LuaTable globals() {
        return globals;
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
