package dev.trellis.lua;

import java.nio.file.Path;

/**
 * Runs a Lua file standalone, like the {@code lua} command: {@code java dev.trellis.lua.LuaMain
 * FILE.lua [args]}. The script sees its arguments in the global {@code arg} (arg[0] = the file)
 * and as {@code ...}. Errors print "lua: msg" and the traceback to stderr, exit status 1.
 *
 * <pre>{@code
 * ./trellis lua bench/fib.lua 32
 * }</pre>
 */
public final class LuaMain {
    private LuaMain() {}

    public static void main(String[] argv) {
        if (argv.length == 0) {
            System.err.println("usage: LuaMain FILE.lua [args]");
            System.exit(1);
        }
        System.exit(run(argv));
    }

    /** Runs the script; returns the process exit status. */
    public static int run(String[] argv) {
        LuaState state = new LuaState();
        state.allowGetenv(true);
        LuaTable arg = new LuaTable();
        arg.rawsetInt(0, LuaStrings.fromJava(argv[0]));
        Object[] scriptArgs = new Object[argv.length - 1];
        for (int i = 1; i < argv.length; i++) {
            String a = LuaStrings.fromJava(argv[i]);
            arg.rawsetInt(i, a);
            scriptArgs[i - 1] = a;
        }
        state.setGlobal("arg", arg);
        try {
            Prototype chunk = LuaState.compileFile(Path.of(argv[0]));
            state.call(state.load(chunk), scriptArgs);
            System.out.flush();
            return 0;
        } catch (LuaError e) {
            System.out.flush();
            Object v = e.value();
            boolean described = !(v instanceof String) && Metamethods.get(state, v, "__tostring") != null;
            String msg = described ? LuaStrings.toJava(BaseLib.tostring(state, v)) : e.getMessage();
            System.err.println("lua: " + msg);
            if (!described && e.luaTraceback() != null) System.err.println(e.luaTraceback()); // as lua.c's msghandler
            return 1;
        } catch (LuaKill e) {
            System.err.println("lua: killed: " + e.getMessage());
            return 1;
        } catch (java.io.UncheckedIOException e) {
            System.err.println("lua: cannot open " + argv[0]);
            return 1;
        }
    }
}
