package dev.trellis.runtime.lua;

import dev.trellis.core.Event;
import dev.trellis.core.Message;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessError;
import dev.trellis.core.ProcessException;
import dev.trellis.core.Terminated;
import dev.trellis.core.Ticker;
import dev.trellis.core.channel.Channel;
import dev.trellis.lua.LuaError;
import dev.trellis.lua.LuaFunction;
import dev.trellis.lua.LuaKill;
import dev.trellis.lua.LuaState;
import dev.trellis.lua.LuaTable;
import dev.trellis.lua.LuaUserdata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * One running Lua process: the core {@link Proc}, its own {@link LuaState} (globals over the shared
 * runtime library), its {@link CoroutineScheduler}, and the Lua faces of its subscribed channels
 * (so that {@code process.inbox() == process.inbox()}).
 *
 * <pre>{@code
 * // host functions find the process they run in through their state:
 * LuaProc p = LuaProc.of(state);
 * p.proc().send(pid, "topic", Payloads.exportAll(args, 2));
 * }</pre>
 *
 * <p><b>Memory.</b> An idle process is this object, its state (globals, one coroutine per task,
 * no main coroutine: it is released once the chunk has run), its scheduler, and the stack its
 * virtual thread keeps while parked: {@code ProcessCell.attempt}, {@link LuaProgram#run},
 * {@link #run()}, {@link CoroutineScheduler#runMain} and the core's mailbox wait. The process is
 * found from its state's host-data slot ({@link #of}), not from a thread-local (a map and an entry
 * per thread) or a scoped value (more frames under every park, a carrier and a snapshot per
 * process).
 *
 * <p><b>Code upgrade.</b> {@code process.upgrade} replaces the program, the state and the scheduler
 * of this object in place ({@link #run()} catches the {@link CodeUpgrade} signal): everything the
 * core holds for the process stays, and so do the Lua faces of its subscribed channels, so the new
 * code's {@code process.listen(topic)} gets the channel, and the messages buffered in it, that the
 * old code had. The old code's parked operations are abandoned and its tickers stopped.
 *
 * <p><b>Thread-safety:</b> none; a LuaProc lives on its process's virtual thread.
 */
public final class LuaProc implements CoroutineScheduler.Subscriptions {
    private static final Object[] NO_ARGS = new Object[0];
    /** Interrupts (about 10 000 VM steps each) between two gives of the host's run permit. */
    private static final int INTERRUPTS_PER_YIELD = 32;
    static final int INTERRUPT_BUDGET = 10_000;
    private static final LuaState.InterruptHandler INTERRUPTS = state -> of(state).interrupted();

    /** The program running now (another one after a {@code process.upgrade}). */
    LuaProgram program;
    final Proc proc;
    /** The main function's arguments (Lua values); dropped once main has started. */
    private Object[] args;
    /** The Lua state of the running code (a fresh one after each upgrade). */
    LuaState state;
    CoroutineScheduler scheduler;
    private String pidText;
    /** The last sender whose pid text {@code msg:from()} gave, and that text (one entry: a reply goes to the last peer). */
    private Pid lastFrom;
    private String lastFromText;
    private LuaChannel inbox;
    private LuaChannel events;
    private HashMap<Channel<?>, LuaChannel> listeners;
    /** Channels fed by timers (time.after, timer, ticker): weakly held, so dropped ones are forgotten. */
    private Set<Channel<?>> timers;
    /** Tickers the code started and has not stopped: an upgrade stops them, no one could read them. */
    private ArrayList<Ticker> tickers;
    private int interrupts;
    /** Context values inherited from the spawner (immutable; exported Lua values). */
    final Map<String, Object> context;
    /** Reply channels of finished {@code process.exec} calls, unsubscribed at the next exec. */
    private ArrayList<Channel<?>> finishedExecs;
    private int execs;

    /**
     * A process of {@code program} on {@code proc}, with the process's arguments as Lua values.
     *
     * @param context context values inherited from the spawner (exported Lua values)
     */
    LuaProc(LuaProgram program, Proc proc, Map<String, Object> context) {
        this.program = program;
        this.proc = proc;
        this.context = context;
        this.args = luaArgs(proc.args().toArray());
        this.state = newState(program, this);
        this.scheduler = new CoroutineScheduler(state, proc.owner(), this);
    }

    private static Object[] luaArgs(Object[] exported) {
        Object[] luaArgs = exported.length == 0 ? NO_ARGS : new Object[exported.length];
        for (int i = 0; i < luaArgs.length; i++) {
            luaArgs[i] = Payloads.toLua(exported[i]);
        }
        return luaArgs;
    }

    private static LuaState newState(LuaProgram program, LuaProc host) {
        LuaState state = new LuaState();
        state.globals().setMetatable(program.runtime().builtIns().globalsMetatable());
        state.setModuleLoader(program.runtime().loader());
        state.setInterruptHandler(INTERRUPTS, INTERRUPT_BUDGET);
        state.setHostData(host);
        return state;
    }

    /**
     * {@return the Lua process whose state {@code state} is}
     *
     * @throws LuaError when the state is not a process's (a host function called outside a process)
     */
    public static LuaProc of(LuaState state) {
        if (state.hostData() instanceof LuaProc p) {
            return p;
        }
        throw new LuaError("no process context: this function runs only inside a Lua process");
    }

    /** {@return the Lua process whose state {@code state} is, or null when it is not a process's} */
    public static LuaProc orNull(LuaState state) {
        return state.hostData() instanceof LuaProc p ? p : null;
    }

    /** {@return the core process handle} */
    public Proc proc() {
        return proc;
    }

    /** {@return the program (entry) this process runs} */
    public LuaProgram program() {
        return program;
    }

    /** {@return the Lua state} */
    public LuaState state() {
        return state;
    }

    /** {@return the context values inherited from the spawner (immutable; exported Lua values)} */
    public Map<String, Object> context() {
        return context;
    }

    /** {@return the cooperative scheduler} */
    public CoroutineScheduler scheduler() {
        return scheduler;
    }

    /** {@return this process's pid as a Lua string (cached)} */
    public String pidText() {
        String s = pidText;
        if (s == null) {
            pidText = s = proc.pid().toString();
        }
        return s;
    }

    /**
     * {@return the text of a sender's pid, "" for the zero pid (runtime messages)}: the text of the
     * last sender is kept, so a process answering the same peer again and again builds it once
     * (and the core's send by pid text finds the same string).
     */
    String fromText(Pid from) {
        if (from == lastFrom || from.equals(lastFrom)) {
            return lastFromText;
        }
        String text = from.isZero() ? "" : from.toString();
        lastFrom = from;
        lastFromText = text;
        return text;
    }

    // ============================================================================================
    // Running
    // ============================================================================================

    /**
     * Runs the program: the chunk (on the state's main coroutine, released afterwards), then its
     * method as the scheduler's main task; returns main's value.
     *
     * <p>This frame stays under every park of the process, in the stack its virtual thread keeps
     * while idle: it holds few locals and calls the scheduler loop directly; what happens after
     * main returns is in {@link #result}.
     */
    Object run() {
        Object[] r;
        while (true) {
            try {
                Object fn = program.entryPoint(state);
                state.releaseMain();
                Object[] a = args;
                args = null;
                r = scheduler.runMain(fn, a);
                break;
            } catch (CodeUpgrade upgrade) {
                replaceCode(upgrade);
            } catch (Terminated parked) {
            // Killed while parked: every coroutine is suspended, so its stack can be read.
                program.runtime().killSnapshots().offer(proc.pid(), this::waitingSnapshot);
                throw parked;
            } catch (LuaKill k) {
                throw new ProcessException(ProcessError.TERMINATED);
            } catch (LuaError e) {
                throw new ProcessException(LuaErrors.toProcessError(e), e.luaTraceback());
            }
        }
        return result(r);
    }

    /**
     * Throws the running code away and sets up {@code upgrade}'s: its parked operations give up (what
     * they waited for stays in the channels), its tickers stop, and a fresh state and scheduler take
     * over. The process, its subscriptions and their Lua faces, and its context stay.
     */
    private void replaceCode(CodeUpgrade upgrade) {
        scheduler.abandonParked();
        if (tickers != null) {
            for (Ticker t : tickers) {
                t.stop();
            }
            tickers = null;
        }
        timers = null;
        state.setHostData(null);
        program = upgrade.program();
        args = luaArgs(upgrade.args());
        state = newState(program, this);
        scheduler = new CoroutineScheduler(state, proc.owner(), this);
    }

    /** {@return what the main coroutine waits on, for a {@link KillSnapshots} reader} */
    private String waitingSnapshot() {
        String where = scheduler.mainTraceback();
        return where == null ? null : "waiting: " + where;
    }

    /** {@return the process's value from main's results: a second result that is an error fails it} */
    private static Object result(Object[] r) {
        Object value = r.length > 0 ? r[0] : null;
        if (r.length > 1) {
            ProcessError err = LuaErrors.fromReturn(r[1]);
            if (err != null) {
                throw new ProcessException(err, ""); // returned, not raised: no traceback to show
            }
        }
        return Payloads.export(value);
    }

    /**
     * The VM's interrupt: the kill check of the core (a terminated process unwinds even from a busy
     * loop, past every pcall: {@link Terminated} is not a Lua error), and every few milliseconds of
     * pure computation the host's run permit is given back for a moment so that a busy process
     * cannot starve the others of its host.
     */
    private void interrupted() {
        try {
            proc.owner().checkpoint();
        } catch (Terminated busy) {
            // Killed while computing: the running coroutine is where the VM stands now.
            program.runtime().killSnapshots().offer(proc.pid(), () -> "running: " + state.running().traceback());
            throw busy;
        }
        if (++interrupts >= INTERRUPTS_PER_YIELD) {
            interrupts = 0;
            proc.owner().yieldPermit();
        }
    }

    // ============================================================================================
    // Lua faces of channels and mailbox values
    // ============================================================================================

    /** {@return the inbox channel's userdata (the same every call)} */
    public LuaChannel inbox() {
        if (inbox == null) {
            inbox = LuaChannel.wrap(proc.inbox());
        }
        return inbox;
    }

    /** {@return the events channel's userdata (the same every call)} */
    public LuaChannel events() {
        if (events == null) {
            events = LuaChannel.wrap(proc.events());
        }
        return events;
    }

    /** {@return the userdata of a listen channel (the same for the same channel)} */
    public LuaChannel listener(Channel<?> ch) {
        if (listeners == null) {
            listeners = new HashMap<>(4);
        }
        return listeners.computeIfAbsent(ch, LuaChannel::wrap);
    }

    /** Notes that an exec's reply channel got its answer (called while the mailbox is routed). */
    public void execFinished(Channel<?> reply) {
        if (finishedExecs == null) {
            finishedExecs = new ArrayList<>(2);
        }
        finishedExecs.add(reply);
    }

    /** Unsubscribes the reply topics of finished execs. */
    public void unlistenFinishedExecs() {
        if (finishedExecs != null) {
            for (Channel<?> ch : finishedExecs) {
                proc.unlisten(ch);
            }
            finishedExecs.clear();
        }
    }

    /** {@return a fresh private topic for one {@code process.exec}, in the style of Wippy's {@code after@17}} */
    public String execTopic() {
        return "exec@" + (++execs);
    }

    /** {@return the userdata of a timer's channel, remembered as fed from outside the process} */
    public LuaChannel timerChannel(Channel<?> ch) {
        if (timers == null) {
            timers = Collections.newSetFromMap(new WeakHashMap<>());
        }
        timers.add(ch);
        return LuaChannel.wrap(ch);
    }

    /** Remembers a ticker the code started, so that an upgrade can stop it. */
    public void tickerStarted(Ticker t) {
        if (tickers == null) {
            tickers = new ArrayList<>(2);
        }
        tickers.add(t);
    }

    /** {@return how many tickers the running code started and has not stopped} */
    int tickersRunning() {
        return tickers == null ? 0 : tickers.size();
    }

    /** Forgets a ticker the code stopped. */
    public void tickerStopped(Ticker t) {
        if (tickers != null) {
            tickers.remove(t);
        }
    }

    /** {@return whether something outside the process can make {@code ch} ready: the mailbox or a timer} */
    public boolean fedFromOutside(Channel<?> ch) {
        return ch.isSubscribed() || (timers != null && timers.contains(ch));
    }

    /** {@return whether the process subscribed to its inbox, its events or a topic} */
    @Override
    public boolean hasSubscriptions() {
        return inbox != null || events != null || (listeners != null && !listeners.isEmpty());
    }

    /** Forgets the userdata of an unsubscribed channel. */
    public void forget(Channel<?> ch) {
        if (ch == inboxChannel()) {
            inbox = null;
        } else if (ch == eventsChannel()) {
            events = null;
        } else if (listeners != null) {
            listeners.remove(ch);
        }
    }

    private Channel<?> inboxChannel() {
        return inbox == null ? null : (Channel<?>) inbox.value();
    }

    private Channel<?> eventsChannel() {
        return events == null ? null : (Channel<?>) events.value();
    }

    /** {@return the Lua value of something received from a channel: messages and events converted} */
    public static Object received(Object v) {
        if (v instanceof Message m) {
            return MessageObjects.message(m);
        }
        if (v instanceof Event e) {
            return EventTables.table(e);
        }
        if (v instanceof Instant at) {
            return LuaTime.of(at);
        }
        return Payloads.toLua(v);
    }

    /** {@return a function value of the globals (for host code calling Lua helpers)} */
    Object global(String name) {
        return state.getGlobal(name);
    }

    static boolean isFunction(Object v) {
        return v instanceof LuaFunction;
    }

    static LuaTable table(int array, int hash) {
        return new LuaTable(array, hash);
    }
}
