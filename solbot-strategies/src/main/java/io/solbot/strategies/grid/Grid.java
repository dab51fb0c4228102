package io.solbot.strategies.grid;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One grid. Levels L0 < ... < Ln−1 are evenly spaced over its range (USD per token). At each tick, with the price p in
 * USD and the price q of the tick before:
 *
 * <ul>
 *   <li>each lot held at level i is sold once p is at or above L(i+1) (reason {@code grid});
 *   <li>each level i below the top with no lot buys {@code amountPerLevel} when the price falls through it (q above
 *       Li, p at or below it), so a restart or the first tick never buys the levels it starts under;
 *   <li>when p leaves the range and {@code rebuild} is on: below the floor every lot is sold (reason {@code
 *       grid-exit}); once nothing is held or in flight, the range moves to p (both bounds scaled by p over its
 *       middle, so the spacing stays the same in percent).
 * </ul>
 *
 * <p>State: {@code range} ({@code <lower>:<upper>}, USD), and per level {@code level.<i>}: {@code buying:<order id>:<raw
 * bought so far>}, {@code held:<raw>} or {@code selling:<order id>:<raw not sold yet>}.
 */
final class Grid implements Strategy {
    private static final Logger log = LoggerFactory.getLogger(Grid.class);

    static final String RANGE = "range";
    static final String LEVEL = "level.";
    static final String REASON = "grid";
    static final String EXIT_REASON = "grid-exit";
    private static final String BUYING = "buying:";
    private static final String HELD = "held:";
    private static final String SELLING = "selling:";

    private final Mint mint;
    private final int levels;
    private final Lamports perLevel;
    private final boolean rebuild;
    private final BigDecimal initialLower;
    private final BigDecimal initialUpper;
    /** The price of the tick before, USD; null at start and after a restart. */
    private BigDecimal last;

    Grid(GridConfig config) {
        this.mint = Mint.of(config.tokenMint());
        this.levels = config.levelCount();
        this.perLevel = Lamports.ofSol(config.amountPerLevel());
        this.rebuild = !Boolean.FALSE.equals(config.rebuild());
        this.initialLower = config.lowerPrice();
        this.initialUpper = config.upperPrice();
    }

    @Override
    public void onTick(StrategyContext ctx) {
        Optional<Price> price = ctx.market().price(mint);
        Optional<SolUsd> solUsd = ctx.market().solUsd();
        if (price.isEmpty() || solUsd.isEmpty()) {
            return;
        }
        BigDecimal p = solUsd.get().usdPerToken(price.get());
        BigDecimal[] range = range(ctx);
        boolean below = p.compareTo(range[0]) < 0;
        boolean above = p.compareTo(range[1]) > 0;
        for (int i = 0; i < levels - 1; i++) {
            String level = ctx.state().get(LEVEL + i).orElse("");
            if (level.startsWith(HELD)) {
                boolean exit = rebuild && below;
                if (exit || p.compareTo(level(range, i + 1)) >= 0) {
                    sell(ctx, i, new BigInteger(level.substring(HELD.length())), exit ? EXIT_REASON : REASON);
                }
            } else if (level.isEmpty()
                    && !below
                    && !above
                    && last != null
                    && last.compareTo(level(range, i)) > 0
                    && p.compareTo(level(range, i)) <= 0) {
                if (ctx.orders().buy(mint, perLevel) instanceof OrderResult.Submitted s) {
                    ctx.state().put(LEVEL + i, BUYING + s.orderId().value() + ":0");
                }
            }
        }
        if (rebuild && (below || above) && idle(ctx)) {
            BigDecimal middle = range[0].add(range[1]).divide(BigDecimal.TWO, MathContext.DECIMAL64);
            BigDecimal ratio = p.divide(middle, MathContext.DECIMAL64);
            BigDecimal lower = range[0].multiply(ratio, MathContext.DECIMAL64);
            BigDecimal upper = range[1].multiply(ratio, MathContext.DECIMAL64);
            ctx.state().put(RANGE, lower.toPlainString() + ":" + upper.toPlainString());
            log.info(
                    "Bot '{}' grid on {} left its range {}-{} USD at {}: rebuilt over {}-{}",
                    ctx.botId(),
                    mint,
                    range[0].toPlainString(),
                    range[1].toPlainString(),
                    p.toPlainString(),
                    lower.toPlainString(),
                    upper.toPlainString());
        }
        last = p;
    }

    /** Sells level {@code i}'s lot of {@code raw} units, at most what the bot holds; forgets a lot no longer held. */
    private void sell(StrategyContext ctx, int i, BigInteger raw, String reason) {
        Optional<TokenAmount> held = ctx.positions().stream()
                .filter(p -> p.mint().equals(mint))
                .findFirst()
                .map(p -> p.quantity());
        if (held.isEmpty() || held.get().signum() == 0) {
            ctx.state().remove(LEVEL + i);
            return;
        }
        TokenAmount quantity = TokenAmount.ofRaw(raw, held.get().decimals()).min(held.get());
        if (ctx.orders().sell(mint, quantity, OrderOptions.NONE.withReason(reason))
                instanceof OrderResult.Submitted s) {
            ctx.state().put(LEVEL + i, SELLING + s.orderId().value() + ":" + quantity.raw());
        }
    }

    private boolean idle(StrategyContext ctx) {
        for (int i = 0; i < levels - 1; i++) {
            if (ctx.state().get(LEVEL + i).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** The current range, {lower, upper}: the state's if the grid moved, else the config's. */
    private BigDecimal[] range(StrategyContext ctx) {
        Optional<String> moved = ctx.state().get(RANGE);
        if (moved.isEmpty()) {
            return new BigDecimal[] {initialLower, initialUpper};
        }
        String[] parts = moved.get().split(":");
        return new BigDecimal[] {new BigDecimal(parts[0]), new BigDecimal(parts[1])};
    }

    private BigDecimal level(BigDecimal[] range, int i) {
        BigDecimal step = range[1].subtract(range[0]).divide(BigDecimal.valueOf(levels - 1L), MathContext.DECIMAL64);
        return i == levels - 1 ? range[1] : range[0].add(step.multiply(BigDecimal.valueOf(i)));
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        String prefix = fill.orderId().value() + ":";
        for (int i = 0; i < levels - 1; i++) {
            String level = ctx.state().get(LEVEL + i).orElse("");
            if (level.startsWith(BUYING + prefix)) {
                BigInteger bought = new BigInteger(level.substring((BUYING + prefix).length()))
                        .add(fill.amountOut().raw());
                ctx.state().put(LEVEL + i, fill.part() == fill.parts() ? HELD + bought : BUYING + prefix + bought);
                return;
            }
            if (level.startsWith(SELLING + prefix)) {
                BigInteger left = new BigInteger(level.substring((SELLING + prefix).length()))
                        .subtract(fill.amountIn().raw());
                if (fill.part() == fill.parts() || left.signum() <= 0) {
                    ctx.state().remove(LEVEL + i);
                } else {
                    ctx.state().put(LEVEL + i, SELLING + prefix + left); // a failure now leaves that much held
                }
                return;
            }
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        String prefix = failure.orderId().value() + ":";
        for (int i = 0; i < levels - 1; i++) {
            String level = ctx.state().get(LEVEL + i).orElse("");
            if (level.startsWith(BUYING + prefix)) {
                BigInteger bought = new BigInteger(level.substring((BUYING + prefix).length()));
                // what parts filled before the failure is held; nothing filled, nothing held
                if (bought.signum() > 0) {
                    ctx.state().put(LEVEL + i, HELD + bought);
                } else {
                    ctx.state().remove(LEVEL + i);
                }
                return;
            }
            if (level.startsWith(SELLING + prefix)) {
                ctx.state().put(LEVEL + i, HELD + level.substring((SELLING + prefix).length()));
                return;
            }
        }
    }
}
