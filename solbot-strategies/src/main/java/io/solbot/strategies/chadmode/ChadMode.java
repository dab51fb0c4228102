package io.solbot.strategies.chadmode;

import io.solbot.core.config.BotSettings;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.strategies.common.Units;
import io.solbot.strategies.common.internal.ConfigPlans;
import io.solbot.strategies.common.internal.Exits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One chad-mode bot.
 *
 * <p>Each tick with nothing in flight and no auto-sell pending, it buys every target. A buy that fails after it was
 * sent raises that target's escalation one step: its next buy allows 1 percentage point more slippage (never more than
 * {@code slippageMaxPct}) and pays {@code feeEscalationLamports} more priority fee (at most {@link
 * ChadModeConfig#ATTEMPTS} − 1 raises, what the plan counts); a fill resets it. An order the engine refuses (a limit)
 * does not escalate: more slippage would not change the refusal. After a buy fills, the auto-sell of its token is due
 * {@code autoSell.delay} ms later, plus a random wait of up to {@code autoSell.randomJitterMs} and one within {@code
 * autoSell.randomDelayRange}, both drawn from the bot's seeded randomness; the due time is kept in the bot's state, so
 * a restart still sells on time. While an auto-sell is pending, it buys nothing (the original's "dumping").
 *
 * <p>Exits: its {@code takeProfit} and {@code stopLoss} (selling {@code tpPercent} / {@code slPercent} of the
 * position, all of it when unset) run through the shared {@link Exits} before the auto-sell at each tick. A token has
 * one sale in flight at most: the auto-sell waits for an exit's sale of its token, and the exits leave out a token
 * whose auto-sell is in flight. An exit's partial sale leaves the auto-sell pending, to sell its share of what is left
 * when due; a sale that leaves nothing ends it. While an exit's sale is in flight, it buys nothing, as while dumping.
 */
final class ChadMode implements Strategy {
    /** The state key prefix of a pending auto-sell: the key ends with the mint, the value is the due time in ms. */
    static final String AUTO_SELL = "auto-sell.";

    static final String REASON = "auto-sell";
    private static final int SLIPPAGE_STEP_BPS = 100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<Mint> targets;
    private final Lamports amount;
    private final int slippageBps;
    private final int slippageCapBps;
    private final Lamports priorityFee;
    private final Lamports feeStep;
    private final boolean autoSell;
    private final long delayMs;
    private final BigDecimal dumpPct;
    private final long jitterMs;
    private final List<Long> delayRange;

    private final Exits exits;
    private final Map<Mint, Integer> failedInARow = new HashMap<>();
    private final Map<OrderId, Mint> inFlight = new HashMap<>();

    ChadMode(ChadModeConfig config) {
        Set<Mint> mints = new LinkedHashSet<>();
        if (config.outputMint() != null) {
            mints.add(Mint.of(config.outputMint()));
        }
        if (config.outputMints() != null) {
            config.outputMints().forEach(m -> mints.add(Mint.of(m)));
        }
        this.targets = List.copyOf(mints);
        BotSettings settings = config.settings();
        this.amount = settings.lamportsPerTrade()
                .orElseThrow(() -> new UnsupportedOperationException(
                        "chad mode buys with SOL only in this version; buyWithUSDC is not supported yet"));
        this.slippageBps = settings.slippageBps();
        BigDecimal cap =
                config.slippageMaxPct() == null ? ChadModeConfig.DEFAULT_SLIPPAGE_MAX : config.slippageMaxPct();
        this.slippageCapBps = Math.max(slippageBps, Units.bps(cap.setScale(2, RoundingMode.DOWN)));
        this.priorityFee = settings.priorityFee();
        this.feeStep = Lamports.of(
                config.feeEscalationLamports() == null
                        ? ChadModeConfig.DEFAULT_FEE_ESCALATION
                        : config.feeEscalationLamports());
        ChadModeConfig.AutoSell sell = config.autoSell();
        this.autoSell = sell == null || !Boolean.FALSE.equals(sell.enabled());
        this.delayMs = sell == null || sell.delay() == null ? 10_000 : sell.delay();
        this.dumpPct = sell == null || sell.dumpPct() == null ? BigDecimal.valueOf(100) : sell.dumpPct();
        this.jitterMs = sell == null || sell.randomJitterMs() == null ? 0 : sell.randomJitterMs();
        this.delayRange = sell == null ? null : sell.randomDelayRange();
        this.exits = new Exits(ConfigPlans.exits(config.sharedFields(), null));
    }

    @Override
    public void onTick(StrategyContext ctx) {
        exits.manage(ctx, inFlight::containsValue);
        boolean pending = sellWhatIsDue(ctx);
        if (pending || !inFlight.isEmpty() || targets.stream().anyMatch(exits::isSelling)) {
            return;
        }
        for (Mint target : targets) {
            OrderResult result = ctx.orders().buy(target, amount, escalated(target));
            if (!(result instanceof OrderResult.Submitted submitted)) {
                return; // a limit refused it: the other targets would be refused alike
            }
            inFlight.put(submitted.orderId(), target);
        }
    }

    /** The options of {@code target}'s next buy: its slippage and fee raised once per failed buy in a row. */
    OrderOptions escalated(Mint target) {
        int steps = Math.min(failedInARow.getOrDefault(target, 0), ChadModeConfig.ATTEMPTS - 1);
        int slippage = Math.min(slippageCapBps, slippageBps + steps * SLIPPAGE_STEP_BPS);
        return OrderOptions.NONE.withSlippageBps(slippage).withPriorityFee(priorityFee.plus(feeStep.times(steps)));
    }

    /** Sells every auto-sell that is due; whether any auto-sell is still pending. */
    private boolean sellWhatIsDue(StrategyContext ctx) {
        boolean pending = false;
        for (Map.Entry<String, String> e : ctx.state().asMap().entrySet()) {
            if (!e.getKey().startsWith(AUTO_SELL)) {
                continue;
            }
            Mint mint = Mint.of(e.getKey().substring(AUTO_SELL.length()));
            Optional<Position> held =
                    ctx.positions().stream().filter(p -> p.mint().equals(mint)).findFirst();
            if (held.isEmpty()) {
                ctx.state().remove(e.getKey()); // nothing left to sell
                continue;
            }
            pending = true;
            if (inFlight.containsValue(mint)
                    || exits.isSelling(mint)
                    || ctx.now().isBefore(Instant.ofEpochMilli(Long.parseLong(e.getValue())))) {
                continue;
            }
            TokenAmount all = held.get().quantity();
            TokenAmount quantity = TokenAmount.ofRaw(
                    new BigDecimal(all.raw())
                            .multiply(dumpPct)
                            .divide(HUNDRED, 0, RoundingMode.DOWN)
                            .toBigIntegerExact(),
                    all.decimals());
            if (quantity.signum() <= 0) {
                ctx.state().remove(e.getKey());
                continue;
            }
            OrderResult result = ctx.orders().sell(mint, quantity, OrderOptions.NONE.withReason(REASON));
            if (result instanceof OrderResult.Submitted submitted) {
                inFlight.put(submitted.orderId(), mint);
            }
        }
        return pending;
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        exits.onFill(ctx, fill);
        if (fill.part() < fill.parts()) {
            return;
        }
        boolean ours = inFlight.remove(fill.orderId()) != null;
        String key = AUTO_SELL + fill.mint();
        if (fill.side() == Side.SELL) {
            boolean stillHeld = ctx.positions().stream().anyMatch(p -> p.mint().equals(fill.mint()));
            if (ours || !stillHeld) {
                ctx.state().remove(key); // dumped, or an exit sold it all
            }
            return;
        }
        failedInARow.remove(fill.mint());
        if (autoSell && ctx.state().get(key).isEmpty()) {
            Instant due = fill.filledAt().plusMillis(delayMs + wait(ctx));
            ctx.state().put(key, Long.toString(due.toEpochMilli()));
        }
    }

    /** The random part of an auto-sell's wait, ms: up to {@code randomJitterMs}, plus one within the range. */
    private long wait(StrategyContext ctx) {
        long extra = jitterMs > 0 ? ctx.random().nextLong(jitterMs + 1) : 0;
        if (delayRange != null) {
            extra += ctx.random().nextLong(delayRange.get(0), delayRange.get(1) + 1);
        }
        return extra;
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        exits.onOrderFailed(failure);
        inFlight.remove(failure.orderId());
        if (failure.side() == Side.BUY) {
            failedInARow.merge(failure.mint(), 1, Integer::sum);
        }
    }
}
