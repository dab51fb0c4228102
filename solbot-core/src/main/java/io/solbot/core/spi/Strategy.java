package io.solbot.core.spi;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;

/**
 * The decisions of one bot. One instance serves one bot for one run (a restart gets a new instance from its {@link
 * StrategyProvider}); keep what must survive a restart in {@link StrategyContext#state()}, not in fields.
 *
 * <p>Threading: the engine never calls one instance concurrently, and every call happens-after the previous one, so
 * fields need no synchronisation. Different bots run in parallel. Callbacks may block (they run on threads the
 * engine can spare), but a tick that is still running when the next one is due makes the engine skip that one.
 *
 * <p>A strategy decides; it does not do I/O of its own. It reads prices and positions and places orders through the
 * context, so that every order passes the same limits, order checks and journal. A callback that throws counts as
 * a failure of the bot: the engine restarts it with backoff and makes it FAILED after too many; one that throws a
 * {@link BotHaltException} stops its bot at once (FAILED, with the exception's message as the reason).
 */
public interface Strategy {
    /** Called once before the first tick of a run. */
    default void onStart(StrategyContext ctx) throws Exception {}

    /** Called at the bot's interval while it runs. */
    void onTick(StrategyContext ctx) throws Exception;

    /** Called when an order of this bot filled (once per part of a partial fill), never during a tick. */
    default void onFill(StrategyContext ctx, Fill fill) throws Exception {}

    /** Called when an order of this bot failed after it was submitted, never during a tick. */
    default void onOrderFailed(StrategyContext ctx, OrderFailure failure) throws Exception {}

    /** Called once when the run ends, for any reason; exceptions are logged and ignored. */
    default void onStop(StrategyContext ctx, StopReason reason) {}
}
