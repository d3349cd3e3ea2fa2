package dev.trellis.runtime.lua;

import dev.trellis.core.ProcessError;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import dev.trellis.lua.TextValue;

/**
 * The userdata of a Lua error object: it wraps a core {@link ProcessError} and reads as the
 * error's text wherever Lua expects a string, so Wippy code such as
 * {@code string.find(err, "not found")} works on the error a call returned.
 *
 * <pre>{@code
 * Object err = LuaErrors.object(ProcessError.of(ErrorKind.NOT_FOUND, "process not found"));
 * // Lua: string.find(err, "not found") --> 9 17;  string.upper(err) --> "PROCESS NOT FOUND"
 * }</pre>
 *
 * <p>Immutable: the error and the metatable (frozen) never change.
 */
final class ErrorUserdata extends LuaUserdata implements TextValue {

    ErrorUserdata(ProcessError error, LuaTable metatable) {
        super(error, metatable);
    }

    @Override
    public String luaText() {
        return LuaErrors.text((ProcessError) value());
    }
}
