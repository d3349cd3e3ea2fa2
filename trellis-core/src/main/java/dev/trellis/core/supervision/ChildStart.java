package dev.trellis.core.supervision;

/**
 * Starts one child: the {@code start} of a child spec (Elixir's {@code {M, :start_link, args}}).
 * Called on the supervisor's own process, so a child spawned through {@link StartContext#spawn}
 * is linked to and monitored by the supervisor before it first runs.
 *
 * <pre>{@code
 * ChildStart start = ctx -> StartResult.ok(ctx.spawn(proc -> { work(); return null; }));
 * ChildStart server = ctx -> Server.startLink(ctx, new SimpleQueue(), List.of(1, 2, 3));
 * }</pre>
 *
 * <p>Return {@link StartResult#ok}, {@link StartResult#ignore()} or {@link StartResult#error}. An
 * exception thrown here becomes an error result; the supervisor survives it.
 */
@FunctionalInterface
public interface ChildStart {
    StartResult start(StartContext ctx) throws Exception;
}
