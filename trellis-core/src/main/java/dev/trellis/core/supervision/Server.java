package dev.trellis.core.supervision;

import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The server behaviour (Elixir's {@code GenServer}): a process that holds a state and answers
 * synchronous calls, asynchronous casts and plain messages through callbacks.
 *
 * <pre>{@code
 * final class Counter implements Server<Integer> {
 *     public Integer init(Object arg) { return (Integer) arg; }
 *     public Reply<Integer> handleCall(Object req, Pid from, Integer n) { return Reply.of(n, n); }
 *     public Integer handleCast(Object msg, Integer n) { return n + 1; }
 * }
 * Pid pid = Server.startLink(node, new Counter(), 0, "counter").pidOrNull();
 * Server.cast(node, "counter", "inc");
 * Server.call(node, "counter", "get");   // 1
 * }</pre>
 *
 * <p>Callbacks run on the server's process, one message at a time. {@link #init} runs before
 * {@code startLink} returns (throwing fails the start with the exception as reason). A CANCEL (the
 * supervisor's shutdown) calls {@link #terminate} with {@code shutdown} and the server exits with
 * {@code shutdown}; an exception in a callback calls {@link #terminate} with the error and the
 * server exits with it. {@link #childSpec} derives a child spec as {@code use GenServer} does.
 *
 * <p>Thread-safety: the static functions are thread-safe; the {@code Proc} forms run on the
 * caller's thread. Callbacks are never called concurrently.
 *
 * @param <S> the state type
 */
public interface Server<S> {

    /** The default call timeout: 5 s, as in Elixir. */
    Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    /** A reply to a call and the next state. */
    record Reply<S>(Object reply, S state) {
        public static <S> Reply<S> of(Object reply, S state) {
            return new Reply<>(reply, state);
        }
    }

    /** Builds the initial state from the start argument. */
    S init(Object arg) throws Exception;

    /** Answers a call. Default: fails (a server that takes no calls). */
    default Reply<S> handleCall(Object request, Pid from, S state) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not handle call " + request);
    }

    /** Handles a cast. Default: ignores it. */
    default S handleCast(Object message, S state) throws Exception {
        return state;
    }

    /** Handles any other inbox message (payload), or an event other than CANCEL. Default: ignores it. */
    default S handleInfo(Object message, S state) throws Exception {
        return state;
    }

    /**
     * Handles an inbox message as a whole (topic, sender, payloads). Default: hands its payload to
     * {@link #handleInfo}; override it when the topic or the sender matters.
     */
    default S handleMessage(Message message, S state) throws Exception {
        return handleInfo(message.payload(), state);
    }

    /** Called before the server exits on shutdown or on a callback's failure. */
    default void terminate(ExitReason reason, S state) {
    }

    // =============================================================================================
    // Starting
    // =============================================================================================

    /** Starts a server from outside any process; {@code name} may be null. */
    static <S> StartResult startLink(Node node, Server<S> server, Object arg, String name) {
        return ServerProcess.start(Objects.requireNonNull(node, "node"), null, server, arg, name);
    }

    /** Starts a server linked to the calling process. */
    static <S> StartResult startLink(Proc caller, Server<S> server, Object arg, String name) {
        return ServerProcess.start(caller.node(), caller, server, arg, name);
    }

    /**
     * A child spec for a server (what {@code use GenServer} generates): id {@code id} (often the
     * class), a fresh server from {@code factory} on every (re)start, registered as {@code name}
     * when non-null. Worker, permanent, 5 s shutdown; adjust with the spec's methods.
     */
    static ChildSpec childSpec(Object id, Supplier<? extends Server<?>> factory, Object arg, String name) {
        Objects.requireNonNull(factory, "factory");
        return ChildSpec.worker(id, ctx -> ServerProcess.start(ctx.node(), ctx.proc(), factory.get(), arg, name));
    }

    /**
     * Runs the server loop in the calling process, which becomes the server (OTP's
     * {@code gen_server:enter_loop}): for a process that did its own start-up, such as a Lua
     * process in {@code server.run}. Calls that reached the process before the loop began are
     * waiting in its mailbox and are answered in order.
     *
     * <p>Returns after {@link #terminate} when the process is cancelled (the caller then ends the
     * process as it sees fit); a callback's exception is rethrown after {@code terminate}.
     */
    static <S> void enterLoop(Proc proc, Server<S> server, S state) throws Exception {
        ServerProcess.loop(Objects.requireNonNull(proc, "proc"), Objects.requireNonNull(server, "server"), state);
    }

    // =============================================================================================
    // Calling
    // =============================================================================================

    /** A call with the default 5 s timeout. */
    static Object call(Node node, Object server, Object request) {
        return Calls.call(node, null, server, new ServerProcess.CallOp(request), DEFAULT_CALL_TIMEOUT,
                Calls.Reach.ANY_LIVE);
    }

    /** A call; {@link CallException} on timeout (TIMEOUT), unknown server (NOPROC) or its exit. */
    static Object call(Node node, Object server, Object request, Duration timeout) {
        return Calls.call(node, null, server, new ServerProcess.CallOp(request), timeout, Calls.Reach.ANY_LIVE);
    }

    static Object call(Proc caller, Object server, Object request, Duration timeout) {
        return Calls.call(caller.node(), caller, server, new ServerProcess.CallOp(request), timeout,
                Calls.Reach.ANY_LIVE);
    }

    /** Fire and forget; silently dropped if there is no such server (as in Elixir). */
    static void cast(Node node, Object server, Object message) {
        Pid pid = Calls.whereis(node, server, Calls.Reach.ANY_LIVE);
        if (pid != null) {
            try {
                node.send(pid, Calls.CALL_TOPIC, new ServerProcess.CastOp(message));
            } catch (ProcessException gone) {
                // exited meanwhile
            }
        }
    }

    static void cast(Proc caller, Object server, Object message) {
        Pid pid = Calls.whereis(caller.node(), server, Calls.Reach.ANY_LIVE);
        if (pid != null) {
            try {
                caller.send(pid, Calls.CALL_TOPIC, new ServerProcess.CastOp(message));
            } catch (ProcessException gone) {
                // exited meanwhile
            }
        }
    }
}
