package dev.trellis.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.core.Event;
import dev.trellis.core.Message;
import dev.trellis.core.Node;
import dev.trellis.core.Pid;
import dev.trellis.core.channel.Selected;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test children: workers that log their starts and stops and obey commands sent to their inbox. */
final class Fixtures {
    /** "start:id", "stop:id" in the order they happened. */
    final BlockingQueue<String> log = new LinkedBlockingQueue<>();

    /**
     * A worker: on CANCEL it logs "stop:id" and exits shutdown; inbox "crash" throws, "normal"
     * returns, "shutdown" throws ShutdownException.
     */
    ChildStart worker(String id) {
        return ctx -> {
            log.add("start:" + id);
            return StartResult.ok(ctx.spawn(proc -> {
                var events = proc.events();
                var inbox = proc.inbox();
                while (true) {
                    Selected s = proc.select(events.receiveCase(), inbox.receiveCase());
                    if (s.channel() == events) {
                        Event e = s.value();
                        if (e.kind() == Event.Kind.CANCEL) {
                            log.add("stop:" + id);
                            throw new ShutdownException();
                        }
                    } else {
                        Message m = s.value();
                        switch (String.valueOf(m.payload())) {
                            case "crash" -> throw new IllegalStateException("crash of " + id);
                            case "normal" -> {
                                return "done";
                            }
                            case "shutdown" -> throw new ShutdownException("asked");
                            default -> {
                            }
                        }
                    }
                }
            }));
        };
    }

    /** A worker that ignores CANCEL (only a kill stops it). */
    ChildStart stubborn(String id) {
        return ctx -> {
            log.add("start:" + id);
            return StartResult.ok(ctx.spawn(proc -> {
                while (true) {
                    proc.inbox().receive();
                }
            }));
        };
    }

    String next() throws InterruptedException {
        String s = log.poll(10, TimeUnit.SECONDS);
        assertThat(s).as("expected a log entry").isNotNull();
        return s;
    }

    static Pid pidOf(Node node, Object sup, Object id) {
        ChildInfo c = Supervisor.whichChild(node, sup, id);
        return c == null ? null : c.pid();
    }

    static void send(Node node, Pid pid, String cmd) {
        node.send(pid, "cmd", cmd);
    }

    /** Waits until the child {@code id} runs under a pid other than {@code old}. */
    static Pid awaitNewPid(Node node, Object sup, Object id, Pid old) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            ChildInfo c = Supervisor.whichChild(node, sup, id);
            if (c != null && c.pid() != null && !c.pid().equals(old)) {
                return c.pid();
            }
            Thread.onSpinWait();
            Thread.sleep(1);
        }
        throw new AssertionError("child " + id + " was not restarted");
    }
}
