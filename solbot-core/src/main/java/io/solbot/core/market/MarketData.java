package io.solbot.core.market;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import java.util.Optional;

/**
 * The port through which the engine reads the market: simulated (seeded random walk, scripted series, recorded
 * replay) or live (RPC and price APIs). Implementations are thread-safe; reads are expected to be cheap (served from
 * a cache or an in-memory model), because strategies call them on every tick.
 *
 * <p>This is the first slice of the port; pool reserves, new-token events, holders and authorities are added by the
 * market issue.
 */
public interface MarketData {
    /** The current price of {@code mint} in SOL per whole token, or empty if there is none. */
    Optional<Price> price(Mint mint);

    /** The number of decimals of {@code mint}, or empty if the mint is unknown. */
    Optional<Integer> decimals(Mint mint);
}
