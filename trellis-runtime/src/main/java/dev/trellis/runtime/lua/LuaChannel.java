package dev.trellis.runtime.lua;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.core.channel.Case;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.ChannelClosedException;
import dev.trellis.core.channel.Received;
import dev.trellis.core.channel.Waiter;
import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import java.util.function.Consumer;

/**
 * A channel as Lua sees it: a userdata over a core channel, with the methods {@code send},
 * {@code receive}, {@code close}, {@code case_receive} and {@code case_send}. The {@code channel}
 * module makes them ({@code channel.new}), and so does the process binding (inbox, events, listen
 * and timer channels).
 *
 * <pre>{@code
 * local ch = channel.new(1)
 * ch:send("v")                                  -- true; raises "send on closed channel" when closed
 * local v, ok = ch:receive()                    -- "v", true; nil, false once closed and drained
 * local c = ch:case_receive()                   -- a case for channel.select
 * }</pre>
 *
 * <p>A receive or send that cannot complete parks only the calling coroutine
 * ({@link CoroutineScheduler#block}). Mailbox channels deliver message objects and event tables.
 *
 * <p>Thread-safety: the metatables are frozen and shared; a channel belongs to its process's thread.
 * The parking action of a blocking receive is made once per channel, not per receive.
 */
public final class LuaChannel extends LuaUserdata {

    /** A case of a select: the channel's userdata and the core case. */
    public record CaseRef(LuaChannel channel, Case<Object> c) {
    }

    private static final LuaTable CHANNEL_MT = new LuaTable();
    private static final LuaTable CASE_MT = new LuaTable();

    /** What a receive that had to wait returns. */
    private static final CoroutineScheduler.Completion RECEIVED = w -> new Object[] {LuaProc.received(w.value()), w.ok()};

    static {
        LuaTable methods = new LuaTable();
        fn(methods, "send", LuaChannel::send);
        fn(methods, "receive", LuaChannel::receive);
        fn(methods, "close", (s, a) -> {
            self(a, "close").channel().close();
            return JavaFunction.NONE;
        });
        fn(methods, "case_receive", (s, a) -> {
            LuaChannel ch = self(a, "case_receive");
            return new Object[] {new LuaUserdata(new CaseRef(ch, ch.channel().receiveCase()), CASE_MT)};
        });
        fn(methods, "case_send", (s, a) -> {
            LuaChannel ch = self(a, "case_send");
            return new Object[] {new LuaUserdata(new CaseRef(ch, ch.channel().sendCase(arg(a, 1))), CASE_MT)};
        });
        CHANNEL_MT.rawset("__index", methods.freeze());
        CHANNEL_MT.rawset("__name", "channel");
        fn(CHANNEL_MT, "__tostring", (s, a) -> new Object[] {"channel: " + Integer.toHexString(System.identityHashCode(a[0]))});
        CHANNEL_MT.freeze();
        CASE_MT.rawset("__name", "channel.case");
        CASE_MT.freeze();
    }

    private Consumer<Waiter> parkReceiver;

    private LuaChannel(Channel<?> ch) {
        super(ch, CHANNEL_MT);
    }

    /** {@return a new userdata for a core channel} */
    public static LuaChannel wrap(Channel<?> ch) {
        return new LuaChannel(ch);
    }

    /** {@return the core channel} */
    @SuppressWarnings("unchecked")
    public Channel<Object> channel() {
        return (Channel<Object>) value();
    }

    /** {@return the select case {@code v} is, or null if it is none} */
    public static CaseRef caseOf(Object v) {
        return v instanceof LuaUserdata u && u.getMetatable() == CASE_MT ? (CaseRef) u.value() : null;
    }

    private Consumer<Waiter> parkReceiver() {
        Consumer<Waiter> park = parkReceiver;
        if (park == null) {
            Channel<Object> ch = channel();
            parkReceiver = park = w -> ch.parkReceiver(w, 0);
        }
        return park;
    }

    // ============================================================================================
    // send / receive
    // ============================================================================================

    private static Object[] send(LuaState s, Object[] a) {
        Channel<Object> ch = self(a, "send").channel();
        Object v = arg(a, 1);
        try {
            if (ch.trySend(v)) {
                return new Object[] {Boolean.TRUE};
            }
        } catch (ChannelClosedException e) {
            throw new LuaError("send on closed channel");
        }
        LuaProc p = LuaProc.of(s);
        return p.scheduler.block(p.fedFromOutside(ch), w -> ch.parkSender(w, 0, v), w -> w.sendClosed()
                ? new Object[] {null, LuaErrors.invalid("channel update: send on closed channel")}
                : new Object[] {Boolean.TRUE});
    }

    private static Object[] receive(LuaState s, Object[] a) {
        LuaChannel ud = self(a, "receive");
        Channel<Object> ch = ud.channel();
        Received<Object> r = ch.tryReceive();
        if (r != null) {
            return new Object[] {LuaProc.received(r.value()), r.ok()};
        }
        LuaProc p = LuaProc.of(s);
        return p.scheduler.block(p.fedFromOutside(ch), ud.parkReceiver(), RECEIVED);
    }

    private static LuaChannel self(Object[] a, String fname) {
        if (arg(a, 0) instanceof LuaChannel u) {
            return u;
        }
        throw LuaArgs.typeError(a, 0, fname, "channel");
    }

    private static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of(name, body));
    }
}
