package dev.trellis.core.supervision;

/**
 * The answer of {@code terminateChild} and {@code deleteChild}: OTP's {@code ok} or
 * {@code {error, Reason}}.
 *
 * <pre>{@code
 * switch (Supervisor.terminateChild(node, sup, "cache")) {
 *     case Outcome.Ok ok -> {}
 *     case Outcome.Rejected r when r.error() == SupervisorError.NOT_FOUND -> log("no such child");
 *     case Outcome.Rejected r -> throw new IllegalStateException(r.toString());
 * }
 * }</pre>
 */
public sealed interface Outcome permits Outcome.Ok, Outcome.Rejected {
    Outcome OK = new Ok();

    record Ok() implements Outcome {
        @Override
        public String toString() {
            return "ok";
        }
    }

    record Rejected(SupervisorError error) implements Outcome {
        @Override
        public String toString() {
            return "{error, " + error.erlangName() + "}";
        }
    }

    static Outcome rejected(SupervisorError error) {
        return new Rejected(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }
}
