package io.solbot.core.engine;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.internal.CrashPoints;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.store.OrderIntent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The order pipeline behind {@code StrategyContext.orders()}: {@link OrderAdmission} (the run, the bot's limits, the
 * host's {@link OrderCheck}s, the reservation), then the intent is journalled, and the order goes to the {@link
 * SwapExecutor} on a job of its own, off the tick path; its outcome goes to {@link Settlement}. An executor that throws
 * has not said how the order ended (a live one may have sent it): the order is never booked as failed for that, but
 * stays journalled and reserved and is resolved in the background by {@link Recovery}.
 *
 * <p>On a {@link SimulatedClock} orders are deferred instead, so that a run is a pure function of its inputs: the
 * orders placed while the clock's step runs wait until the step's ticks and callbacks have settled; then {@link
 * #dispatchPending} executes them one after another on one job, ordered by bot id and then by placement, and only then
 * settles them. So every tick of a step sees the same market, no swap races another, and the same inputs give the same
 * trades whatever the thread timing.
 */
final class OrderDesk {
    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);

    private record Pending(Bot bot, SwapOrder order, long seq) {}

    private static final Comparator<Pending> DISPATCH_ORDER =
            Comparator.comparing((Pending p) -> p.bot().id()).thenComparingLong(Pending::seq);

    private final OrderAdmission admission;
    private final Settlement settlement;
    private final Recovery recovery;
    private final SwapExecutor executor;
    private final Jobs jobs;
    private final EventBus events;
    private final EngineClock clock;
    private final boolean deferred;
    /** Simulated time only: orders placed and not yet dispatched, in placement order; guarded by itself. */
    private final List<Pending> pending = new ArrayList<>();

    private long placed;

    OrderDesk(
            OrderAdmission admission,
            Settlement settlement,
            Recovery recovery,
            SwapExecutor executor,
            Jobs jobs,
            EventBus events,
            EngineClock clock) {
        this.admission = admission;
        this.settlement = settlement;
        this.recovery = recovery;
        this.executor = executor;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
        this.deferred = clock.isSimulated();
    }

    /**
     * Called on {@code run}'s lane; {@code amountIn} is null for a buy of a non-positive amount of SOL. The intent
     * keeps {@code options}, and the order resolves them against the bot's spec (see {@link SwapOrder#of}).
     */
    OrderResult place(Run run, Side side, Mint mint, TokenAmount amountIn, Object asked, OrderOptions options) {
        Bot bot = run.bot();
        Instant now = clock.instant();
        if (amountIn == null || amountIn.signum() <= 0) {
            return refuse(bot, side, mint, "an order must spend a positive amount, but was " + asked, now);
        }
        OrderCheck.Request request =
                new OrderCheck.Request(bot.id(), bot.strategyId(), bot.spec(), side, mint, amountIn, now);
        String refusal = admission.admit(run, request);
        if (refusal != null) {
            return refuse(bot, side, mint, refusal, now);
        }
        OrderId orderId = bot.nextOrderId();
        try {
            bot.journal().addIntent(new OrderIntent(orderId, mint, side, amountIn, now, options));
        } catch (RuntimeException e) {
            bot.book().release(side, mint, amountIn);
            log.error("Bot '{}' could not journal an order; it was not sent", bot.id(), e);
            return refuse(bot, side, mint, "the journal could not record the order: " + e, now);
        }
        CrashPoints.hit("after-intent");
        if (side == Side.BUY && !bot.spec().cooldown().isZero()) {
            bot.figures().coolDown(mint, now.plus(bot.spec().cooldown()));
        }
        BotSpec spec = bot.spec();
        SwapOrder order = SwapOrder.of(
                orderId, bot.id(), mint, side, amountIn, spec.slippageBps(), spec.priorityFee(), options, now);
        bot.meters().ordersSubmitted.increment();
        events.publish(new EngineEvent.OrderSubmitted(bot.id(), orderId, mint, side, amountIn, now));
        log.debug("Bot '{}' submitted {} {} of {} as {}", bot.id(), side, amountIn, mint, orderId);
        if (deferred) {
            synchronized (pending) {
                pending.add(new Pending(bot, order, placed++));
            }
        } else {
            jobs.submit(() -> execute(bot, order));
        }
        return new OrderResult.Submitted(orderId);
    }

    /**
     * Simulated time only: starts one job that executes every deferred order in {@link #DISPATCH_ORDER}, one at a
     * time, then settles them in the same order. A bot's next order settles only once the callbacks of its previous
     * one ran ({@link #settleInTurn}), so that an {@code onFill} sees the bot's positions as of its own fill, not
     * of a later one that a faster thread settled meanwhile.
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
        jobs.submit(() -> {
            SwapOutcome[] outcomes = new SwapOutcome[batch.size()];
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = outcome(batch.get(i).bot(), batch.get(i).order());
            }
            // settle after every swap of the batch, so callbacks it posts never see the market mid-batch
            int from = 0;
            for (int i = 1; i <= batch.size(); i++) {
                if (i == batch.size() || batch.get(i).bot() != batch.get(from).bot()) {
                    settleInTurn(batch.subList(from, i), Arrays.copyOfRange(outcomes, from, i), 0);
                    from = i;
                }
            }
        });
        return true;
    }

    /**
     * Settles one bot's orders of a batch from {@code next} on: each after the callbacks its predecessor posted,
     * which run on the bot's lane; a message queued behind them there hands the rest to a job of its own. The jobs
     * are counted, so the clock's step waits for the whole chain.
     */
    private void settleInTurn(List<Pending> orders, SwapOutcome[] outcomes, int next) {
        Pending p = orders.get(next);
        Run run = p.bot().run();
        MDC.put(SolbotEngine.MDC_BOT_ID, p.bot().id().value());
        try {
            settle(p.bot(), p.order(), outcomes[next]);
        } catch (RuntimeException e) {
            // as a job of its own would: one order's failure must not leave the others of the batch unsettled
            log.error(
                    "An engine job failed settling order {} of bot '{}'",
                    p.order().orderId(),
                    p.bot().id(),
                    e);
        } finally {
            MDC.remove(SolbotEngine.MDC_BOT_ID);
        }
        if (next + 1 == orders.size()) {
            return;
        }
        Runnable rest = () -> settleInTurn(orders, outcomes, next + 1);
        if (run == null) {
            rest.run(); // no run, no callbacks to wait for
        } else {
            run.post(() -> jobs.submit(rest), jobs::submit);
        }
    }

    private OrderResult refuse(Bot bot, Side side, Mint mint, String reason, Instant now) {
        bot.meters().ordersRefused.increment();
        events.publish(new EngineEvent.OrderRefused(bot.id(), mint, side, reason, now));
        log.debug("Bot '{}' order refused: {}", bot.id(), reason);
        return new OrderResult.Refused(reason);
    }

    private void execute(Bot bot, SwapOrder order) {
        SwapOutcome outcome = outcome(bot, order);
        MDC.put(SolbotEngine.MDC_BOT_ID, bot.id().value());
        try {
            settle(bot, order, outcome);
        } finally {
            MDC.remove(SolbotEngine.MDC_BOT_ID);
        }
    }

    /** Settles an outcome; a null one (the executor threw) is left to the background resolution. */
    private void settle(Bot bot, SwapOrder order, SwapOutcome outcome) {
        if (outcome != null) {
            settlement.settle(bot, order, outcome);
        } else {
            recovery.resolveLater(bot, order);
        }
    }

    /** What the executor said became of the order, or null if it threw instead. */
    private SwapOutcome outcome(Bot bot, SwapOrder order) {
        MDC.put(SolbotEngine.MDC_BOT_ID, bot.id().value());
        try {
            return executor.execute(order);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // its message may quote an endpoint with a key: only a redacted copy reaches the log and the bot's status
            String error = "order " + order.orderId() + ": the executor threw " + Redaction.describe(e)
                    + "; its outcome is not known, so it stays reserved and is resolved in the background";
            bot.figures().failed(error);
            log.error("Bot '{}' {}", bot.id(), error, Redaction.redact(e));
            return null;
        } finally {
            MDC.remove(SolbotEngine.MDC_BOT_ID);
        }
    }
}
