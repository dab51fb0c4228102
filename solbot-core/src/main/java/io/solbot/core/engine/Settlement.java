package io.solbot.core.engine;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends an order: its fills and its failure are stored (or kept for the retry), the bot's positions and counts updated,
 * events published, {@code onFill}/{@code onOrderFailed} posted to the bot's current run, and its intent cleared from
 * the journal; then the bot fails after too many failed orders in a row, or completes once its last trade is closed.
 * Thread-safe: orders of one bot may settle on different threads.
 */
final class Settlement {
    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    /** What settling an order can make of its bot. */
    interface Halts {
        void fail(Bot bot, String reason);

        void complete(Bot bot);

        /** An order settled for a bot that was stopped or failed meanwhile: it may give up its claim now. */
        void releaseClaim(Bot bot);
    }

    private final StoreBacklog backlog;
    private final EventBus events;
    private final Callbacks callbacks;
    private final EngineClock clock;
    private Halts halts;

    Settlement(StoreBacklog backlog, EventBus events, Callbacks callbacks, EngineClock clock) {
        this.backlog = backlog;
        this.events = events;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** Set once, while the engine is built: the lifecycle makes runs whose orders settle here. */
    void haltsTo(Halts halts) {
        this.halts = halts;
    }

    /** Settles {@code order} as the executor reported it. */
    void settle(Bot bot, SwapOrder order, SwapOutcome outcome) {
        switch (outcome) {
            case SwapOutcome.Filled f -> settle(bot, order, f.fills(), null, true, false);
            case SwapOutcome.Failed f -> settle(bot, order, f.partialFills(), f.failure(), true, false);
        }
    }

    /**
     * Settles an order. {@code countTrade} is false when fills of the order were counted already (a recovery found
     * some of them stored); {@code recovered} skips the failure count, the halt and the completion, which a recovery
     * decides once the bot is back.
     */
    void settle(
            Bot bot, SwapOrder order, List<Fill> fills, OrderFailure failure, boolean countTrade, boolean recovered) {
        for (Fill fill : fills) {
            backlog.store(bot, fill);
        }
        if (failure != null) {
            backlog.store(bot, failure);
        }
        bot.book().release(order.side(), order.mint(), order.amountIn());
        for (Fill fill : fills) {
            TokenAmount unsold = bot.book().apply(fill);
            if (unsold.signum() > 0) {
                log.warn("Bot '{}' sold {} more of {} than its positions held", bot.id(), unsold, fill.mint());
            }
        }
        int failures;
        bot.lock().lock();
        try {
            failures = bot.figures()
                    .orderEnded(!fills.isEmpty() && countTrade, order.side() == Side.BUY, failure != null, !recovered);
            if (failure != null) {
                bot.figures()
                        .failed("order " + failure.orderId() + (recovered ? " (recovered)" : "") + " failed at "
                                + failure.stage() + ": " + failure.reason());
            }
        } finally {
            bot.lock().unlock();
        }
        publish(bot, fills, failure);
        Run run = bot.run();
        if (run != null && run.isCurrent()) {
            for (Fill fill : fills) {
                callbacks.post(run, "onFill", () -> run.strategy().onFill(run.ctx(), fill));
            }
            if (failure != null) {
                callbacks.post(run, "onOrderFailed", () -> run.strategy().onOrderFailed(run.ctx(), failure));
            }
        }
        bot.journal().clearIntent(order.orderId());
        if (bot.status().isFinal()) {
            halts.releaseClaim(bot);
        }
        if (recovered) {
            return;
        }
        if (failure != null && failures >= bot.spec().maxFailuresInARow()) {
            halts.fail(
                    bot,
                    "halted after " + failures + " failed orders in a row; the last failed at " + failure.stage() + ": "
                            + failure.reason());
        } else if (bot.figures().trades() >= bot.spec().maxTrades()
                && bot.book().isFlat()) {
            halts.complete(bot);
        }
    }

    private void publish(Bot bot, List<Fill> fills, OrderFailure failure) {
        Instant now = clock.instant();
        for (Fill fill : fills) {
            bot.meters().ordersFilled.increment();
            events.publish(new EngineEvent.OrderFilled(bot.id(), fill, now));
        }
        if (failure != null) {
            bot.meters().ordersFailed.increment();
            events.publish(new EngineEvent.OrderFailed(bot.id(), failure, now));
            log.warn(
                    "Bot '{}' order {} failed at {}: {}",
                    bot.id(),
                    failure.orderId(),
                    failure.stage(),
                    failure.reason());
        }
    }
}
