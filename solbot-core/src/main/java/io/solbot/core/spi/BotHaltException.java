package io.solbot.core.spi;

/**
 * Thrown by a strategy's callback to stop its bot for good, for a reason of its own (a kill switch that fired, say):
 * the engine makes the bot FAILED with this message as its reason and publishes {@code BotFailed}, instead of
 * restarting it as it does after other exceptions. The message says why, for people; it must hold no secret. A
 * strategy that keeps the reason in its {@link StrategyState} can throw again at its next start, so that a restart
 * does not silently resume what it stopped. Unchecked, and not a {@code SolbotException}: the SPI depends on nothing
 * of the engine's.
 */
public class BotHaltException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason why the bot stops, for people */
    public BotHaltException(String reason) {
        super(reason);
    }
}
