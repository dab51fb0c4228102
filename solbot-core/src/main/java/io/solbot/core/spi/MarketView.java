package io.solbot.core.spi;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Market data as a strategy sees it. Each read names the {@link Capability} a provider lists in {@link
 * StrategyProvider#capabilities()} to use it: the engine refuses to start a bot whose provider needs one its market
 * data does not supply, so a strategy that declared what it reads gets answers, not silently empty results. A read
 * whose capability the engine lacks answers empty.
 *
 * <p>Freshness: the engine answers from a cache in front of its market data, so that many bots reading one token
 * cost one upstream read: a read may be as old as the cache's time to live for its kind (by default 250 ms for
 * prices, pools, candles and the SOL price; 1 s for the token lists; 5 s for token info, holders and authorities; in
 * simulated time, simulated time). See {@code EngineBuilder.marketCacheTtl}.
 *
 * <p>Units: prices in SOL per whole token, amounts exact ({@code Lamports}, raw {@code TokenAmount}s), USD only
 * through {@link #solUsd()}. Empty means unknown: a strategy treats it as "no", never as a pass.
 */
public interface MarketView {
    /** The current price of {@code mint} in SOL per whole token, or empty if it has none (no pool, no quote). */
    Optional<Price> price(Mint mint);

    /**
     * The current state of {@code mint}'s SOL pool: its reserves, fee, the price they imply and its liquidity in SOL
     * ({@link Pool#liquidity()}), and what a swap would pay out of it ({@link Pool#amountOut}, {@link
     * Pool#priceImpactBps}); empty if it has none known. Capability {@link Capability#POOLS}.
     */
    default Optional<Pool> pool(Mint mint) {
        return Optional.empty();
    }

    /**
     * Tokens listed after {@code after} (exclusive) and up to now, oldest first: the new-token feed. Pass the last
     * {@link NewToken#listedAt()} seen to read on from there. Capability {@link Capability#NEW_TOKENS}.
     */
    default List<NewToken> newTokens(Instant after) {
        return List.of();
    }

    /**
     * Up to {@code limit} tokens of {@code feed} (new, trending, high-liquidity, ...), in the feed's order, each with
     * a price: the {@code tokenFeed} lists of configs (see {@link TokenFeed} for what each holds). Capability {@link
     * Capability#TRENDING}.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    default List<Mint> tokens(TokenFeed feed, int limit) {
        return List.of();
    }

    /**
     * Up to {@code limit} tokens by SOL volume over the last {@code window}, largest first; tokens that did not trade
     * in it are left out. Capability {@link Capability#TRENDING}.
     *
     * @param window whole seconds, 1 second to 24 hours
     * @throws IllegalArgumentException if {@code window} or {@code limit} is out of range
     */
    default List<Mint> trending(Duration window, int limit) {
        return List.of();
    }

    /**
     * How {@code mint} traded over the last {@code window}, up to now, as one {@link Candle}: open (the price at the
     * window's start), high, low, close (the price now), change in percent, SOL volume, VWAP and number of swaps.
     * Empty if unknown, or without a price in the window. To the second for windows of up to an hour, to the minute
     * beyond (the window then starts at the start of its first minute). Capability {@link Capability#PRICE_HISTORY}.
     *
     * @param window whole seconds, 1 second to 24 hours
     * @throws IllegalArgumentException if {@code window} is out of range
     */
    default Optional<Candle> candle(Mint mint, Duration window) {
        return Optional.empty();
    }

    /**
     * The last {@code count} candles of {@code width} of {@code mint}, oldest first, aligned to whole multiples of
     * {@code width} since the epoch; the last is the current one, ending now. Candles from before the token had a
     * price are left out, so there may be fewer. Capability {@link Capability#PRICE_HISTORY}.
     *
     * @param width whole seconds (whole minutes when the candles span more than an hour)
     * @param count at least 1, with {@code width × count} at most 24 hours
     * @throws IllegalArgumentException if {@code width} or {@code count} is out of range
     */
    default List<Candle> candles(Mint mint, Duration width, int count) {
        return List.of();
    }

    /**
     * The symbol, decimals, supply and creation time of {@code mint}, from which its age ({@link TokenInfo#age}) and
     * market cap ({@link TokenInfo#marketCapSol}, {@link TokenInfo#marketCapUsd}) follow; empty if unknown.
     * Capability {@link Capability#TOKEN_INFO}.
     */
    default Optional<TokenInfo> tokenInfo(Mint mint) {
        return Optional.empty();
    }

    /**
     * Up to {@code limit} largest holders of {@code mint}, pool accounts included and marked, largest first.
     * Capability {@link Capability#TOKEN_INFO}.
     */
    default List<Holder> largestHolders(Mint mint, int limit) {
        return List.of();
    }

    /** The mint and freeze authorities of {@code mint}, or empty if unknown. Capability {@link Capability#TOKEN_INFO}. */
    default Optional<Authorities> authorities(Mint mint) {
        return Optional.empty();
    }

    /**
     * The swaps between SOL and a token that {@code wallet} (a base58 owner) made after {@code after} (exclusive) and
     * up to now, oldest first: what a copy trader mirrors. Pass the last {@link WalletSwap#at()} seen to read on; a
     * swap is identified by {@link WalletSwap#id()}, and several may share one instant. Capability {@link
     * Capability#WALLET_SWAPS}.
     */
    default List<WalletSwap> walletSwaps(String wallet, Instant after) {
        return List.of();
    }

    /**
     * The compute-unit price that {@code percentile} percent of the transactions of recent slots paid at most, in
     * micro-lamports per compute unit (what {@code getRecentPrioritizationFees} reports per slot): what a bot that
     * picks its priority fee from the market bids. Empty if unknown. Capability {@link Capability#PRIORITY_FEES}.
     *
     * @param percentile 0 to 100
     * @throws IllegalArgumentException if {@code percentile} is out of range
     */
    default OptionalLong recentPriorityFee(int percentile) {
        return OptionalLong.empty();
    }

    /**
     * The price of SOL in US dollars, to turn a config's USD thresholds (volume, market cap, pool size, minimum move)
     * into SOL; empty if unknown. Capability {@link Capability#SOL_USD}.
     */
    default Optional<SolUsd> solUsd() {
        return Optional.empty();
    }
}
