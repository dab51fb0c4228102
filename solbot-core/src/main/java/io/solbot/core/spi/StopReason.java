package io.solbot.core.spi;

/** Why a run of a strategy ended. */
public enum StopReason {
    /** Someone asked the bot to stop. */
    REQUESTED,
    /** Someone paused the bot; a resume starts a new run with the same state. */
    PAUSED,
    /** The bot reached its maximum number of trades. */
    COMPLETED,
    /** The watchdog is restarting the bot after a failure or a stall. */
    RESTARTING,
    /** The engine halted the bot after too many failures. */
    FAILED,
    /** The engine is shutting down. */
    SHUTDOWN
}
