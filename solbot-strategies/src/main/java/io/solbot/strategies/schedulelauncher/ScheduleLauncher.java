package io.solbot.strategies.schedulelauncher;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One schedule launcher. It does nothing before its {@code startTime} (none: at once; {@code isRestart}: at once too,
 * as the original skipped the wait when restarting), then:
 *
 * <ul>
 *   <li>{@code buyMode: interval}: buys {@code amountToSpend / maxTrades} of {@code outputMint} each {@code interval}
 *       seconds, {@code maxTrades} times in all (the engine's cap); a buy is never sooner than an interval after the
 *       previous one, restarts included;
 *   <li>{@code buyMode: limit}: buys each tier's {@code amount} once, when the token's price is at or below the tier's
 *       {@code price} in USD; a tier whose buy failed is armed again.
 * </ul>
 *
 * <p>State (written when a buy is placed, fills or fails): {@code started} (epoch ms), {@code last-buy} (epoch ms),
 * and per tier {@code tier.<n>}: {@code placed:<order id>} or {@code bought}.
 */
final class ScheduleLauncher implements Strategy {
    static final String STARTED = "started";
    static final String LAST_BUY = "last-buy";
    static final String TIER = "tier.";
    private static final String PLACED = "placed:";
    private static final String BOUGHT = "bought";

    private final Mint mint;
    private final Instant startAt;
    private final boolean limitMode;
    private final Lamports perTrade;
    private final long intervalMs;
    private final List<ScheduleLauncherConfig.LimitTier> tiers;

    ScheduleLauncher(ScheduleLauncherConfig config) {
        this.mint = Mint.of(config.outputMint());
        this.startAt = config.startTime() == null || Boolean.TRUE.equals(config.isRestart())
                ? null
                : OffsetDateTime.parse(config.startTime().trim()).toInstant();
        this.limitMode = config.limitMode();
        this.tiers = limitMode ? List.copyOf(config.limitConfigs()) : List.of();
        this.perTrade = limitMode ? null : config.settings().lamportsPerTrade().orElseThrow();
        this.intervalMs = limitMode ? 0 : config.settings().interval().toMillis();
    }

    @Override
    public void onTick(StrategyContext ctx) {
        if (ctx.state().get(STARTED).isEmpty()) {
            if (startAt != null && ctx.now().isBefore(startAt)) {
                return;
            }
            ctx.state().put(STARTED, Long.toString(ctx.now().toEpochMilli()));
        }
        if (limitMode) {
            buyTiers(ctx);
        } else {
            buyOnSchedule(ctx);
        }
    }

    private void buyOnSchedule(StrategyContext ctx) {
        Optional<String> last = ctx.state().get(LAST_BUY);
        if (last.isPresent() && ctx.now().toEpochMilli() - Long.parseLong(last.get()) < intervalMs) {
            return;
        }
        if (ctx.orders().buy(mint, perTrade) instanceof OrderResult.Submitted) {
            ctx.state().put(LAST_BUY, Long.toString(ctx.now().toEpochMilli()));
        }
    }

    private void buyTiers(StrategyContext ctx) {
        Optional<Price> price = ctx.market().price(mint);
        Optional<SolUsd> solUsd = ctx.market().solUsd();
        if (price.isEmpty() || solUsd.isEmpty()) {
            return; // no price to judge a tier by: wait for one
        }
        BigDecimal usd = solUsd.get().usdPerToken(price.get());
        for (int i = 0; i < tiers.size(); i++) {
            ScheduleLauncherConfig.LimitTier tier = tiers.get(i);
            if (ctx.state().get(TIER + i).isPresent() || usd.compareTo(tier.price()) > 0) {
                continue;
            }
            Lamports amount = Lamports.ofSol(tier.amount());
            if (ctx.orders().buy(mint, amount) instanceof OrderResult.Submitted submitted) {
                ctx.state().put(TIER + i, PLACED + submitted.orderId().value());
            }
        }
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        if (fill.part() == fill.parts()) {
            tierOf(ctx, fill.orderId().value()).ifPresent(key -> ctx.state().put(key, BOUGHT));
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        tierOf(ctx, failure.orderId().value()).ifPresent(key -> ctx.state().remove(key));
    }

    /** The state key of the tier whose buy is {@code orderId}. */
    private Optional<String> tierOf(StrategyContext ctx, String orderId) {
        for (int i = 0; i < tiers.size(); i++) {
            if (ctx.state().get(TIER + i).orElse("").equals(PLACED + orderId)) {
                return Optional.of(TIER + i);
            }
        }
        return Optional.empty();
    }
}
