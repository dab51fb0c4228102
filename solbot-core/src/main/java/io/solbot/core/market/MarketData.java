package io.solbot.core.market;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.solana.account.AccountBytes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
     * The raw data and owning program of the account at {@code address} (a mint, a token account), as a node's {@code
     * getAccountInfo} returns it, or empty if unknown here. Safety checks decode mints from it (see {@code
     * io.solbot.core.solana.account}), so that paper trading reads the same bytes as live. Capability {@code
     * "accounts"}.
     */
    default Optional<AccountBytes> account(String address) {
        return Optional.empty();
    }

    /** The symbol, decimals, supply and creation time of {@code mint}, or empty if unknown. */
    default Optional<TokenInfo> tokenInfo(Mint mint) {
        return Optional.empty();
    }

    /**
     * How {@code mint} traded over the last {@code window} (up to now), as one candle; empty if unknown or it had no
     * price in the window.
     *
     * @param window whole seconds, 1 second to 24 hours
     * @throws IllegalArgumentException if {@code window} is out of that range
     */
    default Optional<Candle> candle(Mint mint, Duration window) {
        return Optional.empty();
    }

    /**
     * The last {@code count} candles of {@code width} of {@code mint}, oldest first, aligned to whole multiples of
     * {@code width} since the epoch; the last is the current one, ending now. Candles from before the token had a
     * price are left out; empty if unknown.
     *
     * @param width whole seconds (whole minutes when the candles span more than an hour)
     * @param count at least 1; {@code width × count} at most 24 hours
     * @throws IllegalArgumentException if {@code width} or {@code count} is out of range
     */
    default List<Candle> candles(Mint mint, Duration width, int count) {
        return List.of();
    }

    /**
     * Up to {@code limit} tokens by SOL volume over the last {@code window}, largest first; tokens that did not trade
     * are left out.
     *
     * @throws IllegalArgumentException if {@code window} is not 1 second to 24 hours or {@code limit} is below 1
     */
    default List<Mint> trending(Duration window, int limit) {
        return List.of();
    }

    /**
     * Up to {@code limit} tokens of {@code feed}, in the feed's order (see {@link TokenFeed}).
     *
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    default List<Mint> tokens(TokenFeed feed, int limit) {
        return List.of();
    }

    /**
     * The swaps between SOL and a token that {@code wallet} (base58 owner) made after {@code after} (exclusive) and
     * up to now, oldest first; empty if none or unknown here. Capability {@code "wallet-swaps"}.
     */
    default List<WalletSwap> walletSwaps(String wallet, Instant after) {
        return List.of();
    }

    /**
     * The compute-unit price, micro-lamports per compute unit, that {@code percentile} (0 to 100) percent of the
     * transactions of recent slots paid at most; empty if unknown here. Capability {@code "priority-fees"}.
     */
    default OptionalLong recentPriorityFee(int percentile) {
        return OptionalLong.empty();
    }

    /** The price of SOL in US dollars, or empty if this source has none. */
    default Optional<SolUsd> solUsd() {
        return Optional.empty();
    }

    /**
     * The names of the capabilities ({@code io.solbot.core.spi.Capability}) this source supplies: {@code "prices"}
     * ({@link #price}), {@code "pools"} ({@link #pool}), {@code "new-tokens"} ({@link #newTokens}), {@code
     * "token-info"} ({@link #tokenInfo}, {@link #largestHolders}, {@link #authorities}), {@code "accounts"} ({@link #account}), {@code "price-history"}
     * ({@link #candle}, {@link #candles}), {@code "wallet-swaps"} ({@link #walletSwaps}), {@code "priority-fees"} ({@link #recentPriorityFee}), {@code "trending"} ({@link #trending}, {@link #tokens}) and {@code
     * "sol-usd"} ({@link #solUsd}). Names rather than the SPI type, because the market port depends on nothing of the
     * engine's. The engine refuses to start a bot whose strategy needs one that neither this nor the executor
     * supplies. By default {@code "prices"} only, as {@link #price} is the one read every source implements; a
     * source that answers the other reads says so here.
     */
    default Set<String> capabilities() {
        return Set.of("prices");
    }
}
