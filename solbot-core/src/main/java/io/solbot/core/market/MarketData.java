package io.solbot.core.market;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which the engine reads the market: simulated ({@link SimulatedMarket}: seeded random walk,
 * scripted series, recorded replay) or live (RPC and price APIs).
 *
 * <p>Threading: implementations are thread-safe, and reads are cheap (served from a cache or an in-memory model),
 * because strategies call them on every tick from many threads at once. A read never blocks on the market's
 * advance: it sees the state before or after an event, never half of one.
 *
 * <p>Units: prices are SOL per whole token; reserves and holdings are exact ({@code Lamports}, raw {@code
 * TokenAmount}s). "Empty" means unknown to this source: a safety check must treat it as a failure, not a pass.
 */
public interface MarketData {
    /** The current price of {@code mint} in SOL per whole token, or empty if there is none. */
    Optional<Price> price(Mint mint);

    /** The number of decimals of {@code mint}, or empty if the mint is unknown. */
    Optional<Integer> decimals(Mint mint);

    /** The current state of {@code mint}'s SOL pool (reserves, fee, liquidity), or empty if it has none known. */
    default Optional<Pool> pool(Mint mint) {
        return Optional.empty();
    }

    /**
     * Tokens listed after {@code after} (exclusive) and up to now, oldest first: the new-token feed. Pass the last
     * {@link NewToken#listedAt()} seen to read on from there.
     */
    default List<NewToken> newTokens(Instant after) {
        return List.of();
    }

    /** Up to {@code limit} largest holders of {@code mint}, pool accounts included and marked, largest first. */
    default List<Holder> largestHolders(Mint mint, int limit) {
        return List.of();
    }

    /** The mint and freeze authorities of {@code mint}, or empty if unknown. */
    default Optional<Authorities> authorities(Mint mint) {
        return Optional.empty();
    }

    /**
     * The names of the capabilities ({@code io.solbot.core.spi.Capability}) this source supplies, of {@code "prices"}
     * ({@link #price}), {@code "pools"} ({@link #pool}), {@code "new-tokens"} ({@link #newTokens}) and {@code
     * "token-info"} ({@link #largestHolders}, {@link #authorities}). Names rather than the SPI type, because the
     * market port depends on nothing of the engine's. The engine refuses to start a bot whose strategy needs one that
     * neither this nor the executor supplies. By default {@code "prices"} only, as {@link #price} is the one read
     * every source implements; a source that answers the other reads says so here.
     */
    default Set<String> capabilities() {
        return Set.of("prices");
    }
}
