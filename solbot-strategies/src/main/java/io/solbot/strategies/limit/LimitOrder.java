package io.solbot.strategies.limit;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.strategies.common.internal.Exits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One limit order. Until it expires, at each tick: while its buy is not done, it buys {@code amountToSpend} once the
 * price in USD is at or below {@code buyAtOrBelow}; then, while it holds the token, it sells {@code sellPct} % of what
 * it holds once the price is at or above {@code sellAtOrAbove}. One order in flight at a time; a failed one is tried
 * again at the next tick (the engine fails the bot after {@code maxFails} in a row). Once expired it places nothing
 * more and says so in its state; what it holds stays held.
 *
 * <p>State: {@code start} (epoch ms, for {@code expiryHours}), {@code buy} ({@code placed:<id>} or {@code done}),
 * {@code sell} ({@code placed:<id>}, then {@code done}), {@code
 * expired} (when it lapsed).
 */
final class LimitOrder implements Strategy {
    private static final Logger log = LoggerFactory.getLogger(LimitOrder.class);

    static final String START = "start";
    static final String BUY = "buy";
    static final String SELL = "sell";
    static final String EXPIRED = "expired";
    static final String DONE = "done";
    private static final String PLACED = "placed:";
    static final String REASON = "limit";

    private final LimitConfig config;
    private final Mint mint;

    LimitOrder(LimitConfig config) {
        this.config = config;
        this.mint = Mint.of(config.tokenMint());
    }

    @Override
    public void onTick(StrategyContext ctx) {
        if (ctx.state().get(EXPIRED).isPresent()) {
            return;
        }
        if (ctx.state().get(START).isEmpty()) {
            ctx.state().put(START, Long.toString(ctx.now().toEpochMilli()));
        }
        Instant expiry = expiry(ctx);
        if (expiry != null && !ctx.now().isBefore(expiry)) {
            ctx.state().put(EXPIRED, expiry.toString());
            log.info("Bot '{}' limit order on {} expired at {}", ctx.botId(), mint, expiry);
            return;
        }
        if (inFlight(ctx, BUY) || inFlight(ctx, SELL)) {
            return;
        }
        Optional<BigDecimal> usd = priceUsd(ctx);
        if (usd.isEmpty()) {
            return;
        }
        if (config.buyAtOrBelow() != null
                && ctx.state().get(BUY).isEmpty()
                && usd.get().compareTo(config.buyAtOrBelow()) <= 0) {
            if (ctx.orders().buy(mint, Lamports.ofSol(config.amountToSpend())) instanceof OrderResult.Submitted s) {
                ctx.state().put(BUY, PLACED + s.orderId().value());
            }
            return;
        }
        if (config.sellAtOrAbove() != null
                && ctx.state().get(SELL).isEmpty()
                && usd.get().compareTo(config.sellAtOrAbove()) >= 0) {
            Optional<Position> held =
                    ctx.positions().stream().filter(p -> p.mint().equals(mint)).findFirst();
            if (held.isPresent()) {
                BigDecimal pct = config.sellPct() == null ? BigDecimal.valueOf(100) : config.sellPct();
                if (ctx.orders()
                                .sell(
                                        mint,
                                        Exits.share(held.get().quantity(), pct),
                                        OrderOptions.NONE.withReason(REASON))
                        instanceof OrderResult.Submitted s) {
                    ctx.state().put(SELL, PLACED + s.orderId().value());
                }
            }
        }
    }

    private Instant expiry(StrategyContext ctx) {
        if (config.expiry() != null) {
            return config.expiry();
        }
        if (config.lifetime() != null) {
            long start = Long.parseLong(ctx.state().get(START).orElseThrow());
            return Instant.ofEpochMilli(start).plus(config.lifetime());
        }
        return null;
    }

    private static boolean inFlight(StrategyContext ctx, String key) {
        return ctx.state().get(key).filter(v -> v.startsWith(PLACED)).isPresent();
    }

    private Optional<BigDecimal> priceUsd(StrategyContext ctx) {
        Optional<Price> price = ctx.market().price(mint);
        Optional<SolUsd> solUsd = ctx.market().solUsd();
        return price.isEmpty() || solUsd.isEmpty()
                ? Optional.empty()
                : Optional.of(solUsd.get().usdPerToken(price.get()));
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        if (fill.part() != fill.parts()) {
            return;
        }
        String key = fill.side() == Side.BUY ? BUY : SELL;
        if (ctx.state().get(key).orElse("").equals(PLACED + fill.orderId().value())) {
            ctx.state().put(key, DONE); // each side once: a sellPct below 100 leaves the rest held
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        String key = failure.side() == Side.BUY ? BUY : SELL;
        if (ctx.state().get(key).orElse("").equals(PLACED + failure.orderId().value())) {
            ctx.state().remove(key);
        }
    }
}
