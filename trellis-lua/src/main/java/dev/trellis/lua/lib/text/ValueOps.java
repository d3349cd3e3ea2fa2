package dev.trellis.lua.lib.text;

/**
 * The few Lua-value operations the text algorithms need from the VM.
 *
 * <pre>{@code
 * ValueOps ops = new ValueOps() {
 *     public String tostring(Object v) { return vm.tostring(v); }   // honours __tostring and __name
 *     public String typeName(Object v) { return vm.typeNameForErrors(v); }
 * };
 * StringFormat.format(ops, "%s!", table);
 * }</pre>
 *
 * <p>{@link #PLAIN} handles the values this package knows (nil, booleans, integers, floats, strings)
 * and describes any other object by its class name; the VM supplies its own implementation.
 * Implementations must be safe to call from whichever thread runs the Lua code.
 */
public interface ValueOps {

    /** {@code luaL_tolstring}: the string {@code tostring(v)} would return (with {@code __tostring}). */
    String tostring(Object v);

    /**
     * The type name PUC uses in "X expected, got Y" messages ({@code luaL_typeerror}: the
     * {@code __name} metafield if it is a string, else {@code luaL_typename}).
     */
    String typeName(Object v);

    /** The operations for plain Java values in the Trellis Lua representation. */
    ValueOps PLAIN = new ValueOps() {
        @Override
        public String tostring(Object v) {
            return LuaNumbers.tostringPlain(v);
        }

        @Override
        public String typeName(Object v) {
            return LuaNumbers.typeName(v);
        }
    };
}
