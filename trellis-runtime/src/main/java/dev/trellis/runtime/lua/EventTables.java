package dev.trellis.runtime.lua;

import dev.trellis.core.Event;
import dev.trellis.lua.LuaTable;

/**
 * Lifecycle events as Lua tables (docs/process-model.md, Events and exits).
 *
 * <pre>{@code
 * local e = process.events():receive()
 * e.kind      -- process.event.EXIT, LINK_DOWN or CANCEL
 * e.from      -- the pid string of the process it is about (the canceller for CANCEL)
 * e.at        -- Unix seconds
 * e.result    -- EXIT / LINK_DOWN: {value = v} on a normal exit, {error = err} on an error exit
 * e.error     -- the error as a string (absent on a normal exit)
 * e.reason    -- CANCEL: the reason given to process.cancel ("" by default)
 * }</pre>
 *
 * <p>An exit value is copied again for each receiver, so monitors never share a table.
 */
final class EventTables {

    private EventTables() {
    }

    /** {@return a fresh table for {@code e}} */
    static LuaTable table(Event e) {
        LuaTable t = new LuaTable(0, 6);
        t.rawset("kind", e.kind().wireName());
        t.rawset("from", e.from().toString());
        t.rawset("at", e.at().getEpochSecond());
        if (e.kind() == Event.Kind.CANCEL) {
            t.rawset("reason", e.reason() == null ? "" : e.reason());
            return t;
        }
        LuaTable result = new LuaTable(0, 1);
        if (e.isError()) {
            result.rawset("error", LuaErrors.object(e.result().error()));
            t.rawset("error", LuaErrors.luaMessage(e.result().error()));
        } else if (e.value() != null) {
            result.rawset("value", Payloads.export(Payloads.toLua(e.value())));
        }
        t.rawset("result", result);
        return t;
    }
}
