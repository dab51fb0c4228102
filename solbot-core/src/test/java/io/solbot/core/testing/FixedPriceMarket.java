package io.solbot.core.testing;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import io.solbot.core.market.MarketData;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link MarketData} with prices the test sets, and nothing else: no pools, no events. Tokens have 6 decimals unless
 * set otherwise. Thread-safe.
 */
public final class FixedPriceMarket implements MarketData {
    private final Map<Mint, Price> prices = new ConcurrentHashMap<>();
    private final Map<Mint, Integer> decimals = new ConcurrentHashMap<>();

    /** Sets the price of {@code mint}, in SOL per whole token. */
    public FixedPriceMarket price(Mint mint, String price) {
        prices.put(mint, Price.of(price));
        decimals.putIfAbsent(mint, 6);
        return this;
    }

    public FixedPriceMarket decimals(Mint mint, int value) {
        decimals.put(mint, value);
        return this;
    }

    @Override
    public Optional<Price> price(Mint mint) {
        return Optional.ofNullable(prices.get(mint));
    }

    @Override
    public Optional<Integer> decimals(Mint mint) {
        return Optional.ofNullable(decimals.get(mint));
    }
}
