package dev.trellis.core.supervision;

import dev.trellis.core.Event;
import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.Proc;
import dev.trellis.core.ProcessException;
import dev.trellis.core.channel.Channel;
import dev.trellis.core.channel.Selected;
import java.util.Objects;

/**
 * The process loop behind {@link Server} (OTP's {@code gen_server} loop): init with an
 * acknowledgement to the starter, then one message at a time from the events, requests and inbox
 * channels, in that priority.
 *
 * <p>Calls and casts share one topic, {@link Calls#CALL_TOPIC} (a cast is a {@link CastOp}, a call
 * a {@link Calls.Request} carrying a {@link CallOp}): a channel keeps arrival order, so a call sent
 * after casts by the same sender sees their effect, as in OTP. On two topics a select would take
 * whichever channel it prefers when both are ready, and a call could overtake an earlier cast.
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
        Channel<Event> events = proc.events();
        Channel<Object> requests = proc.listen(Calls.CALL_TOPIC);
        Channel<Message> inbox = proc.inbox();
        Calls.Endpoint endpoint = Calls.open(proc);
        try {
            if (name != null) {
                try {
                    proc.register(name);
                } catch (ProcessException taken) {
                    Pid holder = proc.node().registry().whereis(name);
                    ack.send(holder != null ? StartResult.alreadyStarted(holder) : StartResult.error(taken.getMessage()));
                    return null;
                }
            }
            S state;
            try {
                state = server.init(arg);
            } catch (Exception e) {
                ack.send(StartResult.error(e));
                return null;
            }
            ack.send(StartResult.ok(proc.pid()));
            while (true) {
                Selected s = proc.select(events.receiveCase(), requests.receiveCase(), inbox.receiveCase());
                try {
                    if (s.channel() == events) {
                        Event e = s.value();
                        if (e.kind() == Event.Kind.CANCEL) {
                            server.terminate(ExitReason.SHUTDOWN, state);
                            throw new ShutdownException();
                        }
                        state = server.handleInfo(e, state);
                    } else if (s.channel() == requests) {
                        if (s.value() instanceof CastOp cast) {
                            state = server.handleCast(cast.message(), state);
                        } else if (s.value() instanceof Calls.Request r && r.body() instanceof CallOp op) {
                            Server.Reply<S> reply = server.handleCall(op.request(), r.replyTo(), state);
                            state = reply.state();
                            Calls.reply(proc, r, reply.reply());
                        }
                    } else {
                        Message m = s.value();
                        state = server.handleInfo(m.payload(), state);
                    }
                } catch (ShutdownException e) {
                    throw e;
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
