package dev.trellis.lua;

/**
 * A compiled Lua function bound to its upvalues. Closures over one {@link Prototype} share its code.
 *
 * <pre>{@code
 * LuaClosure main = state.load(prototype);   // upvalue _ENV = the state's globals
 * state.call(main);
 * }</pre>
 */
public final class LuaClosure extends LuaFunction {
    final Prototype p;
    final Upvalue[] upvals;

    LuaClosure(Prototype p, Upvalue[] upvals) {
        this.p = p;
        this.upvals = upvals;
    }

    public Prototype prototype() {
        return p;
    }

    @Override
    public String name() {
        return "function <" + p.source + ":" + p.lineDefined + ">";
    }
}
