package dev.trellis.runtime.lua.modules;

import static dev.trellis.lua.LuaArgs.arg;

import dev.trellis.core.channel.Case;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Select;
import dev.trellis.core.channel.Selected;
import dev.trellis.lua.LuaArgs;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaValues;
import dev.trellis.runtime.lua.LuaChannel;
import dev.trellis.runtime.lua.LuaProc;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code channel} global: process-local channels over the core's non-blocking channel layer
 * ({@link LuaChannel} holds a channel's methods), and {@code select} in list order.
 *
 * <pre>{@code
 * local ch = channel.new(1)
 * local r = channel.select { ch:case_receive(), other:case_send(1), default = true }
 * if r.default then ... elseif r.channel == ch then print(r.value, r.ok) end
 * }</pre>
 *
 * <p>{@code select} takes the first ready case in list order; with {@code default} (a field of the
 * cases table, or {@code true} as second argument) it never waits; otherwise it parks only the
 * calling coroutine until a case is ready. A send case whose channel closes while parked completes
 * with {@code ok = false}.
 *
 * <p>Thread-safety: the table is frozen and shared; channels belong to their process's thread.
 */
final class ChannelModule {

    private ChannelModule() {
    }

    /** {@return the frozen {@code channel} table} */
    static LuaTable create() {
        LuaTable t = new LuaTable();
        BuiltInModules.fn(t, "new", (s, a) -> {
            long size = arg(a, 0) == null ? 0 : LuaArgs.checkInteger(a, 0, "new");
            Channel<Object> ch = Channel.create(LuaProc.of(s).proc().owner(), (int) Math.max(0, Math.min(size, Integer.MAX_VALUE)));
            return new Object[] {LuaChannel.wrap(ch)};
        });
        BuiltInModules.fn(t, "select", ChannelModule::select);
        return t.freeze();
    }

    private static Object[] select(LuaState s, Object[] a) {
        LuaTable cases = LuaArgs.checkTable(a, 0, "select");
        boolean withDefault = Boolean.TRUE.equals(arg(a, 1)) || LuaValues.isTruthy(cases.rawgetStr("default"));
        List<Case<Object>> list = new ArrayList<>();
        List<LuaChannel> channels = new ArrayList<>();
        long n = cases.length();
        for (long i = 1; i <= n; i++) {
            LuaChannel.CaseRef ref = LuaChannel.caseOf(cases.rawgetInt(i));
            if (ref != null) {
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
        for (LuaChannel ch : channels) {
            external |= p.fedFromOutside(ch.channel());
        }
        return p.scheduler().block(external, w -> Select.park(list, w), w -> {
            Select.withdraw(list, w);
            int i = w.index();
            return new Object[] {result(channels.get(i), list.get(i), w.value(), w.ok())};
        });
    }

    private static LuaTable result(LuaChannel channel, Case<Object> c, Object value, boolean ok) {
        LuaTable t = new LuaTable(0, 3);
        t.rawset("channel", channel);
        Object v = c.send() ? c.value() : LuaProc.received(value);
        if (v != null) {
            t.rawset("value", v);
        }
        t.rawset("ok", ok);
        return t;
    }
}
