package dev.trellis.runtime.lua;

import dev.trellis.core.Message;
import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;

/**
 * Message objects (docs/lua-api.md): what the inbox and {@code listen(topic, {message = true})} deliver.
 *
 * <pre>{@code
 * local msg = process.inbox():receive()
 * msg:topic()            -- the topic the sender used
 * msg:from()             -- the sender's pid, "" for runtime messages
 * msg:payload():data()   -- the first payload (nil when none; a table of payloads when several)
 * }</pre>
 *
 * <p>Thread-safety: the metatables are frozen and shared; a core {@link Message} is immutable.
 */
final class MessageObjects {

    private static final LuaTable MESSAGE_MT = new LuaTable();
    private static final LuaTable PAYLOAD_MT = new LuaTable();

    static {
        LuaTable m = new LuaTable();
        fn(m, "topic", (s, a) -> new Object[] {self(a, "topic").topic()});
        fn(m, "from", (s, a) -> {
            Message msg = self(a, "from");
            LuaProc p = LuaProc.orNull(s);
            if (p != null) {
                return new Object[] {p.fromText(msg.from())};
            }
            return new Object[] {msg.from().isZero() ? "" : msg.from().toString()};
        });
        fn(m, "payload", (s, a) -> {
            Message msg = self(a, "payload");
            int n = msg.payloadCount();
            if (n == 0) {
                return new Object[] {null};
            }
            if (n == 1) {
                return new Object[] {payload(msg.payload(0))};
            }
            LuaTable t = new LuaTable(n, 0);
            for (int i = 0; i < n; i++) {
                t.rawsetInt(i + 1, payload(msg.payload(i)));
            }
            return new Object[] {t};
        });
        MESSAGE_MT.rawset("__index", m.freeze());
        MESSAGE_MT.rawset("__name", "process.Message");
        fn(MESSAGE_MT, "__tostring", (s, a) -> new Object[] {"process.Message{topic=" + self(a, "tostring").topic() + "}"});
        MESSAGE_MT.freeze();

        LuaTable p = new LuaTable();
        JavaFunction data = JavaFunction.of("data", (s, a) -> new Object[] {Payloads.toLua(payloadValue(a, "data"))});
        p.rawset("data", data);
        p.rawset("unmarshal", data);
        fn(p, "get_format", (s, a) -> new Object[] {"lua"});
        PAYLOAD_MT.rawset("__index", p.freeze());
        PAYLOAD_MT.rawset("__name", "process.Payload");
        PAYLOAD_MT.freeze();
    }

    private MessageObjects() {
    }

    /** {@return the Lua message object for a core message} */
    static LuaUserdata message(Message m) {
        return new LuaUserdata(m, MESSAGE_MT);
    }

    /** The payload's value is the userdata's own (a nil payload too): no wrapper per payload. */
    private static LuaUserdata payload(Object value) {
        return new LuaUserdata(value, PAYLOAD_MT);
    }

    private static Message self(Object[] a, String fname) {
        if (LuaArgs.arg(a, 0) instanceof LuaUserdata u && u.getMetatable() == MESSAGE_MT) {
            return (Message) u.value();
        }
        throw LuaArgs.typeError(a, 0, fname, "process.Message");
    }

    private static Object payloadValue(Object[] a, String fname) {
        if (LuaArgs.arg(a, 0) instanceof LuaUserdata u && u.getMetatable() == PAYLOAD_MT) {
            return u.value();
        }
        throw LuaArgs.typeError(a, 0, fname, "process.Payload");
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of(name, body));
    }
}
