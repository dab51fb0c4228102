package io.solbot.core.spi;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import java.util.Optional;

/**
 * Market data as a strategy sees it, read from the engine's market data on each call: a simulated market answers from
 * memory; a live one answers from what it fetched and caches, so a read may cost a lookup but no network round trip
 * per call is promised.
 */
public interface MarketView {
    /** The current price of {@code mint} in SOL per whole token, or empty if it has none (no pool, no quote). */
    Optional<Price> price(Mint mint);
}
