package dev.trellis.core;

import dev.trellis.core.channel.Case;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.ChannelOwner;
import dev.trellis.core.channel.Select;
import dev.trellis.core.channel.Selected;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * The handle a process body gets: the process API (Wippy's {@code process} module plus
 * {@code channel} and {@code time}), usable only on the process's own thread.
 *
 * <pre>{@code
 * Pid worker = node.spawn(proc -> {
 *     Channel<Message> inbox = proc.inbox();
 *     Channel<Event> events = proc.events();
 *     while (true) {
 *         Selected s = proc.select(inbox.receiveCase(), events.receiveCase());
 *         if (s.channel() == events) {
 *             Event e = s.value();
 *             if (e.kind() == Event.Kind.CANCEL) return "cancelled gracefully";
 *         } else {
 *             Message m = s.value();
 *             proc.send(m.from(), "result", "completed: " + m.payload());
 *         }
 *     }
 * });
 * }</pre>
 *
 * <p><b>Thread-safety:</b> every method must be called on the process's own thread (checked:
 * {@link IllegalStateException} otherwise). Other threads use {@link Node} and {@link Host}.
 *
 * <p><b>Messages</b> are passed by reference: send immutable values (records, strings, immutable
 * collections). Per-sender order is preserved. A message that no subscription can take yet (no
 * inbox, no listener, receiver not waiting) stays queued, in order, while the process lives.
 *
 * <p><b>Kill:</b> {@code terminate}, a cancel timeout, a host stop or an untrapped LINK_DOWN make
 * the next runtime call (and any call blocked now) throw {@link Terminated}; the thread is also
 * interrupted, which ends JDK blocking calls. A body spinning in pure Java code that never calls the
 * runtime cannot be killed (the Lua runtime checks a budget at back-edges instead).
 *
 * <p><b>Cooperative schedulers</b> (many coroutines in one process) use {@link #owner()} — the
 * process's {@link ChannelOwner}: {@code routePending()} routes what is in the mailbox without
 * blocking, {@code awaitMailbox()} parks until the next mailbox item and routes it. See
 * {@link Channel} and {@link Select} for the non-blocking channel core.
 */
public final class Proc {
    private final ProcessCell cell;

    Proc(ProcessCell cell) {
        this.cell = cell;
    }

    // ============================================================================================
    // Identity and arguments
    // ============================================================================================

    /** {@return this process's pid (constant for its life)} */
    public Pid pid() {
        return cell.pid;
    }

    /** {@return the spawn arguments (unmodifiable; may contain nulls)} */
    public List<Object> args() {
        return Collections.unmodifiableList(Arrays.asList(cell.args));
    }

    /**
     * {@return spawn argument {@code i}, cast to the type the caller expects}
     *
     * @param i the index
     * @param <T> the expected type
     * @throws IndexOutOfBoundsException if there is no such argument
     */
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public <T> T arg(int i) {
        return (T) cell.args[i];
    }

    /** {@return the node} */
    public Node node() {
        return cell.node();
    }

    /** {@return the host this process runs on} */
    public Host host() {
        return cell.host;
    }

    // ============================================================================================
    // Spawning
    // ============================================================================================

    /**
     * Spawns a process on this process's host.
     *
     * @param body the process body
     * @param args its arguments
     * @return the child's pid
     */
    public Pid spawn(ProcessBody body, Object... args) {
        return spawner().spawn(body, args);
    }

    /**
     * Spawns a process monitored by this one (the monitor is in place before the child runs).
     *
     * @param body the process body
     * @param args its arguments
     * @return the child's pid
     */
    public Pid spawnMonitored(ProcessBody body, Object... args) {
        return spawner().monitored().spawn(body, args);
    }

    /**
     * Spawns a process linked to this one (the link is in place before the child runs).
     *
     * @param body the process body
     * @param args its arguments
     * @return the child's pid
     */
    public Pid spawnLinked(ProcessBody body, Object... args) {
        return spawner().linked().spawn(body, args);
    }

    /**
     * Spawns a process linked to and monitored by this one.
     *
     * @param body the process body
     * @param args its arguments
     * @return the child's pid
     */
    public Pid spawnLinkedMonitored(ProcessBody body, Object... args) {
        return spawner().linked().monitored().spawn(body, args);
    }

    /** {@return a spawner for this process (host choice, monitored, linked)} */
    public Spawner spawner() {
        cell.checkpoint();
        return new Spawner(cell.node(), cell);
    }

    // ============================================================================================
    // Messaging
    // ============================================================================================

    /**
     * Sends a message.
     *
     * @param to the receiver (may be this process)
     * @param topic the topic; must not start with {@code @}
     * @param payloads the payloads, by reference
     * @throws IllegalArgumentException if {@code to} or {@code topic} is null
     * @throws ProcessException NOT_FOUND "process not found: {pid}"; INVALID "cannot send to @ topics"
     */
    public void send(Pid to, String topic, Object... payloads) {
        cell.checkpoint();
        Node.checkTopic(topic);
        cell.peer(to).push(new Message(cell.pid, topic, payloads));
    }

    /**
     * Sends a message to a pid string or registered name.
     *
     * @param destination a pid string or a registered name
     * @param topic the topic
     * @param payloads the payloads
     * @throws ProcessException NOT_FOUND "could not resolve '<x>' as PID or registered name"
     */
    public void send(String destination, String topic, Object... payloads) {
        cell.checkpoint();
        ProcessCell to = cell.peer(destination);
        Node.checkTopic(topic);
        to.push(new Message(cell.pid, topic, payloads));
    }

    /** {@return the inbox: every message whose topic has no listener (the same channel every call)} */
    public Channel<Message> inbox() {
        return cell.router().inbox();
    }

    /** {@return the events channel: EXIT, LINK_DOWN (with trap_links), CANCEL (same channel every call)} */
    public Channel<Event> events() {
        return cell.router().events();
    }

    /**
     * Subscribes to a topic in payload mode: the channel (buffer 1) yields the payload (one value,
     * a list for several, null for none). The same channel is returned for the same topic.
     *
     * @param topic the topic; not empty, not starting with {@code @}
     * @return the channel
     * @throws ProcessException INVALID "topic cannot be empty" / "cannot listen to @ topics"
     */
    public Channel<Object> listen(String topic) {
        return cell.router().listen(topic, false);
    }

    /**
     * Subscribes to a topic in message mode: the channel yields {@link Message}s (sender, topic,
     * payloads). Switches an existing payload-mode subscription of the topic to message mode.
     *
     * @param topic the topic
     * @return the channel
     * @throws ProcessException INVALID for empty and {@code @} topics
     */
    public Channel<Message> listenMessages(String topic) {
        return cell.router().listen(topic, true);
    }

    /**
     * Removes the subscription owning {@code channel} (inbox, events or a listen channel) and closes
     * the channel. Later messages of that topic fall back to the inbox, if subscribed.
     *
     * @param channel the channel
     * @return true if it was subscribed, false otherwise
     */
    public boolean unlisten(Channel<?> channel) {
        return cell.router().unlisten(channel);
    }

    // ============================================================================================
    // Monitors, links, cancel, terminate
    // ============================================================================================

    /**
     * Monitors a process: when it exits, this process gets one EXIT event.
     *
     * @param pid the process
     * @throws ProcessException NOT_FOUND "pid not registered: {pid}" (dead); ALREADY_EXISTS "already
     *     monitoring pid"
     */
    public void monitor(Pid pid) {
        cell.checkpoint();
        ProcessCell target = target(pid);
        Monitors.add(target, cell);
        if (cell.watching == null) {
            cell.watching = new HashSet<>(4);
        }
        cell.watching.add(pid);
    }

    /**
     * Stops monitoring; always succeeds. No EXIT from {@code pid} arrives afterwards.
     *
     * @param pid the process
     */
    public void unmonitor(Pid pid) {
        cell.checkpoint();
        Pid.requireNonNull(pid);
        ProcessCell target = cell.node().cell(pid);
        if (target != null) {
            Monitors.remove(target, cell);
        }
        if (cell.watching != null) {
            cell.watching.remove(pid);
        }
    }

    /**
     * Links this process with {@code pid}; linking twice is a no-op.
     *
     * @param pid the process
     * @throws ProcessException NOT_FOUND "pid not registered: {pid}" if it is dead
     */
    public void link(Pid pid) {
        cell.checkpoint();
        Links.link(cell, target(pid));
    }

    /**
     * Removes the link in both directions; always succeeds.
     *
     * @param pid the process
     */
    public void unlink(Pid pid) {
        cell.checkpoint();
        Pid.requireNonNull(pid);
        ProcessCell target = cell.node().cell(pid);
        if (target != null) {
            Links.unlink(cell, target);
        }
    }

    /**
     * Sets trap_links (default false). Off: a LINK_DOWN kills this process with "linked process
     * failed". On: LINK_DOWN arrives on {@link #events()} like any event.
     *
     * @param trap the new value
     */
    public void trapLinks(boolean trap) {
        cell.checkpoint();
        cell.trapLinks = trap;
        if (!trap) {
            cell.router().trapLinksOff();
        }
    }

    /** {@return the current trap_links option} */
    public boolean trapLinks() {
        return cell.trapLinks;
    }

    /**
     * Sends CANCEL with reason {@code ""}; never kills.
     *
     * @param pid the process
     * @throws ProcessException NOT_FOUND "process not found: {pid}"
     */
    public void cancel(Pid pid) {
        cancel(pid, null, "");
    }

    /**
     * Sends CANCEL with a reason; never kills.
     *
     * @param pid the process
     * @param reason the reason
     */
    public void cancel(Pid pid, String reason) {
        cancel(pid, null, reason);
    }

    /**
     * Sends CANCEL, then terminates the process if it is still alive after {@code timeout}.
     *
     * @param pid the process
     * @param timeout the grace period, >= 0
     */
    public void cancel(Pid pid, Duration timeout) {
        cancel(pid, timeout, "");
    }

    /**
     * Sends CANCEL with a reason, then terminates the process if it is still alive after
     * {@code timeout} (null: never).
     *
     * @param pid the process
     * @param timeout the grace period or null
     * @param reason the reason (null: {@code ""})
     * @throws ProcessException NOT_FOUND "process not found: {pid}"
     */
    public void cancel(Pid pid, Duration timeout, String reason) {
        cell.checkpoint();
        cell.node().cancel(cell.pid, pid, timeout, reason);
    }

    /**
     * Kills a process at once (error "process terminated"); terminating oneself unwinds at the next
     * runtime call.
     *
     * @param pid the process
     * @throws ProcessException NOT_FOUND "process not found: {pid}"
     */
    public void terminate(Pid pid) {
        cell.checkpoint();
        cell.node().terminate(pid);
    }

    // ============================================================================================
    // Names
    // ============================================================================================

    /**
     * Registers a name for this process.
     *
     * @param name the name
     * @throws ProcessException ALREADY_EXISTS "name already registered" (another pid holds it)
     */
    public void register(String name) {
        cell.checkpoint();
        cell.node().registry().register(name, cell.pid);
    }

    /**
     * {@return the pid registered under {@code name}}
     *
     * @param name the name
     * @throws ProcessException NOT_FOUND "name not registered: {name}"
     */
    public Pid lookup(String name) {
        cell.checkpoint();
        return cell.node().registry().lookup(name);
    }

    /**
     * Removes a name.
     *
     * @param name the name
     * @return true if it was registered
     */
    public boolean unregister(String name) {
        cell.checkpoint();
        return cell.node().registry().unregister(name);
    }

    // ============================================================================================
    // Channels and time
    // ============================================================================================

    /**
     * Creates a process-local channel.
     *
     * @param capacity buffer size; 0 = unbuffered
     * @param <T> the element type
     * @return the channel
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    @SuppressWarnings("unchecked")
    public <T> Channel<T> channel(int capacity) {
        return (Channel<T>) cell.router().newChannel(capacity);
    }

    /**
     * Blocking select: the first ready case in order, else waits for the first to complete.
     *
     * @param cases the cases
     * @return the chosen case
     */
    public Selected select(Case<?>... cases) {
        return Select.select(cell.router(), casesOf(cases), false);
    }

    /**
     * Non-blocking select: the first ready case, else a result with {@code isDefault() == true}.
     *
     * @param cases the cases
     * @return the chosen case or the default
     */
    public Selected trySelect(Case<?>... cases) {
        return Select.select(cell.router(), casesOf(cases), true);
    }

    /**
     * Sleeps; messages arriving meanwhile are routed (nothing is lost).
     *
     * @param duration how long, >= 0
     * @throws IllegalArgumentException if null or negative
     */
    public void sleep(Duration duration) {
        cell.router().sleep(duration);
    }

    /**
     * {@return a channel (buffer 1) that receives one {@link Instant} after {@code duration}, then is
     * closed}
     *
     * @param duration the delay, > 0
     * @throws IllegalArgumentException if null, zero or negative
     */
    public Channel<Instant> after(Duration duration) {
        return cell.router().after(duration);
    }

    /**
     * {@return a one-shot timer}
     *
     * @param duration the delay, > 0
     */
    public Timer timer(Duration duration) {
        return cell.router().timer(duration);
    }

    /**
     * {@return a ticker (buffer 16, drops ticks when full)}
     *
     * @param period the period, > 0
     */
    public Ticker ticker(Duration period) {
        return cell.router().ticker(period);
    }

    /** {@return the process's channel owner, for cooperative schedulers (see the class doc)} */
    public ChannelOwner owner() {
        cell.checkpoint();
        return cell.router();
    }

    private static List<Case<?>> casesOf(Case<?>[] cases) {
        if (cases == null) {
            throw new IllegalArgumentException("cases must not be null");
        }
        return Arrays.asList(cases);
    }

    // ============================================================================================
    // Helpers
    // ============================================================================================

    private ProcessCell target(Pid pid) {
        Pid.requireNonNull(pid);
        ProcessCell target = cell.node().cell(pid);
        if (target == null) {
            throw new ProcessException(ErrorKind.NOT_FOUND, Monitors.notRegistered(pid));
        }
        return target;
    }

    @Override
    public String toString() {
        return "Proc" + cell.pid;
    }
}
