package com.example.macross;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Buys when the price crosses from at-or-below its simple moving average to above it, and sells the whole position
 * when the price reaches the take profit or the stop loss measured from the entry price. Holds at most one position
 * and one order in flight at a time.
 */
final class MaCrossStrategy implements Strategy {
    private final MaCrossConfig config;
    private final BigDecimal[] window;
    private BigDecimal sum = BigDecimal.ZERO;
    private int seen;
    private Price previousPrice;
    private BigDecimal previousAverage;
    private boolean orderInFlight;

    MaCrossStrategy(MaCrossConfig config) {
        this.config = config;
        this.window = new BigDecimal[config.window()];
    }

    @Override
    public void onTick(StrategyContext ctx) {
        Optional<Price> quoted = ctx.market().price(config.mint());
        if (quoted.isEmpty()) {
            return; // no price this tick: keep the average as it was rather than invent one
        }
        Price price = quoted.get();
        BigDecimal average = record(price);
        Optional<Position> held = ctx.positions().stream()
                .filter(p -> p.mint().equals(config.mint()))
                .findFirst();

        if (!orderInFlight) {
            if (held.isPresent()) {
                exitIfDue(ctx, held.get(), price);
            } else if (average != null && previousAverage != null && crossedAbove(price, average)) {
                orderInFlight = ctx.orders().buy(config.mint(), config.amount()).isSubmitted();
            }
        }
        previousPrice = price;
        previousAverage = average;
    }

    private void exitIfDue(StrategyContext ctx, Position position, Price price) {
        BigDecimal change = price.percentChangeFrom(position.entryPrice());
        boolean takeProfit = change.compareTo(config.takeProfitPct()) >= 0;
        boolean stopLoss = change.compareTo(config.stopLossPct().negate()) <= 0;
        if (takeProfit || stopLoss) {
            OrderResult result = ctx.orders().sell(config.mint(), position.quantity());
            orderInFlight = result.isSubmitted();
        }
    }

    private boolean crossedAbove(Price price, BigDecimal average) {
        return previousPrice.value().compareTo(previousAverage) <= 0
                && price.value().compareTo(average) > 0;
    }

    /** Adds {@code price} to the window; returns the average once the window is full, else null. */
    private BigDecimal record(Price price) {
        int slot = seen % window.length;
        if (window[slot] != null) {
            sum = sum.subtract(window[slot]);
        }
        window[slot] = price.value();
        sum = sum.add(price.value());
        seen++;
        return seen < window.length ? null : sum.divide(BigDecimal.valueOf(window.length), Price.MATH);
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        if (fill.part() == fill.parts()) {
            orderInFlight = false;
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        orderInFlight = false;
    }
}
