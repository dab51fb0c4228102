package io.solbot.core.testing;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A simple strategy for market and replay tests: for each token {@code mints} supplies, buys {@code amount} when the
 * price rose more than {@code entryPct} percent since the last tick, and sells the whole position when it is {@code
 * exitPct} percent above or below the entry. One order in flight per token.
 */
public final class MomentumStrategy implements Strategy {
    private final Supplier<List<Mint>> mints;
    private final Lamports amount;
    private final BigDecimal entryPct;
    private final BigDecimal exitPct;
    private final Map<Mint, Price> last = new HashMap<>();
    private final Set<Mint> inFlight = new HashSet<>();

    public MomentumStrategy(Supplier<List<Mint>> mints, Lamports amount, String entryPct, String exitPct) {
        this.mints = mints;
        this.amount = amount;
        this.entryPct = new BigDecimal(entryPct);
        this.exitPct = new BigDecimal(exitPct);
    }

    @Override
    public void onTick(StrategyContext ctx) {
        Map<Mint, Position> held = new HashMap<>();
        for (Position p : ctx.positions()) {
            held.put(p.mint(), p);
        }
        for (Mint mint : mints.get()) {
            Price price = ctx.market().price(mint).orElse(null);
            if (price == null) {
                continue;
            }
            Price previous = last.put(mint, price);
            if (inFlight.contains(mint)) {
                continue;
            }
            Position position = held.get(mint);
            if (position != null) {
                BigDecimal change = price.percentChangeFrom(position.entryPrice());
                if (change.abs().compareTo(exitPct) >= 0
                        && ctx.orders().sell(mint, position.quantity()).isSubmitted()) {
                    inFlight.add(mint);
                }
            } else if (previous != null
                    && price.percentChangeFrom(previous).compareTo(entryPct) > 0
                    && ctx.orders().buy(mint, amount).isSubmitted()) {
                inFlight.add(mint);
            }
        }
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        if (fill.part() == fill.parts()) {
            inFlight.remove(fill.mint());
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        inFlight.remove(failure.mint());
    }
}
