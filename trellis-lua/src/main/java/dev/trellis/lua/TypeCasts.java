package dev.trellis.lua;

/**
 * Wippy's callable primitive types, the checked casts its Lua dialect allows: {@code string(x)},
 * {@code number(x)}, {@code integer(x)}, {@code boolean(x)} return the value converted to that
 * type or raise "cannot cast X to T"; {@code T:is(x)} returns {@code x, nil} or {@code nil, err}
 * instead of raising; {@code T:kind()} names the type.
 *
 * <pre>{@code
 * local n = integer("42")        -- 42
 * local s = string(7)            -- "7"
 * local v, err = number:is({})   -- nil, "cannot cast table to number"
 * }</pre>
 */
final class TypeCasts {
    private TypeCasts() {}

    static void install(LuaTable g, LuaTable stringLib) {
        LuaTable stringType = new LuaTable();
        stringType.rawset("__call", JavaFunction.of("string", (L, a) -> new Object[] {cast("string", LuaArgs.arg(a, 1), true)}));
        stringLib.setMetatable(stringType);
        for (String type : new String[] {"number", "integer", "boolean"}) {
            LuaTable t = new LuaTable();
            t.rawset("is", JavaFunction.of("is", (L, a) -> {
                try {
                    return new Object[] {cast(type, LuaArgs.arg(a, 1), false), null};
                } catch (LuaError e) {
                    return new Object[] {null, e.value()};
                }
            }));
            t.rawset("kind", JavaFunction.of("kind", (L, a) -> new Object[] {type}));
            LuaTable mt = new LuaTable();
            mt.rawset("__call", JavaFunction.of(type, (L, a) -> new Object[] {cast(type, LuaArgs.arg(a, 1), true)}));
            mt.rawset("__name", "type");
            t.setMetatable(mt);
            g.rawset(type, t);
        }
    }

    /** The value as {@code type}, or a Lua error (positioned when {@code raise} is true). */
    static Object cast(String type, Object v, boolean raise) {
        Object r = switch (type) {
            case "string" -> v instanceof String || v instanceof Long || v instanceof Double ? LuaValues.tostring(v) : null;
            case "number" -> Arith.toNumeric(v);
            case "integer" -> {
                Object n = Arith.toNumeric(v);
                yield n instanceof Double d ? Arith.exactLong(d) : n;
            }
            case "boolean" -> v instanceof Boolean ? v : null;
            default -> null;
        };
        if (r == null) {
            String msg = "cannot cast " + LuaValues.typeName(v) + " to " + type;
            throw raise ? LuaError.runtime(msg) : new LuaError(msg);
        }
        return r;
    }
}
