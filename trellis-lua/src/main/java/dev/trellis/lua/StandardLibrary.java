package dev.trellis.lua;

/**
 * The standard library shared by every state: one frozen table of base functions and the
 * {@code string}, {@code table}, {@code math}, {@code coroutine}, {@code utf8} and {@code os}
 * tables, plus the string metatable. Each state's globals table reads through to it via
 * {@code __index}; no state can change it.
 *
 * <pre>{@code
 * LuaTable lib = StandardLibrary.shared().functions();   // read-only
 * }</pre>
 *
 * <p>Thread-safe: built once, then only read.
 */
public final class StandardLibrary {
    final LuaTable functions = new LuaTable();
    final LuaTable stringFunctions = new LuaTable();
    final LuaTable stringMetatable = new LuaTable();
    final LuaTable globalsMetatable = new LuaTable();

    private static final class Holder {
        static final StandardLibrary SHARED = new StandardLibrary(null);
    }

    /** The one shared instance. */
    public static StandardLibrary shared() {
        return Holder.SHARED;
    }

    /**
     * A separate shared library: the standard one, then {@code customizer} may add host modules
     * every state should see (e.g. {@code process}) or remove functions (e.g. {@code load}) before
     * the whole library is frozen. Build it once and pass it to every {@link LuaState}.
     *
     * <pre>{@code
     * StandardLibrary lib = StandardLibrary.create(g -> {
     *     g.rawset("load", null);
     *     g.rawset("process", processModule);
     * });
     * LuaState state = new LuaState(lib);
     * }</pre>
     */
    public static StandardLibrary create(java.util.function.Consumer<LuaTable> customizer) {
        return new StandardLibrary(customizer);
    }

    private StandardLibrary(java.util.function.Consumer<LuaTable> customizer) {
        BaseLib.install(functions);
        StringLib.install(stringFunctions);
        functions.rawset("string", stringFunctions);
        functions.rawset("table", TableLib.create());
        functions.rawset("math", MathLib.create());
        functions.rawset("coroutine", CoroutineLib.create());
        functions.rawset("os", OsLib.create());
        LuaTable utf8 = Utf8Lib.create();
        if (utf8 != null) functions.rawset("utf8", utf8);
        TypeCasts.install(functions, stringFunctions);
        if (customizer != null) customizer.accept(functions);
        stringMetatable.rawset("__index", stringFunctions);
        globalsMetatable.rawset("__index", functions);
        qualify(functions, "string");
        qualify(functions, "table");
        qualify(functions, "math");
        qualify(functions, "coroutine");
        qualify(functions, "os");
        qualify(functions, "utf8");
        Object[] kv = new Object[2];
        for (Object k = null; functions.next(k, kv); k = kv[0]) {
            if (kv[1] instanceof JavaFunction jf && jf.qualifiedName == null) jf.qualifiedName = jf.name();
        }
        freezeAll(functions);
        stringMetatable.freeze();
        globalsMetatable.freeze();
    }

    private static void freezeAll(LuaTable t) {
        if (t.isReadOnly()) return;
        t.freeze();
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            if (kv[1] instanceof LuaTable sub) freezeAll(sub);
        }
    }

    private static void qualify(LuaTable g, String lib) {
        if (!(g.rawget(lib) instanceof LuaTable t)) return;
        Object[] kv = new Object[2];
        for (Object k = null; t.next(k, kv); k = kv[0]) {
            if (kv[1] instanceof JavaFunction jf) jf.qualifiedName = lib + "." + kv[0];
        }
    }

    /**
     * A {@code debug} table holding only {@code traceback}, for hosts whose entries ask for it
     * (there is no {@code debug} library by default): {@code xpcall(f, debug.traceback)} then
     * works. {@code debug.traceback([msg [, level]])} returns msg followed by the traceback of
     * the running coroutine; a non-string msg is returned as it is.
     *
     * <pre>{@code
     * StandardLibrary lib = StandardLibrary.create(g -> g.rawset("debug", StandardLibrary.debugTraceback()));
     * }</pre>
     */
    public static LuaTable debugTraceback() {
        LuaTable t = new LuaTable();
        fn(t, "traceback", (L, a) -> {
            Object msg = LuaArgs.arg(a, 0);
            if (msg != null && !(msg instanceof String) && !(msg instanceof Long) && !(msg instanceof Double)) {
                return new Object[] {msg};
            }
            Coroutine co = L.running();
            JavaFunction saved = co.currentJava;
            co.currentJava = co.handlerRaisedIn;
            try {
                return new Object[] {Errors.traceback(co, msg == null ? null : LuaValues.tostring(msg))};
            } finally {
                co.currentJava = saved;
            }
        });
        return t;
    }

    /** The shared base library table (read-only). */
    public LuaTable functions() {
        return functions;
    }

    static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of(name, body));
    }
}
