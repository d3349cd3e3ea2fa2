package dev.trellis.core.supervision;

/**
 * The management requests a supervisor process serves (OTP's {@code supervisor} call messages),
 * sent through {@link Calls} by {@link Supervisor}, {@link DynamicSupervisor} and
 * {@link TaskSupervisor}. Immutable.
 */
sealed interface SupervisorCall {

    record StartChild(ChildSpec spec) implements SupervisorCall {
    }

    record TerminateChild(Object idOrPid) implements SupervisorCall {
    }

    record RestartChild(Object id) implements SupervisorCall {
    }

    record DeleteChild(Object id) implements SupervisorCall {
    }

    record WhichChildren() implements SupervisorCall {
    }

    record WhichChild(Object idOrPid) implements SupervisorCall {
    }

    record CountChildren() implements SupervisorCall {
    }

    record GetChildSpec(Object idOrPid) implements SupervisorCall {
    }

    record Stop(ExitReason reason) implements SupervisorCall {
    }
}
