package io.solbot.strategies.common.internal;

import io.solbot.core.domain.OrderFailure;
import io.solbot.core.spi.BotHaltException;
import io.solbot.core.spi.StrategyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kill switch of a {@link TurboStrategy}: failed orders counted in all (not only in a row) in the state entry
 * {@code kill-errors}; at the plan's threshold the reason goes to {@code killed}, and the bot halts. A restart halts
 * again at once while the config still holds the switch at that count; a config that turns it off, or raises its
 * threshold above the count, resets it.
 */
final class TurboKillSwitch {
    private static final Logger log = LoggerFactory.getLogger(TurboKillSwitch.class);

    static final String KILL_ERRORS = "kill-errors";
    static final String KILLED = "killed";

    private TurboKillSwitch() {}

    /**
     * Halts at once if the kill switch fired before and {@code plan} still holds it; forgets it if not.
     *
     * @throws BotHaltException when it still holds
     */
    static void checkAtStart(StrategyContext ctx, TurboPlan plan) {
        String killed = ctx.state().get(KILLED).orElse(null);
        if (killed == null) {
            return;
        }
        long errors = TradingStrategy.count(ctx, KILL_ERRORS);
        if (plan.killThreshold() != null && errors >= plan.killThreshold()) {
            throw new BotHaltException(killed + " (still: the kill switch stays until the config turns killSwitch off"
                    + " or raises killThreshold above " + errors + ")");
        }
        log.info("Bot '{}': its kill switch no longer holds with this config; trading again", ctx.botId());
        ctx.state().remove(KILLED);
        if (plan.killThreshold() == null) {
            ctx.state().remove(KILL_ERRORS);
        }
    }

    /** Counts {@code failure}; whether the switch fires with it (its reason is then in {@code killed}). */
    static boolean failed(StrategyContext ctx, TurboPlan plan, OrderFailure failure) {
        if (plan.killThreshold() == null) {
            return false;
        }
        long errors = TradingStrategy.count(ctx, KILL_ERRORS) + 1;
        ctx.state().put(KILL_ERRORS, Long.toString(errors));
        if (errors >= plan.killThreshold() && ctx.state().get(KILLED).isEmpty()) {
            ctx.state()
                    .put(
                            KILLED,
                            "kill switch: " + errors + " failed orders (killThreshold " + plan.killThreshold()
                                    + "); the last failed at " + failure.stage() + ": " + failure.reason());
            return true;
        }
        return false;
    }
}
