package io.solbot.strategies.dca;

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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DCA order. Its buys are due on a fixed schedule from its first tick: slot n at start + n × {@code freqHours}.
 * Each slot buys once: when its buy fills the slot is done; when the price is outside the {@code stopAbove} /
 * {@code stopBelow} guards the slot is skipped; a failed buy is tried again while its slot lasts. A slot that passed
 * with no buy (the bot was down, or its buy kept failing) is missed: counted and logged when the bot next acts, never
 * bought late, so that downtime does not bunch buys. The order is done after {@code numBuys} buys.
 *
 * <p>State (written when something happens, never per tick): {@code start} (epoch ms), {@code slot} (the last slot
 * handled), {@code buys}, {@code missed}, {@code skipped}, and {@code placed} ({@code <order id>:<slot>}) while a buy
 * is in flight.
 */
final class Dca implements Strategy {
    private static final Logger log = LoggerFactory.getLogger(Dca.class);

    static final String START = "start";
    static final String SLOT = "slot";
    static final String BUYS = "buys";
    static final String MISSED = "missed";
    static final String SKIPPED = "skipped";
    static final String PLACED = "placed";

    private final Mint mint;
    private final Lamports perBuy;
    private final long frequencyMs;
    private final int numBuys;
    private final BigDecimal stopAbove;
    private final BigDecimal stopBelow;

    Dca(DcaConfig config) {
        this.mint = Mint.of(config.tokenMint());
        this.perBuy = config.perBuy();
        this.frequencyMs = config.frequency().toMillis();
        this.numBuys = config.numBuys();
        this.stopAbove = config.stopAbove();
        this.stopBelow = config.stopBelow();
    }

    @Override
    public void onTick(StrategyContext ctx) {
        long now = ctx.now().toEpochMilli();
        if (ctx.state().get(START).isEmpty()) {
            ctx.state().put(START, Long.toString(now));
        }
        if (count(ctx, BUYS) >= numBuys || ctx.state().get(PLACED).isPresent()) {
            return;
        }
        long slot = Math.floorDiv(now - count(ctx, START), frequencyMs);
        long last = ctx.state().get(SLOT).map(Long::parseLong).orElse(-1L);
        if (slot <= last) {
            return;
        }
        if (slot > last + 1) {
            long missed = slot - last - 1;
            add(ctx, MISSED, missed);
            ctx.state().put(SLOT, Long.toString(slot - 1));
            log.warn(
                    "Bot '{}' missed {} DCA buy(s) of {} that fell due while it was not buying; going on with buy {} of"
                            + " {}",
                    ctx.botId(),
                    missed,
                    mint,
                    count(ctx, BUYS) + 1,
                    numBuys);
        }
        Optional<String> guard = guard(ctx);
        if (guard.isPresent()) {
            add(ctx, SKIPPED, 1);
            ctx.state().put(SLOT, Long.toString(slot));
            log.info("Bot '{}' skipped a DCA buy of {}: {}", ctx.botId(), mint, guard.get());
            return;
        }
        if (ctx.orders().buy(mint, perBuy) instanceof OrderResult.Submitted submitted) {
            ctx.state().put(PLACED, submitted.orderId().value() + ":" + slot);
        }
    }

    /** Why the price guards hold this slot's buy back, if they do; no price yet holds it back too. */
    private Optional<String> guard(StrategyContext ctx) {
        if (stopAbove == null && stopBelow == null) {
            return Optional.empty();
        }
        Optional<Price> price = ctx.market().price(mint);
        Optional<SolUsd> solUsd = ctx.market().solUsd();
        if (price.isEmpty() || solUsd.isEmpty()) {
            return Optional.of("no price in USD to check stopAbove / stopBelow against");
        }
        BigDecimal usd = solUsd.get().usdPerToken(price.get());
        if (stopAbove != null && usd.compareTo(stopAbove) > 0) {
            return Optional.of("price " + usd.toPlainString() + " USD is above stopAbove " + stopAbove.toPlainString());
        }
        if (stopBelow != null && usd.compareTo(stopBelow) < 0) {
            return Optional.of("price " + usd.toPlainString() + " USD is below stopBelow " + stopBelow.toPlainString());
        }
        return Optional.empty();
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        Optional<String> placed = ctx.state().get(PLACED);
        if (fill.part() == fill.parts()
                && placed.isPresent()
                && placed.get().startsWith(fill.orderId().value() + ":")) {
            add(ctx, BUYS, 1);
            ctx.state().put(SLOT, placed.get().substring(placed.get().lastIndexOf(':') + 1));
            ctx.state().remove(PLACED);
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        Optional<String> placed = ctx.state().get(PLACED);
        if (placed.isPresent() && placed.get().startsWith(failure.orderId().value() + ":")) {
            ctx.state().remove(PLACED); // tried again while its slot lasts
        }
    }

    private static long count(StrategyContext ctx, String key) {
        return ctx.state().get(key).map(Long::parseLong).orElse(0L);
    }

    private static void add(StrategyContext ctx, String key, long n) {
        ctx.state().put(key, Long.toString(count(ctx, key) + n));
    }
}
