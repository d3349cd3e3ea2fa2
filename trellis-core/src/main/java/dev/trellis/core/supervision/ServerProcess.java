package dev.trellis.core.supervision;

import dev.trellis.core.Event;
import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Proc;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Selected;
import java.util.Objects;

/**
 * The process loop behind {@link Server} (OTP's {@code gen_server} loop): init with an
 * acknowledgement to the starter, then one item at a time from the events and inbox channels, in
 * that priority.
 *
 * <p>Calls, casts and plain messages all arrive through the inbox, as in OTP's one mailbox (a cast
 * is a {@link CastOp} and a call a {@link Calls.Request} carrying a {@link CallOp}, both on topic
 * {@link Calls#CALL_TOPIC}, which the server does not listen to, so they fall through to the
 * inbox): one channel keeps arrival order, so a call sent after casts and messages by the same
 * sender sees their effect. On two channels a select would take whichever it prefers when both
 * hold an item (a listen channel buffers one), and a call could overtake an earlier message.
 *
 * <p>Thread-safety: runs on the server's own process thread only.
 */
final class ServerProcess {
    record CallOp(Object request) {
    }

    record CastOp(Object message) {
    }

    private ServerProcess() {
    }

    static <S> StartResult start(Node node, Proc parent, Server<S> server, Object arg, String name) {
        Objects.requireNonNull(server, "server");
        return Starting.start(node, parent, (proc, ack) -> run(proc, ack, server, arg, name));
    }

    private static <S> Object run(Proc proc, Starting.Ack ack, Server<S> server, Object arg, String name)
            throws Exception {
        if (!ack.registerOrReport(proc, name)) {
            return null;
        }
        S state;
        try {
            state = server.init(arg);
        } catch (Exception e) {
            ack.send(StartResult.error(e));
            return null;
        }
        ack.send(StartResult.ok(proc.pid()));
        loop(proc, server, state);
        throw new ShutdownException();
    }

    /**
     * The loop itself: returns after {@code terminate(shutdown)} on CANCEL; rethrows a callback's
     * exception after {@code terminate(failure)}.
     */
    static <S> void loop(Proc proc, Server<S> server, S initial) throws Exception {
        Channel<Event> events = proc.events();
        Channel<Message> inbox = proc.inbox();
        Calls.Endpoint endpoint = Calls.open(proc);
        S state = initial;
        try {
            while (true) {
                Selected s = proc.select(events.receiveCase(), inbox.receiveCase());
                try {
                    if (s.channel() == events) {
                        Event e = s.value();
                        if (e.kind() == Event.Kind.CANCEL) {
                            server.terminate(ExitReason.SHUTDOWN, state);
                            return;
                        }
                        state = server.handleInfo(e, state);
                        continue;
                    }
                    Message m = s.value();
                    if (!Calls.CALL_TOPIC.equals(m.topic())) {
                        state = server.handleMessage(m, state);
                    } else if (m.payload() instanceof CastOp cast) {
                        state = server.handleCast(cast.message(), state);
                    } else if (m.payload() instanceof Calls.Request r && r.body() instanceof CallOp op) {
                        Server.Reply<S> reply = server.handleCall(op.request(), r.replyTo(), state);
                        state = reply.state();
                        Calls.reply(proc, r, reply.reply());
                    }
                } catch (ShutdownException stop) {
                    throw stop;   // a callback's own orderly stop: no terminate, as before
                } catch (Exception e) {
                    server.terminate(ExitReason.failed(e), state);
                    throw e;
                }
            }
        } finally {
            endpoint.close();
        }
    }
}
