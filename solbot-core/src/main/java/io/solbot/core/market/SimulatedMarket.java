package io.solbot.core.market;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.domain.TokenInfo;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-memory Solana market of tokens in constant-product SOL pools, moved by a stream of {@link MarketEvent}s
 * (a seeded generator, a scripted CSV series, or a recorded file) and by our own trades.
 *
 * <p>Time: the market does not run by itself and never sleeps. It opens at its start with the events due then
 * applied (the tokens it lists from the start, so {@link #mints()} and {@link #price} answer at once); after that,
 * whoever drives the run (the engine's simulated clock, a test, a backtest loop) calls {@link #advanceTo(Instant)},
 * which applies every event due by then in order. Our trades ({@link #swap}) move the reserves too, so later prices
 * include our own impact.
 *
 * <p>Threading: reads ({@link #price}, {@link #pool} and the other {@link MarketData} methods) are lock-free and may
 * come from any number of threads while another thread advances the market; each sees whole events. {@link
 * #advanceTo}, {@link #swap} and {@link #fillAtMid} are serialised with each other. Listeners run on the thread that
 * advances the market, inside that serialisation.
 *
 * <p>Replay: the events the market applied, written by a {@link MarketRecorder} registered with {@link #listen}, give
 * the same market again through {@link #replay}; driven by the same strategy and a paper executor with the same seed,
 * the same trades follow. A listener registered before the market applies its first event after the opening hears
 * the opening's events too, so such a recording is complete.
 */
public final class SimulatedMarket implements MarketData, AutoCloseable {
    private static final MathContext SQRT_MATH = new MathContext(40, RoundingMode.HALF_EVEN);
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    /** What the market knows of a listed token besides its pool. */
    record TokenState(NewToken token, TokenInfo info, Authorities authorities, boolean sellable, List<Holder> holders) {
        TokenState withHolders(List<Holder> value) {
            return new TokenState(token, info, authorities, sellable, value);
        }
    }

    /** The SOL price a market quotes unless told otherwise: 150 USD. */
    public static final SolUsd DEFAULT_SOL_USD = SolUsd.of("150");

    private final EventSource source;
    private final ConcurrentHashMap<Mint, Pool> pools = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Mint, TokenState> tokens = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<NewToken> listed = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<? super MarketEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<Mint, TradeHistory> histories = new ConcurrentHashMap<>();
    private final TokenLists lists = new TokenLists(this);
    private volatile Instant now;
    private volatile SolUsd solUsd = DEFAULT_SOL_USD;
    private long eventsApplied;
    /** The events applied at the opening, until the market applies another: what a late first listener missed. */
    private List<MarketEvent> opening = new ArrayList<>();

    /** The minute (epoch minutes) the histories were last trimmed in. */
    private long trimmedMinute = Long.MIN_VALUE;

    private SimulatedMarket(EventSource source, Instant start) {
        this.source = source;
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * A market on {@code source}, opened: the events due at {@code start} applied. Closes the source if that fails.
     *
     * @throws IllegalStateException if an opening event cannot apply, or the source's own exception (a malformed
     *     recording)
     */
    private static SimulatedMarket opened(EventSource source, Instant start) {
        SimulatedMarket market = new SimulatedMarket(source, start);
        try {
            market.open();
        } catch (RuntimeException e) {
            market.close();
            throw e;
        }
        return market;
    }

    private synchronized void open() {
        MarketEvent event;
        while ((event = source.next(now, this)) != null) {
            apply(event);
            opening.add(event);
        }
    }

    /** A market generated from {@code settings}: the same settings (seed included) give the same market. */
    public static SimulatedMarket random(RandomMarketSettings settings) {
        return random(settings, List.of());
    }

    /**
     * A market generated from {@code settings} that also lists {@code listings} at its start, before its own
     * established tokens, under the given mints.
     *
     * @throws IllegalArgumentException if two listings share a mint
     */
    public static SimulatedMarket random(RandomMarketSettings settings, List<Listing> listings) {
        if (listings.stream().map(Listing::mint).distinct().count() != listings.size()) {
            throw new IllegalArgumentException("two listings share a mint: " + listings);
        }
        return opened(new RandomMarket(settings, listings), settings.start());
    }

    /**
     * A market that applies exactly {@code events} (in time order), for tests and benchmarks. It starts at the first
     * event's time, or at {@code Instant.EPOCH} if there is none.
     *
     * @throws IllegalArgumentException if the events are not in time order
     */
    public static SimulatedMarket of(List<? extends MarketEvent> events) {
        ListSource source = new ListSource(events);
        Instant first = source.nextTime();
        return opened(source, first == null ? Instant.EPOCH : first);
    }

    /**
     * A market that replays a file written by a {@link MarketRecorder} (JSON lines), read lazily as the market
     * advances. It starts at the first event's time. Close the market to close the file.
     *
     * @throws UncheckedIOException if the file cannot be opened
     * @throws IllegalArgumentException naming the line, if a line the opening reads is malformed
     */
    public static SimulatedMarket replay(Path file) {
        try {
            return replay(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the market recording " + file, e);
        }
    }

    /** {@link #replay(Path)} from a reader, which the market closes when it is closed. */
    public static SimulatedMarket replay(Reader jsonLines) {
        return replaying(new ReplaySource(jsonLines));
    }

    /** {@link #replay(Path)} from UTF-8 bytes (the quickest to parse), which the market closes when it is closed. */
    public static SimulatedMarket replay(InputStream jsonLines) {
        return replaying(new ReplaySource(jsonLines));
    }

    private static SimulatedMarket replaying(ReplaySource source) {
        Instant first = source.nextTime();
        return opened(source, first == null ? Instant.EPOCH : first);
    }

    /**
     * A market scripted by a CSV price series with the header {@code time,mint,price} and optional columns {@code
     * solReserve} (SOL, default 100), {@code decimals} (default 6), {@code symbol} and {@code feeBps} (default 25).
     * {@code time} is an ISO-8601 instant or epoch milliseconds; {@code price} is SOL per whole token. A mint's first
     * row lists it with a pool at that price; each later row moves its pool to the new price, keeping the product of
     * the reserves (as an arbitrageur would). Rows are applied in time order.
     *
     * @throws IllegalArgumentException naming the line and column of the first malformed value
     */
    public static SimulatedMarket scripted(Reader csv) {
        ListSource source = new ListSource(CsvSeries.parse(csv));
        Instant first = source.nextTime();
        return opened(source, first == null ? Instant.EPOCH : first);
    }

    /** {@link #scripted(Reader)} from a file. */
    public static SimulatedMarket scripted(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return scripted(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price series " + csv, e);
        }
    }

    /** The market's time: the last time it was advanced to. */
    public Instant now() {
        return now;
    }

    /** When the next event is due, or empty when the source has no more (a generated market never runs out). */
    public synchronized Optional<Instant> nextEventTime() {
        return Optional.ofNullable(source.nextTime());
    }

    /** How many events the market has applied so far. */
    public synchronized long eventsApplied() {
        return eventsApplied;
    }

    /**
     * Applies every event due at or before {@code time}, in order, telling the listeners about each, and sets the
     * market's time to {@code time}.
     *
     * @throws IllegalArgumentException if {@code time} is before {@link #now()}: a market does not go back
     * @throws IllegalStateException if an event cannot apply (a recording that does not fit its own history)
     */
    public synchronized void advanceTo(Instant time) {
        if (time.isBefore(now)) {
            throw new IllegalArgumentException("the market is at " + now + " and cannot go back to " + time);
        }
        MarketEvent event;
        while ((event = source.next(time, this)) != null) {
            opening = null;
            apply(event);
            for (Consumer<? super MarketEvent> listener : listeners) {
                listener.accept(event);
            }
        }
        now = time;
        trimHistories(time);
    }

    /**
     * Once per minute of market time, drops what fell out of every token's history: a token that stopped trading
     * (rugged, drained) records nothing more, so its history is trimmed here and nowhere else.
     */
    private void trimHistories(Instant time) {
        long minute = Math.floorDiv(time.toEpochMilli(), 60_000L);
        if (minute != trimmedMinute) {
            trimmedMinute = minute;
            histories.values().forEach(h -> h.trim(time));
        }
    }

    /**
     * Calls {@code listener} with every event the market applies from now on, for example a {@link MarketRecorder}.
     * Until the market applies its first event after the opening, the listener first hears the opening's events (the
     * tokens listed at the start), so that what it records replays into the same market.
     */
    public synchronized void listen(Consumer<? super MarketEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        if (opening != null) {
            opening.forEach(listener);
        }
        listeners.add(listener);
    }

    /** Every token listed so far, in listing order; those listed at the market's start from the moment it is made. */
    public List<Mint> mints() {
        return listed.stream().map(NewToken::mint).toList();
    }

    /**
     * Executes our swap of {@code amountIn} against {@code mint}'s pool by the constant-product rule (see {@link
     * Pool}) and moves the reserves.
     *
     * @param minOut the least the swap may pay out (the order's slippage limit), zero for none
     * @return what the swap paid out
     * @throws TradeRefusedException if the token is unknown, its pool is drained, it cannot be sold, or the output
     *     would be below {@code minOut} or zero
     */
    public synchronized TokenAmount swap(Mint mint, Side side, TokenAmount amountIn, TokenAmount minOut) {
        Pool pool = tradablePool(mint, side);
        TokenAmount out = pool.amountOut(side, amountIn);
        if (out.isZero()) {
            throw new TradeRefusedException("land", "the swap of " + amountIn + " on " + mint + " pays out nothing");
        }
        if (out.compareTo(minOut) < 0) {
            throw new TradeRefusedException(
                    "land", "slippage exceeded: the pool pays " + out + " but the order needs at least " + minOut);
        }
        Pool after = pool.afterSwap(side, amountIn, out);
        pools.put(mint, after);
        traded(now, mint, after, side, amountIn, out);
        return out;
    }

    /**
     * What {@code amountIn} gets at {@code mint}'s mid price with no fee or impact (see {@link Pool#amountAtMid}),
     * without moving the pool: the ideal execution model. A honeypot still refuses sells.
     *
     * @throws TradeRefusedException as {@link #swap} does
     */
    public synchronized TokenAmount fillAtMid(Mint mint, Side side, TokenAmount amountIn) {
        Pool pool = tradablePool(mint, side);
        TokenAmount out = pool.amountAtMid(side, amountIn);
        if (out.isZero()) {
            throw new TradeRefusedException("land", "the swap of " + amountIn + " on " + mint + " pays out nothing");
        }
        // an ideal fill trades without moving the pool, but it traded all the same
        traded(now, mint, pool, side, amountIn, out);
        return out;
    }

    /** Adds a swap of {@code in} for {@code out} that left {@code mint}'s pool as {@code after} to its history. */
    private void traded(Instant at, Mint mint, Pool after, Side side, TokenAmount in, TokenAmount out) {
        TokenAmount sol = side == Side.BUY ? in : out;
        TokenAmount tokens = side == Side.BUY ? out : in;
        histories.get(mint).traded(at, after, sol.raw().longValueExact(), tokens.raw());
    }

    private Pool tradablePool(Mint mint, Side side) {
        Pool pool = pools.get(mint);
        if (pool == null) {
            throw new TradeRefusedException("quote", "no pool for " + mint);
        }
        if (pool.isDrained()) {
            throw new TradeRefusedException("quote", "the pool of " + mint + " is drained (liquidity pulled)");
        }
        if (side == Side.SELL && !tokens.get(mint).sellable()) {
            throw new TradeRefusedException("land", "the sell of " + mint + " reverted: the token cannot be sold");
        }
        return pool;
    }

    @Override
    public Optional<Price> price(Mint mint) {
        Pool pool = pools.get(mint);
        return pool == null ? Optional.empty() : pool.price();
    }

    @Override
    public Optional<Integer> decimals(Mint mint) {
        Pool pool = pools.get(mint);
        return pool == null ? Optional.empty() : Optional.of(pool.decimals());
    }

    @Override
    public Optional<Pool> pool(Mint mint) {
        return Optional.ofNullable(pools.get(mint));
    }

    @Override
    public List<NewToken> newTokens(Instant after) {
        List<NewToken> out = new ArrayList<>();
        for (NewToken token : listed) {
            if (token.listedAt().isAfter(after)) {
                out.add(token);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Holder> largestHolders(Mint mint, int limit) {
        TokenState listing = tokens.get(mint);
        Pool pool = pools.get(mint);
        if (listing == null || pool == null || limit <= 0) {
            return List.of();
        }
        List<Holder> all = new ArrayList<>(listing.holders().size() + 1);
        all.addAll(listing.holders());
        all.add(new Holder(PoolAddresses.of(mint), pool.tokenReserve(), true));
        all.sort(Comparator.comparing(Holder::amount).reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public Optional<Authorities> authorities(Mint mint) {
        TokenState listing = tokens.get(mint);
        return listing == null ? Optional.empty() : Optional.of(listing.authorities());
    }

    /** The holders of {@code mint} other than its pool, largest first (empty if unknown); for generators. */
    List<Holder> holdersOf(Mint mint) {
        TokenState state = tokens.get(mint);
        return state == null ? List.of() : state.holders();
    }

    /** The token's symbol, decimals, supply (see {@link #supply}) and listing time. */
    @Override
    public Optional<TokenInfo> tokenInfo(Mint mint) {
        TokenState listing = tokens.get(mint);
        return listing == null ? Optional.empty() : Optional.of(listing.info());
    }

    /**
     * From the token's history of every swap this market applied (other traders' and ours, an ideal fill included)
     * and every price move: to the second for windows of up to an hour, to the minute beyond. Empty for an unknown
     * token.
     */
    @Override
    public Optional<Candle> candle(Mint mint, Duration window) {
        TradeHistory history = histories.get(mint);
        return history == null ? Optional.empty() : history.candle(now, window);
    }

    /** From the same history as {@link #candle}; empty for an unknown token. */
    @Override
    public List<Candle> candles(Mint mint, Duration width, int count) {
        TradeHistory history = histories.get(mint);
        return history == null ? List.of() : history.candles(now, width, count);
    }

    /** By SOL volume over {@code window} as {@link #candle} reads it; tokens that did not trade are left out. */
    @Override
    public List<Mint> trending(Duration window, int limit) {
        return lists.trending(now, window, limit);
    }

    /** Each list computed from this market's own pools and histories at the time of the read; see {@link TokenFeed}. */
    @Override
    public List<Mint> tokens(TokenFeed feed, int limit) {
        return lists.tokens(now, feed, limit);
    }

    /** Fixed: {@link #DEFAULT_SOL_USD} unless {@link #setSolUsd} said otherwise. */
    @Override
    public Optional<SolUsd> solUsd() {
        return Optional.of(solUsd);
    }

    /** Sets the price of SOL in USD that this market quotes from now on; 150 USD by default. */
    public void setSolUsd(SolUsd value) {
        this.solUsd = Objects.requireNonNull(value, "value");
    }

    /** Every read of {@link MarketData}: this model answers them all. */
    @Override
    public Set<String> capabilities() {
        return Set.of("prices", "pools", "new-tokens", "token-info", "price-history", "trending", "sol-usd");
    }

    /** Every token listed so far, in listing order; for {@link TokenLists}. */
    List<NewToken> listed() {
        return listed;
    }

    /** The history of {@code mint}, or null; for {@link TokenLists}. */
    TradeHistory historyOf(Mint mint) {
        return histories.get(mint);
    }

    /** What the market knows of {@code mint} besides its pool, or null; for {@link TokenLists}. */
    TokenState stateOf(Mint mint) {
        return tokens.get(mint);
    }

    /** The current pool of {@code mint}, or null; for generators. */
    Pool poolOf(Mint mint) {
        return pools.get(mint);
    }

    /** Applies one event. Package-private so that tests can drive the market event by event. */
    void apply(MarketEvent event) {
        switch (event) {
            case MarketEvent.TokenListed e -> {
                if (pools.containsKey(e.mint())) {
                    throw new IllegalStateException(e.mint() + " is listed twice (at " + e.at() + ")");
                }
                NewToken token = new NewToken(e.mint(), e.symbol(), e.decimals(), e.at());
                TokenInfo info = new TokenInfo(e.mint(), e.symbol(), e.decimals(), supply(e), e.at());
                tokens.put(e.mint(), new TokenState(token, info, e.authorities(), e.sellable(), e.holders()));
                Pool pool = e.pool();
                pools.put(e.mint(), pool);
                TradeHistory history = new TradeHistory(e.decimals());
                history.moved(e.at(), pool);
                histories.put(e.mint(), history);
                listed.add(token);
            }
            case MarketEvent.Swapped e -> {
                Pool pool = existing(e);
                TokenAmount in =
                        new TokenAmount(e.amountIn(), e.side() == Side.BUY ? Lamports.SOL_DECIMALS : pool.decimals());
                TokenAmount out = pool.amountOut(e.side(), in);
                if (e.trader() != null) {
                    holderTraded(e, e.side() == Side.SELL ? in : out);
                }
                Pool after = pool.afterSwap(e.side(), in, out);
                pools.put(e.mint(), after);
                if (out.signum() > 0) {
                    traded(e.at(), e.mint(), after, e.side(), in, out);
                }
            }
            case MarketEvent.Repriced e -> {
                Pool after = repriced(existing(e), e.price());
                pools.put(e.mint(), after);
                histories.get(e.mint()).moved(e.at(), after);
            }
            case MarketEvent.LiquidityPulled e -> {
                Pool pool = existing(e);
                BigInteger keep = BigInteger.valueOf(10_000L - e.removedBps());
                long sol = BigInteger.valueOf(pool.solReserve().value())
                        .multiply(keep)
                        .divide(BPS)
                        .longValueExact();
                BigInteger tokens = pool.tokenReserve().raw().multiply(keep).divide(BPS);
                Pool after = new Pool(
                        e.mint(),
                        pool.decimals(),
                        Lamports.of(sol),
                        new TokenAmount(tokens, pool.decimals()),
                        pool.feeBps());
                pools.put(e.mint(), after);
                histories.get(e.mint()).moved(e.at(), after);
            }
        }
        eventsApplied++;
    }

    /**
     * Moves a named trader's holding by its swap: a sell spends {@code amount} from it, a buy adds them (a new holder
     * if it held none). Holders stay largest first; one that sold out is no longer one.
     */
    private void holderTraded(MarketEvent.Swapped e, TokenAmount amount) {
        TokenState state = listing(e);
        List<Holder> holders = new ArrayList<>(state.holders());
        int at = -1;
        for (int i = 0; i < holders.size(); i++) {
            if (holders.get(i).owner().equals(e.trader())) {
                at = i;
                break;
            }
        }
        TokenAmount held =
                at < 0 ? TokenAmount.zero(amount.decimals()) : holders.get(at).amount();
        TokenAmount after;
        if (e.side() == Side.SELL) {
            if (held.compareTo(amount) < 0) {
                throw new IllegalStateException("swap at " + e.at() + ": " + e.trader() + " sells " + amount.raw()
                        + " raw units of " + e.mint() + " but holds " + held.raw());
            }
            after = held.minus(amount);
        } else {
            after = held.plus(amount);
        }
        if (at >= 0) {
            holders.remove(at);
        }
        if (after.signum() > 0) {
            holders.add(new Holder(e.trader(), after, false));
        }
        holders.sort(Comparator.comparing(Holder::amount).reversed());
        tokens.put(e.mint(), state.withHolders(List.copyOf(holders)));
    }

    /**
     * A listed token's supply as this market knows it: its pool's token reserve plus what its holders held at the
     * listing. Swaps only move tokens between the pool and wallets, so it stays. (A pump.fun-like launch counts its
     * curve's virtual reserve as supply.)
     */
    private static TokenAmount supply(MarketEvent.TokenListed e) {
        TokenAmount supply = e.tokenReserve();
        for (Holder h : e.holders()) {
            supply = supply.plus(h.amount());
        }
        return supply;
    }

    private TokenState listing(MarketEvent event) {
        TokenState state = tokens.get(event.mint());
        if (state == null) {
            throw new IllegalStateException(
                    "event at " + event.at() + " concerns " + event.mint() + ", which is not listed");
        }
        return state;
    }

    private Pool existing(MarketEvent event) {
        Pool pool = pools.get(event.mint());
        if (pool == null) {
            throw new IllegalStateException(
                    "event at " + event.at() + " concerns " + event.mint() + ", which is not listed");
        }
        return pool;
    }

    /** The pool traded to {@code price} along its constant-product curve: k = x·y stays, x/y becomes the price. */
    static Pool repriced(Pool pool, Price price) {
        if (pool.isDrained()) {
            throw new IllegalStateException("the pool of " + pool.mint() + " is drained and cannot be repriced");
        }
        BigInteger k = BigInteger.valueOf(pool.solReserve().value())
                .multiply(pool.tokenReserve().raw());
        // lamports per raw unit = price × 10^9 / 10^decimals; tokens' = sqrt(k / that), sol' = sqrt(k × that).
        // Both reserves are whole units: derive one from the other, and keep the pair that lands nearer the price.
        BigDecimal lamportsPerRaw = price.value().movePointRight(Lamports.SOL_DECIMALS - pool.decimals());
        BigDecimal exactK = new BigDecimal(k);
        BigInteger tokensA = whole(exactK.divide(lamportsPerRaw, SQRT_MATH).sqrt(SQRT_MATH));
        BigInteger solA = whole(new BigDecimal(tokensA).multiply(lamportsPerRaw));
        BigInteger solB = whole(exactK.multiply(lamportsPerRaw).sqrt(SQRT_MATH));
        BigInteger tokensB = whole(new BigDecimal(solB).divide(lamportsPerRaw, SQRT_MATH));
        boolean useB = tokensB.signum() > 0
                && solB.signum() > 0
                && (tokensA.signum() <= 0
                        || solA.signum() <= 0
                        || priceError(solB, tokensB, lamportsPerRaw)
                                        .compareTo(priceError(solA, tokensA, lamportsPerRaw))
                                < 0);
        BigInteger tokens = useB ? tokensB : tokensA;
        BigInteger sol = useB ? solB : solA;
        if (tokens.signum() <= 0 || sol.signum() <= 0) {
            throw new IllegalStateException("the pool of " + pool.mint() + " cannot reach the price " + price);
        }
        return new Pool(
                pool.mint(),
                pool.decimals(),
                Lamports.of(sol.longValueExact()),
                new TokenAmount(tokens, pool.decimals()),
                pool.feeBps());
    }

    private static BigInteger whole(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    }

    private static BigDecimal priceError(BigInteger sol, BigInteger tokens, BigDecimal target) {
        return new BigDecimal(sol)
                .divide(new BigDecimal(tokens), SQRT_MATH)
                .subtract(target)
                .abs();
    }

    /** Closes the event source (a replayed file). */
    @Override
    public synchronized void close() {
        source.close();
    }
}
