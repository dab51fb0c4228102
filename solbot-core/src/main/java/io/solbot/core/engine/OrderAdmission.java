package io.solbot.core.engine;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.execution.SwapExecutor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an order may go out, and reserves it in the bot's positions if it may. In order: whether the run may
 * act at all; the bot's own limits (for buys: no fill waiting for the store, {@code maxBuy}, the token's cooldown,
 * {@code maxTrades}); the {@link OrderCheck}s the host added (safety, budgets); last the reservation
 * ({@code maxOpenPositions} for a buy; for a sell, what is held and not already being sold). The first refusal wins and
 * says why. Called on the bot's lane.
 */
final class OrderAdmission {
    /** One of the engine's own limits: it sees the bot's hot state, which an {@link OrderCheck} does not. */
    private interface Limit {
        String refuse(Bot bot, OrderCheck.Request order);
    }

    private static final List<Limit> LIMITS = List.of(
            OrderAdmission::nothingWaitsForTheStore,
            OrderAdmission::maxBuy,
            OrderAdmission::cooldown,
            OrderAdmission::maxTrades);

    private final List<OrderCheck> checks;
    private final SwapExecutor executor;

    OrderAdmission(List<OrderCheck> checks, SwapExecutor executor) {
        this.checks = List.copyOf(checks);
        this.executor = executor;
    }

    /** Null if the order may go out (its reservation is made), or why not. */
    String admit(Run run, OrderCheck.Request order) {
        Bot bot = run.bot();
        if (!bot.accepts(run)) {
            return refusalOfARunThatMayNotAct(run);
        }
        for (Limit limit : LIMITS) {
            String refusal = limit.refuse(bot, order);
            if (refusal != null) {
                return refusal;
            }
        }
        for (OrderCheck check : checks) {
            String refusal = ask(check, order);
            if (refusal != null) {
                return refusal;
            }
        }
        String full = executor.refusal(order.botId(), order.at()).orElse(null);
        if (full != null) {
            return full;
        }
        return order.side() == Side.BUY
                ? bot.book().reserveBuy(order.mint(), bot.spec().maxOpenPositions())
                : bot.book().reserveSell(order.mint(), order.amountIn());
    }

    private static String ask(OrderCheck check, OrderCheck.Request order) {
        Optional<String> refusal;
        try {
            refusal = check.check(order);
        } catch (RuntimeException e) {
            return "the check " + check + " failed, so the order is refused: " + Redaction.describe(e);
        }
        return refusal == null ? null : refusal.orElse(null);
    }

    private static String refusalOfARunThatMayNotAct(Run run) {
        Bot bot = run.bot();
        if (!run.isCurrent() && bot.status() == RunStatus.RUNNING && !bot.restartPending()) {
            return "this run of bot '" + bot.id()
                    + "' has ended (the bot was restarted); orders go through the new one";
        }
        return "Bot '" + bot.id() + "' is " + (bot.restartPending() ? "RESTARTING" : bot.status())
                + " and does not accept orders";
    }

    private static String nothingWaitsForTheStore(Bot bot, OrderCheck.Request order) {
        int unstored = order.side() == Side.BUY ? bot.journal().unstoredCount() : 0;
        return unstored == 0
                ? null
                : "the database is unreachable: " + unstored + " fill(s) or failed order(s) of bot '" + bot.id()
                        + "' wait to be stored, and it opens no new positions until they are (sells are allowed)";
    }

    private static String maxBuy(Bot bot, OrderCheck.Request order) {
        if (order.side() != Side.BUY) {
            return null;
        }
        Lamports sol = Lamports.fromTokenAmount(order.amountIn());
        Lamports max = bot.spec().maxBuy();
        return sol.compareTo(max) > 0 ? "a buy of " + sol + " is more than maxBuy " + max : null;
    }

    private static String cooldown(Bot bot, OrderCheck.Request order) {
        if (order.side() != Side.BUY) {
            return null;
        }
        Optional<Instant> until = bot.figures().cooldown(order.mint(), order.at());
        return until.map(u -> "cooldown: the next buy of " + order.mint() + " is allowed at " + u)
                .orElse(null);
    }

    private static String maxTrades(Bot bot, OrderCheck.Request order) {
        if (order.side() != Side.BUY) {
            return null;
        }
        int max = bot.spec().maxTrades();
        return (long) bot.figures().trades() + bot.book().pendingBuys() >= max ? "maxTrades " + max + " reached" : null;
    }
}
