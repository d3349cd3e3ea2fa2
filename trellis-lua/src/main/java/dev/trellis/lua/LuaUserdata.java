package dev.trellis.lua;

/**
 * A host object visible to Lua as a userdata, with an optional metatable that gives it methods
 * and operators.
 *
 * <pre>{@code
 * LuaTable mt = new LuaTable();
 * mt.rawset("__index", methods);
 * LuaUserdata channel = new LuaUserdata(javaChannel, mt);
 * }</pre>
 */
public class LuaUserdata {
    private final Object value;
    private LuaTable metatable;

    public LuaUserdata(Object value, LuaTable metatable) {
        this.value = value;
        this.metatable = metatable;
    }

    /** The wrapped host object. */
    public Object value() {
        return value;
    }

    public LuaTable getMetatable() {
        return metatable;
    }

    public void setMetatable(LuaTable metatable) {
        this.metatable = metatable;
    }
}
