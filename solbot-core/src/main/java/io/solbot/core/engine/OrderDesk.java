package io.solbot.core.engine;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.store.OrderIntent;
import io.solbot.core.store.TradeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The order pipeline behind {@code StrategyContext.orders()}: the engine's limits (status, amount, cooldown, maximum
 * trades, open positions), then the {@link OrderCheck}s, then the intent is journalled, and the order goes to the
 * {@link SwapExecutor} on a job of its own, off the tick path. On its outcome: the fills are stored, the positions
 * updated, events published, {@code onFill}/{@code onOrderFailed} posted to the bot's lane, and the intent cleared.
 *
 * <p>On a {@link SimulatedClock} orders are deferred instead, so that a run is a pure function of its inputs: the
 * orders placed while the clock's step runs wait until the step's ticks and callbacks have settled; then {@link
 * #dispatchPending} executes them one after another on one job, ordered by bot id and then by placement, and only
 * then settles them (fills stored, callbacks posted). So every tick of a step sees the same market, no swap races
 * another, and the same inputs give the same trades whatever the thread timing.
 */
final class OrderDesk {
    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);

    private final SolbotEngine engine;
    private final SwapExecutor executor;
    private final TradeStore trades;
    private final List<OrderCheck> checks;
    private final boolean deferred;
    /** Simulated time only: orders placed and not yet dispatched, in placement order; guarded by itself. */
    private final List<Pending> pending = new ArrayList<>();

    private long placed;

    private record Pending(BotRuntime bot, SwapOrder order, long seq) {}

    private static final Comparator<Pending> DISPATCH_ORDER =
            Comparator.comparing((Pending p) -> p.bot().id).thenComparingLong(Pending::seq);

    OrderDesk(
            SolbotEngine engine, SwapExecutor executor, TradeStore trades, List<OrderCheck> checks, boolean deferred) {
        this.engine = engine;
        this.executor = executor;
        this.trades = trades;
        this.checks = List.copyOf(checks);
        this.deferred = deferred;
    }

    /** Called on {@code run}'s lane. {@code sol} is set for buys. */
    OrderResult place(Run run, Side side, Mint mint, TokenAmount amountIn, Lamports sol) {
        BotRuntime bot = run.bot;
        BotSpec spec = bot.spec;
        Instant now = engine.instant();
        String refusal = null;
        if (!run.current && bot.status == RunStatus.RUNNING && !bot.restartPending) {
            refusal =
                    "this run of bot '" + bot.id + "' has ended (the bot was restarted); orders go through the new one";
        } else if (!run.current || bot.status != RunStatus.RUNNING || bot.restartPending) {
            refusal = "Bot '" + bot.id + "' is " + (bot.restartPending ? "RESTARTING" : bot.status)
                    + " and does not accept orders";
        } else if (amountIn == null || amountIn.signum() <= 0) {
            refusal = "an order must spend a positive amount, but was " + (sol != null ? sol : amountIn);
        } else if (side == Side.BUY) {
            Instant cooldownUntil = bot.cooldownUntil;
            int unstored = bot.unstoredCount();
            if (unstored > 0) {
                refusal = "the database is unreachable: " + unstored + " fill(s) or failed order(s) of bot '" + bot.id
                        + "' wait to be stored, and it opens no new positions until they are (sells are allowed)";
            } else if (sol.compareTo(spec.maxBuy()) > 0) {
                refusal = "a buy of " + sol + " is more than maxBuy " + spec.maxBuy();
            } else if (cooldownUntil != null && now.isBefore(cooldownUntil)) {
                refusal = "cooldown: the next buy is allowed at " + cooldownUntil;
            } else if ((long) bot.buysFilled + bot.book.pendingBuys() >= spec.maxTrades()) {
                refusal = "maxTrades " + spec.maxTrades() + " reached";
            }
        }
        for (int i = 0; refusal == null && i < checks.size(); i++) {
            refusal = checks.get(i).refuse(spec, side, mint, amountIn);
        }
        if (refusal == null) {
            refusal = side == Side.BUY
                    ? bot.book.reserveBuy(mint, spec.maxOpenPositions())
                    : bot.book.reserveSell(mint, amountIn);
        }
        if (refusal != null) {
            return reject(bot, side, mint, refusal, now);
        }
        OrderId orderId = OrderId.random(bot.orderIds);
        OrderIntent intent = new OrderIntent(orderId, mint, side, amountIn, now);
        try {
            synchronized (bot.journalLock) {
                bot.intents.add(intent);
                engine.saveJournal(bot);
            }
        } catch (RuntimeException e) {
            synchronized (bot.journalLock) {
                bot.intents.remove(intent);
            }
            bot.book.release(side, mint, amountIn);
            log.error("Bot '{}' could not journal an order; it was not sent", bot.id, e);
            return reject(bot, side, mint, "the journal could not record the order: " + e, now);
        }
        if (side == Side.BUY && !spec.cooldown().isZero()) {
            bot.cooldownUntil = now.plus(spec.cooldown());
        }
        SwapOrder order =
                new SwapOrder(orderId, bot.id, mint, side, amountIn, spec.slippageBps(), spec.priorityFee(), now);
        bot.meters.ordersSubmitted.increment();
        engine.events().publish(new EngineEvent.OrderSubmitted(bot.id, orderId, mint, side, amountIn, now));
        log.debug("Bot '{}' submitted {} {} of {} as {}", bot.id, side, amountIn, mint, orderId);
        if (deferred) {
            synchronized (pending) {
                pending.add(new Pending(bot, order, placed++));
            }
        } else {
            engine.submitJob(() -> execute(bot, order));
        }
        return new OrderResult.Submitted(orderId);
    }

    /**
     * Stores one fill. A bot whose earlier fills wait to be stored keeps this one behind them, so that the store
     * sees every bot's fills in order (a sell never before the buy it closes); a store that fails keeps it too. Kept
     * fills are in the journal with the next save, and the engine retries them in the background.
     */
    private void store(BotRuntime bot, Fill fill) {
        // the trade happened on chain whether or not it was stored: keep it journalled and retry until it is
        storeOrKeep(bot, bot.unstoredFills, fill, trades::record, f -> "fill " + f.orderId() + " part " + f.part());
    }

    /**
     * Stores a failed order, which may have paid fees (it landed and reverted), as {@link #store} stores a fill: behind
     * the bot's failures that wait, and kept for the retry if the store fails. Failures and fills are independent
     * (a failure changes no position), so a failure does not wait for the fills.
     */
    private void storeFailure(BotRuntime bot, OrderFailure failure) {
        storeOrKeep(
                bot,
                bot.unstoredFailures,
                failure,
                f -> trades.recordFailure(bot.id, f),
                f -> "the failure of order " + f.orderId());
    }

    /**
     * Stores {@code item}, or adds it to {@code kept} (guarded by the journal lock; the engine's retry empties it)
     * when items kept earlier wait or the store refuses it.
     */
    private <T> void storeOrKeep(
            BotRuntime bot, List<T> kept, T item, Consumer<T> store, Function<T, String> describe) {
        synchronized (bot.journalLock) {
            if (!kept.isEmpty()) {
                kept.add(item);
                return;
            }
        }
        try {
            store.accept(item);
        } catch (RuntimeException e) {
            log.error(
                    "Bot '{}' could not store {}; it stays in the journal and is retried: {}",
                    bot.id,
                    describe.apply(item),
                    e.toString());
            synchronized (bot.journalLock) {
                kept.add(item);
            }
            engine.retryLater(bot);
        }
    }

    /**
     * Simulated time only: starts one job that executes every deferred order in {@link #DISPATCH_ORDER}, one at a
     * time, then settles them in the same order.
     *
     * @return whether there were orders to dispatch
     */
    boolean dispatchPending() {
        List<Pending> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return false;
            }
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        batch.sort(DISPATCH_ORDER);
        engine.submitJob(() -> {
            SwapOutcome[] outcomes = new SwapOutcome[batch.size()];
            for (int i = 0; i < outcomes.length; i++) {
                Pending p = batch.get(i);
                outcomes[i] = outcome(p.bot(), p.order());
            }
            // settle after every swap of the batch, so callbacks it posts never see the market mid-batch
            for (int i = 0; i < outcomes.length; i++) {
                Pending p = batch.get(i);
                MDC.put(SolbotEngine.MDC_BOT_ID, p.bot().id.value());
                try {
                    settle(p.bot(), p.order(), outcomes[i]);
                } catch (RuntimeException e) {
                    // as a job of its own would: one order's failure must not leave the others of the batch unsettled
                    log.error(
                            "An engine job failed settling order {} of bot '{}'",
                            p.order().orderId(),
                            p.bot().id,
                            e);
                } finally {
                    MDC.remove(SolbotEngine.MDC_BOT_ID);
                }
            }
        });
        return true;
    }

    private OrderResult reject(BotRuntime bot, Side side, Mint mint, String reason, Instant now) {
        bot.meters.ordersRejected.increment();
        engine.events().publish(new EngineEvent.OrderRejected(bot.id, mint, side, reason, now));
        log.debug("Bot '{}' order refused: {}", bot.id, reason);
        return new OrderResult.Refused(reason);
    }

    private void execute(BotRuntime bot, SwapOrder order) {
        SwapOutcome outcome = outcome(bot, order);
        MDC.put(SolbotEngine.MDC_BOT_ID, bot.id.value());
        try {
            settle(bot, order, outcome);
        } finally {
            MDC.remove(SolbotEngine.MDC_BOT_ID);
        }
    }

    private SwapOutcome outcome(BotRuntime bot, SwapOrder order) {
        MDC.put(SolbotEngine.MDC_BOT_ID, bot.id.value());
        try {
            return executor.execute(order);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // its message may quote an endpoint with a key: only a redacted copy reaches the log, the store and events
            log.error("The executor threw on order {} of bot '{}'", order.orderId(), bot.id, Redaction.redact(e));
            return new SwapOutcome.Failed(
                    new OrderFailure(
                            order.orderId(),
                            order.mint(),
                            order.side(),
                            "execute",
                            "the executor threw " + Redaction.describe(e),
                            engine.instant()),
                    List.of());
        } finally {
            MDC.remove(SolbotEngine.MDC_BOT_ID);
        }
    }

    private void settle(BotRuntime bot, SwapOrder order, SwapOutcome outcome) {
        List<Fill> fills =
                outcome instanceof SwapOutcome.Filled f ? f.fills() : ((SwapOutcome.Failed) outcome).partialFills();
        OrderFailure failure = outcome instanceof SwapOutcome.Failed failed ? failed.failure() : null;
        settle(bot, order, fills, failure, true, false);
    }

    /**
     * Ends an order: stores its fills and its failure (or keeps them for the retry if the store fails), updates the positions and
     * counts, publishes, calls back the current run, and clears the intent. {@code countTrade} is false when fills of
     * the order were already counted (a recovery found some of them stored); {@code recovered} skips the failure
     * count, the halt and the completion, which a recovery decides once the bot is back.
     */
    void settle(
            BotRuntime bot,
            SwapOrder order,
            List<Fill> fills,
            OrderFailure failure,
            boolean countTrade,
            boolean recovered) {
        for (Fill fill : fills) {
            store(bot, fill);
        }
        if (failure != null) {
            storeFailure(bot, failure);
        }
        bot.book.release(order.side(), order.mint(), order.amountIn());
        for (Fill fill : fills) {
            TokenAmount unsold = bot.book.apply(fill);
            if (unsold.signum() > 0) {
                log.warn("Bot '{}' sold {} more of {} than its positions held", bot.id, unsold, fill.mint());
            }
        }
        int failures;
        bot.lock.lock();
        try {
            if (!fills.isEmpty() && countTrade) {
                bot.tradesExecuted++;
                if (order.side() == Side.BUY) {
                    bot.buysFilled++;
                }
            }
            if (recovered) {
                if (failure != null) {
                    bot.lastError = "order " + failure.orderId() + " (recovered) failed at " + failure.stage() + ": "
                            + failure.reason();
                }
            } else if (failure == null) {
                bot.consecutiveFailures = 0;
            } else {
                bot.consecutiveFailures++;
                bot.lastError =
                        "order " + failure.orderId() + " failed at " + failure.stage() + ": " + failure.reason();
            }
            failures = bot.consecutiveFailures;
        } finally {
            bot.lock.unlock();
        }
        Instant now = engine.instant();
        for (Fill fill : fills) {
            bot.meters.ordersFilled.increment();
            engine.events().publish(new EngineEvent.OrderFilled(bot.id, fill, now));
        }
        if (failure != null) {
            bot.meters.ordersFailed.increment();
            engine.events().publish(new EngineEvent.OrderFailed(bot.id, failure, now));
            log.warn(
                    "Bot '{}' order {} failed at {}: {}", bot.id, failure.orderId(), failure.stage(), failure.reason());
        }
        Run run = bot.run;
        if (run != null && run.current) {
            for (Fill fill : fills) {
                engine.post(run, "onFill", () -> run.strategy.onFill(run.ctx, fill));
            }
            if (failure != null) {
                engine.post(run, "onOrderFailed", () -> run.strategy.onOrderFailed(run.ctx, failure));
            }
        }
        synchronized (bot.journalLock) {
            bot.intents.removeIf(i -> i.orderId().equals(order.orderId()));
            engine.saveJournal(bot);
        }
        if (recovered) {
            return;
        }
        if (failure != null && failures >= bot.spec.haltOnFailures()) {
            engine.fail(
                    bot,
                    "halted after " + failures + " failed orders in a row; the last failed at " + failure.stage() + ": "
                            + failure.reason());
        } else if (bot.buysFilled >= bot.spec.maxTrades() && bot.book.isFlat()) {
            engine.complete(bot);
        }
    }
}
