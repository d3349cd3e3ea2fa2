package dev.trellis.runtime.lua;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.core.channel.Case;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.ChannelClosedException;
import dev.trellis.core.channel.Received;
import dev.trellis.core.channel.Select;
import dev.trellis.core.channel.Selected;
import dev.trellis.core.channel.Waiter;
import dev.trellis.lua.JavaFunction;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import dev.trellis.lua.LuaValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code channel} global (spec §4): process-local channels over the core's non-blocking
 * channel layer, with {@code select} in list order.
 *
 * <pre>{@code
 * local ch = channel.new(1)
 * ch:send("v")                                  -- true; raises "send on closed channel" when closed
 * local v, ok = ch:receive()                    -- "v", true; nil, false once closed and drained
 * local r = channel.select { ch:case_receive(), other:case_send(1), default = true }
 * if r.default then ... elseif r.channel == ch then print(r.value, r.ok) end
 * }</pre>
 *
 * <p>A receive or send that cannot complete parks only the calling coroutine
 * ({@link CoroutineScheduler#block}). Values are Lua values; mailbox channels (inbox, events,
 * listen) deliver message objects and event tables.
 *
 * <p>Thread-safety: the tables are frozen and shared; channels belong to their process's thread.
 */
final class ChannelModule {

    /** A case of a select: the channel's userdata and the core case. */
    record CaseRef(LuaUserdata channel, Case<Object> c) {
    }

    /**
     * The Lua face of a core channel: the channel is its value; the parking action of a blocking
     * receive is made once per channel, not per receive.
     */
    static final class ChannelUserdata extends LuaUserdata {
        private Consumer<Waiter> parkReceiver;

        ChannelUserdata(Channel<?> ch) {
            super(ch, CHANNEL_MT);
        }

        @SuppressWarnings("unchecked")
        Consumer<Waiter> parkReceiver() {
            Consumer<Waiter> park = parkReceiver;
            if (park == null) {
                Channel<Object> ch = (Channel<Object>) value();
                parkReceiver = park = w -> ch.parkReceiver(w, 0);
            }
            return park;
        }
    }

    /** What a receive that had to wait returns. */
    private static final CoroutineScheduler.Completion RECEIVED = w -> new Object[] {LuaProc.received(w.value()), w.ok()};

    static final LuaTable CHANNEL_MT = new LuaTable();
    private static final LuaTable CASE_MT = new LuaTable();

    static {
        LuaTable methods = new LuaTable();
        fn(methods, "send", ChannelModule::send);
        fn(methods, "receive", ChannelModule::receive);
        fn(methods, "close", (s, a) -> {
            channel(a, "close").close();
            return JavaFunction.NONE;
        });
        fn(methods, "case_receive", (s, a) -> {
            LuaUserdata ud = self(a, "case_receive");
            return new Object[] {new LuaUserdata(new CaseRef(ud, channelOf(ud).receiveCase()), CASE_MT)};
        });
        fn(methods, "case_send", (s, a) -> {
            LuaUserdata ud = self(a, "case_send");
            return new Object[] {new LuaUserdata(new CaseRef(ud, channelOf(ud).sendCase(arg(a, 1))), CASE_MT)};
        });
        CHANNEL_MT.rawset("__index", methods.freeze());
        CHANNEL_MT.rawset("__name", "channel");
        fn(CHANNEL_MT, "__tostring", (s, a) -> new Object[] {"channel: " + Integer.toHexString(System.identityHashCode(a[0]))});
        CHANNEL_MT.freeze();
        CASE_MT.rawset("__name", "channel.case");
        CASE_MT.freeze();
    }

    private ChannelModule() {
    }

    /** {@return the frozen {@code channel} table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        fn(t, "new", (s, a) -> {
            long size = arg(a, 0) == null ? 0 : LuaArgs.checkInteger(a, 0, "new");
            Channel<Object> ch = Channel.create(LuaProc.of(s).proc.owner(), (int) Math.max(0, Math.min(size, Integer.MAX_VALUE)));
            return new Object[] {wrap(ch)};
        });
        fn(t, "select", ChannelModule::select);
        return t.freeze();
    }

    /** {@return a new userdata for a core channel} */
    static LuaUserdata wrap(Channel<?> ch) {
        return new ChannelUserdata(ch);
    }

    /** {@return whether {@code v} is a channel userdata} (Only {@link #wrap} makes them.) */
    static boolean isChannel(Object v) {
        return v instanceof ChannelUserdata;
    }

    // ============================================================================================
    // send / receive
    // ============================================================================================

    private static Object[] send(LuaState s, Object[] a) {
        Channel<Object> ch = channel(a, "send");
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
        ChannelUserdata ud = self(a, "receive");
        Channel<Object> ch = channelOf(ud);
        Received<Object> r = ch.tryReceive();
        if (r != null) {
            return new Object[] {LuaProc.received(r.value()), r.ok()};
        }
        LuaProc p = LuaProc.of(s);
        return p.scheduler.block(p.fedFromOutside(ch), ud.parkReceiver(), RECEIVED);
    }

    // ============================================================================================
    // select
    // ============================================================================================

    private static Object[] select(LuaState s, Object[] a) {
        LuaTable cases = LuaArgs.checkTable(a, 0, "select");
        boolean withDefault = Boolean.TRUE.equals(arg(a, 1)) || LuaValues.isTruthy(cases.rawgetStr("default"));
        List<Case<Object>> list = new ArrayList<>();
        List<LuaUserdata> channels = new ArrayList<>();
        long n = cases.length();
        for (long i = 1; i <= n; i++) {
            if (cases.rawgetInt(i) instanceof LuaUserdata u && u.getMetatable() == CASE_MT) {
                CaseRef ref = (CaseRef) u.value();
                list.add(ref.c());
                channels.add(ref.channel());
            }
        }
        Selected ready = Select.tryCases(list);
        if (ready != null) {
            return new Object[] {result(channels.get(ready.index()), list.get(ready.index()), ready.value(), ready.ok())};
        }
        if (withDefault) {
            LuaTable t = new LuaTable(0, 2);
            t.rawset("default", Boolean.TRUE);
            t.rawset("ok", Boolean.TRUE);
            return new Object[] {t};
        }
        if (list.isEmpty()) {
            throw new LuaError("select: no cases to wait on");
        }
        LuaProc p = LuaProc.of(s);
        boolean external = false;
        for (LuaUserdata ch : channels) {
            external |= p.fedFromOutside(channelOf(ch));
        }
        return p.scheduler.block(external, w -> Select.park(list, w), w -> {
            Select.withdraw(list, w);
            int i = w.index();
            // A send case whose channel closed while parked completes with ok = false.
            return new Object[] {result(channels.get(i), list.get(i), w.value(), w.ok())};
        });
    }

    private static LuaTable result(LuaUserdata channel, Case<Object> c, Object value, boolean ok) {
        LuaTable t = new LuaTable(0, 3);
        t.rawset("channel", channel);
        Object v = c.send() ? c.value() : LuaProc.received(value);
        if (v != null) {
            t.rawset("value", v);
        }
        t.rawset("ok", ok);
        return t;
    }

    // ============================================================================================
    // Helpers
    // ============================================================================================

    private static ChannelUserdata self(Object[] a, String fname) {
        if (arg(a, 0) instanceof ChannelUserdata u) {
            return u;
        }
        throw LuaArgs.typeError(a, 0, fname, "channel");
    }

    @SuppressWarnings("unchecked")
    private static Channel<Object> channel(Object[] a, String fname) {
        return channelOf(self(a, fname));
    }

    @SuppressWarnings("unchecked")
    static Channel<Object> channelOf(LuaUserdata u) {
        return (Channel<Object>) u.value();
    }

    static void fn(LuaTable t, String name, JavaFunction.Body body) {
        t.rawset(name, JavaFunction.of(name, body));
    }
}
