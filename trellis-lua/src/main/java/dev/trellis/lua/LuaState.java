package dev.trellis.lua;

import dev.trellis.lua.compiler.Compiler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Lua state: a small per-state globals table whose {@code __index} is the shared, read-only
 * standard library, a main coroutine (made by the first call from Java, droppable with
 * {@link #releaseMain}), and the host's hooks (output, module loader, interrupt budget, kill, a
 * host-data slot). Compiled chunks ({@link Prototype}) are shared between states.
 *
 * <pre>{@code
 * Prototype chunk = LuaState.compile("return 1 + ...", "=demo");   // once, shareable
 * LuaState state = new LuaState();
 * Object[] r = state.call(state.load(chunk), 41L);                // r[0] == 42L
 * state.register("now", JavaFunction.of("now", (s, a) -> new Object[] {System.nanoTime()}));
 * }</pre>
 *
 * <p>Thread-safety: a state is run by one thread at a time (its process's virtual thread). Only
 * {@link #kill(String)} and {@link #requestInterrupt()} may be called from other threads.
 */
public final class LuaState {
    /** Marker returned by a Java function to suspend the running coroutine. */
    static final Object[] YIELD = new Object[0];

    /** Decides which modules {@code require} may load; returns null when the module is not available. */
    @FunctionalInterface
    public interface ModuleLoader {
        Object load(LuaState state, String name);
    }

    /** Called when the interrupt budget runs out; may park the thread, or call {@link #kill}. */
    @FunctionalInterface
    public interface InterruptHandler {
        void onInterrupt(LuaState state);
    }

    final StandardLibrary library;
    private final LuaTable globals;
    private Coroutine main;
    Coroutine current;
    /** Nested Java-level runs (callbacks, resumes) in progress. */
    int nestedCalls;

    // limits
    int maxCallDepth = 200_000;
    int maxStackSlots = 1_000_000;
    int maxNestedCalls = 200;
    long maxStringSize = 256L * 1024 * 1024;

    // interrupt
    int hookCounter = 10_000;
    int hookBudget = 10_000;
    private InterruptHandler interruptHandler;
    private volatile String killReason;

    // host services
    /** What the host attached to this state (the process it runs in), or null. */
    private Object hostData;
    private PrintStream output = System.out;
    private ModuleLoader moduleLoader;
    private LuaTable loaded;
    boolean allowGetenv;
    long[] random;

    /** A state over the shared standard library. */
    public LuaState() {
        this(StandardLibrary.shared());
    }

    /** A state over a library made with {@link StandardLibrary#create}. */
    public LuaState(StandardLibrary library) {
        this.library = library;
        this.globals = new LuaTable(0, 1);
        globals.rawsetStr("_G", globals);
        globals.setMetatable(library.globalsMetatable);
    }

    // ---------------------------------------------------------------- compiling and loading

    /**
     * Compiles Lua source given as Java text (non-ASCII characters become their UTF-8 bytes);
     * {@code chunkName} "=name" shows as "name" in messages, "@file" as "file".
     */
    public static Prototype compile(String source, String chunkName) {
        return Compiler.compile(LuaStrings.fromJava(source), chunkName == null ? null : LuaStrings.fromJava(chunkName));
    }

    /** Compiles Lua source that is already a Lua (byte-per-char) string, as {@code load} does. */
    public static Prototype compileBytes(String luaSource, String chunkName) {
        return Compiler.compile(luaSource, chunkName);
    }

    /** Compiles a file, read as bytes (one char per byte); messages name it by its path. */
    public static Prototype compileFile(Path file) {
        try {
            return Compiler.compile(LuaStrings.fromBytes(Files.readAllBytes(file)), "@" + LuaStrings.fromJava(file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A closure of {@code chunk} whose _ENV is this state's globals. */
    public LuaClosure load(Prototype chunk) {
        return load(chunk, globals);
    }

    /** A closure of {@code chunk} with the given _ENV. */
    public LuaClosure load(Prototype chunk, Object env) {
        Upvalue[] ups = new Upvalue[chunk.numUpvalues()];
        for (int i = 0; i < ups.length; i++) ups[i] = Upvalue.closed(i == 0 ? env : null);
        return new LuaClosure(chunk, ups);
    }

    /** Compiles and runs source text, returning its results. */
    public Object[] execute(String source, String chunkName) {
        return call(load(compile(source, chunkName)));
    }

    // ---------------------------------------------------------------- calling

    /** Calls a Lua value with arguments and returns its results. Raises {@link LuaError}. */
    public Object[] call(Object fn, Object... args) {
        return Calls.call(this, fn, args == null ? Interpreter.EMPTY : args);
    }

    /** A new coroutine running {@code fn}; resume it with {@link Coroutine#resume}. */
    public Coroutine newCoroutine(Object fn) {
        if (!(fn instanceof LuaFunction)) {
            throw new LuaError("bad argument #1 to 'create' (function expected)");
        }
        return new Coroutine(this, fn, false);
    }

    /**
     * For a Java function: suspends the running coroutine, handing {@code values} to whoever
     * resumed it. Use as {@code return state.yield(v1, v2);}. The values of the next resume become
     * the function's results.
     */
    public Object[] yield(Object... values) {
        running().transfer = values == null ? Interpreter.EMPTY : values;
        return YIELD;
    }

    /**
     * For a Java function: suspends the running coroutine with a request for the host. Unlike
     * {@link #yield}, a host yield passes through Lua-level {@code coroutine.resume} and
     * {@code coroutine.wrap}: it reaches the Java code that resumed the outermost coroutine, which
     * sees {@link Coroutine#isHostYield()} and later resumes it with the answer; the answer
     * travels back down to the function that yielded and becomes its results.
     *
     * <pre>{@code
     * JavaFunction receive = JavaFunction.of("receive", (L, a) -> L.yieldToHost("receive", a[0]));
     * }</pre>
     */
    public Object[] yieldToHost(Object... values) {
        Coroutine co = running();
        co.transfer = values == null ? Interpreter.EMPTY : values;
        co.hostYield = true;
        return YIELD;
    }

    /**
     * Suspends the running coroutine with {@code values}; when it is resumed, {@code continuation}
     * runs with the resume values and its result becomes the yielding function's results (it may
     * yield again by returning another yield).
     */
    Object[] yieldThen(JavaFunction.Body continuation, boolean toHost, Object[] values) {
        Coroutine co = running();
        co.transfer = values;
        co.hostYield = toHost;
        co.pendingContinuation = continuation;
        return YIELD;
    }

    /** The coroutine running now (the main one when no coroutine was resumed). */
    public Coroutine running() {
        Coroutine c = current;
        if (c == null) {
            if (main == null) main = new Coroutine(this, null, true);
            c = current = main;
        }
        return c;
    }

    /**
     * True when a Java function called now may yield: the running coroutine is not the main one
     * and no Java call that cannot be yielded across (a metamethod, a nested {@link #call}) is in
     * progress on it. The same answer as {@code coroutine.isyieldable()}, but it allocates nothing
     * and never creates the main coroutine.
     */
    public boolean isYieldable() {
        Coroutine c = current;
        return c != null && !c.isMain && c.nny == 0;
    }

    /**
     * Drops the main coroutine (its stack and frames) when nothing runs on it, so that a state whose
     * Lua code runs in coroutines keeps none: a host calls this after running a chunk from Java. The
     * next call from Java outside any coroutine makes a new one. Does nothing while a call or a
     * resume is in progress.
     */
    public void releaseMain() {
        if (main != null && nestedCalls == 0 && main.depth == 0 && (current == main || current == null)) {
            main = null;
            current = null;
        }
    }

    /** True while the state holds a main coroutine (made by the first call from Java, see {@link #releaseMain}). */
    public boolean hasMainCoroutine() {
        return main != null;
    }

    /** True when the running coroutine is the state's main one. */
    public boolean isMainRunning() {
        return running() == main;
    }

    // ---------------------------------------------------------------- globals and modules

    /** This state's own globals table (reads fall through to the shared library). */
    public LuaTable globals() {
        return globals;
    }

    /**
     * Gives this state its own copy of the library's global entries and drops the fall-through to
     * the shared library, so that a global can be removed ({@code print = nil}) or the globals
     * table can get a metatable of its own ({@code setmetatable(_G, ...)}). The library's
     * sub-tables (string, table, ...) stay shared and read-only.
     */
    void detachGlobals() {
        if (globals.getMetatable() != library.globalsMetatable) return;
        Object[] kv = new Object[2];
        for (Object k = null; library.functions.next(k, kv); k = kv[0]) {
            if (globals.rawget(kv[0]) == null) globals.rawset(kv[0], kv[1]);
        }
        globals.setMetatable(null);
    }

    /** True when {@code t} is a globals table reading through to the shared library. */
    boolean isLibraryBacked(LuaTable t) {
        return t.getMetatable() == library.globalsMetatable;
    }

    /** Sets a global of this state. */
    public void setGlobal(String name, Object value) {
        String key = LuaStrings.fromJava(name);
        if (value == null && library.functions.rawget(key) != null) detachGlobals();
        globals.rawset(key, value);
    }

    /** Reads a global (own or shared library). */
    public Object getGlobal(String name) {
        return Metamethods.index(this, globals, LuaStrings.fromJava(name));
    }

    /** Registers a Java function as a global of this state. */
    public void register(String name, JavaFunction fn) {
        setGlobal(name, fn);
    }

    /** Sets where {@code require} finds modules. */
    public void setModuleLoader(ModuleLoader loader) {
        this.moduleLoader = loader;
    }

    /** Makes {@code module} the value of {@code require(name)} in this state. */
    public void preload(String name, Object module) {
        loadedTable().rawset(LuaStrings.fromJava(name), module);
    }

    LuaTable loadedTable() {
        if (loaded == null) loaded = new LuaTable();
        return loaded;
    }

    ModuleLoader moduleLoader() {
        return moduleLoader;
    }

    /**
     * Attaches host data to this state: what host functions, which receive the state, need to find
     * the host object they run for (a process, a request). One slot; null clears it.
     *
     * <pre>{@code
     * state.setHostData(process);
     * JavaFunction self = JavaFunction.of("self", (L, a) -> new Object[] {((MyProcess) L.hostData()).name()});
     * }</pre>
     */
    public void setHostData(Object data) {
        this.hostData = data;
    }

    /** {@return the host data attached with {@link #setHostData}, or null} */
    public Object hostData() {
        return hostData;
    }

    /** Where {@code print} writes (bytes: each char of a Lua string is one byte). */
    public void setOutput(OutputStream out) {
        this.output = out instanceof PrintStream ps ? ps : new PrintStream(out, false);
    }

    PrintStream output() {
        return output;
    }

    /** Lets {@code os.getenv} read the environment (off by default). */
    public void allowGetenv(boolean allow) {
        this.allowGetenv = allow;
    }

    /** Frames a state may nest before "stack overflow" (default 200000). */
    public void setMaxCallDepth(int depth) {
        this.maxCallDepth = Math.max(16, depth);
    }

    /** Largest string {@code string.rep} and friends may build, in bytes (default 256 MiB). */
    public void setMaxStringSize(long bytes) {
        this.maxStringSize = bytes;
    }

    // ---------------------------------------------------------------- interrupts

    /**
     * Calls {@code handler} about every {@code budget} loop iterations and calls (the preemption
     * budget). The handler may park the thread to let others run, or call {@link #kill}.
     */
    public void setInterruptHandler(InterruptHandler handler, int budget) {
        this.interruptHandler = handler;
        this.hookBudget = Math.max(1, budget);
        this.hookCounter = hookBudget;
    }

    /**
     * Asks the state to stop: at its next loop back-edge or call it raises {@link LuaKill}, which
     * pcall cannot catch. Safe from any thread.
     */
    public void kill(String reason) {
        killReason = reason == null ? "killed" : reason;
        hookCounter = 0;
    }

    /** Makes the state call its interrupt handler at the next check. Safe from any thread. */
    public void requestInterrupt() {
        hookCounter = 0;
    }

    /** True once {@link #kill} was called. */
    public boolean isKilled() {
        return killReason != null;
    }

    void tick() {
        hookCounter = hookBudget;
        String reason = killReason;
        if (reason != null) throw new LuaKill(reason);
        InterruptHandler h = interruptHandler;
        if (h != null) {
            h.onInterrupt(this);
            reason = killReason;
            if (reason != null) throw new LuaKill(reason);
        }
    }
}
