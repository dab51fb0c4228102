package io.solbot.core.spi;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import java.util.Optional;

/** Market data as a strategy sees it. Reads are cheap: the engine serves them from its own caches. */
public interface MarketView {
    /** The current price of {@code mint} in SOL per whole token, or empty if it has none (no pool, no quote). */
    Optional<Price> price(Mint mint);
}
