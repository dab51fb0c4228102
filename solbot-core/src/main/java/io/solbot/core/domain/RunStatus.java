package io.solbot.core.domain;

/** Where a bot is in its lifecycle. */
public enum RunStatus {
    /** Ticking at its interval. */
    RUNNING,
    /** Started, but not ticking until resumed; keeps its state and positions. */
    PAUSED,
    /** Stopped on request, after its last trade, or at shutdown; does not tick again. */
    STOPPED,
    /** Halted by the engine (too many restarts or failures); the reason is in its status. */
    FAILED;

    /** Whether a bot in this status will never tick again without a new start. */
    public boolean isFinal() {
        return this == STOPPED || this == FAILED;
    }
}
