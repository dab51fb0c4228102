package io.solbot.core.market;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.solana.account.AccountBytes;
import io.solbot.core.solana.account.MintAccount;
import io.solbot.core.solana.account.TokenProgram;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
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
import java.util.OptionalLong;
import java.util.Set;
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
    /** The SOL price a market quotes unless told otherwise: 150 USD. */
    public static final SolUsd DEFAULT_SOL_USD = SolUsd.of("150");

    private final EventSource source;
    private final MarketModel model = new MarketModel();
    private final CopyOnWriteArrayList<Consumer<? super MarketEvent>> listeners = new CopyOnWriteArrayList<>();
    private final TokenLists lists = new TokenLists(model);
    private final PriorityFeeModel fees = new PriorityFeeModel(model);
    private final SwapRules rules = new SwapRules(model);
    private volatile Instant now;
    private volatile SolUsd solUsd = DEFAULT_SOL_USD;
    private long eventsApplied;
    /** The events applied at the opening, until the market applies another: what a late first listener missed. */
    private List<MarketEvent> opening = new ArrayList<>();

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
        model.trim(time);
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

    /** What this market knows, for the tests of this package. */
    MarketModel model() {
        return model;
    }

    /** Every token listed so far, in listing order; those listed at the market's start from the moment it is made. */
    public List<Mint> mints() {
        return model.listed().stream().map(NewToken::mint).toList();
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
        Pool pool = rules.tradablePool(mint, side);
        SwapRules.Leg leg = rules.through(mint, side, amountIn, now, in -> pool.amountOut(side, in));
        if (leg.out().compareTo(minOut) < 0) {
            throw new TradeRefusedException(
                    "land",
                    "slippage exceeded: the pool pays " + leg.out() + " but the order needs at least " + minOut);
        }
        model.swapped(
                now, mint, pool.afterSwap(side, leg.intoPool(), leg.fromPool()), side, leg.intoPool(), leg.fromPool());
        return leg.out();
    }

    /**
     * What a {@link #swap} of {@code amountIn} would pay out now, along the pool's curve, without moving the pool or
     * recording a trade: a dry run, which reverts where the swap would.
     *
     * @throws TradeRefusedException as {@link #swap} does (no pool, drained, a honeypot's sell, nothing out)
     */
    public synchronized TokenAmount dryRun(Mint mint, Side side, TokenAmount amountIn) {
        Pool pool = rules.tradablePool(mint, side);
        return rules.through(mint, side, amountIn, now, in -> pool.amountOut(side, in))
                .out();
    }

    /**
     * What {@code amountIn} gets at {@code mint}'s mid price with no fee or impact (see {@link Pool#amountAtMid}),
     * without moving the pool: the ideal execution model. A honeypot still refuses sells.
     *
     * @throws TradeRefusedException as {@link #swap} does
     */
    public synchronized TokenAmount fillAtMid(Mint mint, Side side, TokenAmount amountIn) {
        Pool pool = rules.tradablePool(mint, side);
        // ideal for the market, but the token program still withholds its fee
        SwapRules.Leg leg = rules.through(mint, side, amountIn, now, in -> pool.amountAtMid(side, in));
        // an ideal fill trades without moving the pool, but it traded all the same
        model.traded(now, mint, pool, side, leg.intoPool(), leg.fromPool());
        return leg.out();
    }

    @Override
    public Optional<Price> price(Mint mint) {
        Pool pool = model.pool(mint);
        return pool == null ? Optional.empty() : pool.price();
    }

    @Override
    public Optional<Integer> decimals(Mint mint) {
        Pool pool = model.pool(mint);
        return pool == null ? Optional.empty() : Optional.of(pool.decimals());
    }

    @Override
    public Optional<Pool> pool(Mint mint) {
        return Optional.ofNullable(model.pool(mint));
    }

    @Override
    public List<NewToken> newTokens(Instant after) {
        List<NewToken> out = new ArrayList<>();
        for (NewToken token : model.listed()) {
            if (token.listedAt().isAfter(after)) {
                out.add(token);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Holder> largestHolders(Mint mint, int limit) {
        MarketModel.TokenState listing = model.state(mint);
        Pool pool = model.pool(mint);
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
        MarketModel.TokenState listing = model.state(mint);
        return listing == null ? Optional.empty() : Optional.of(listing.authorities());
    }

    /**
     * The bytes of a listed token's mint account: an SPL Token mint, or a Token-2022 one with the listing's
     * extensions; its authorities, supply and decimals as {@link #authorities} and {@link #tokenInfo} say. Empty for
     * any other address (the market keeps no token accounts).
     */
    @Override
    public Optional<AccountBytes> account(String address) {
        if (!Mint.isValid(address)) {
            return Optional.empty();
        }
        MarketModel.TokenState listing = model.state(Mint.of(address));
        if (listing == null) {
            return Optional.empty();
        }
        TokenProgram program = listing.extensions().isEmpty() ? TokenProgram.SPL_TOKEN : TokenProgram.TOKEN_2022;
        MintAccount mint = new MintAccount(
                program,
                listing.authorities().mint(),
                listing.info().supply().raw(),
                listing.info().decimals(),
                true,
                listing.authorities().freeze(),
                listing.extensions());
        return Optional.of(new AccountBytes(program.id(), mint.toBytes()));
    }

    /** The holders of {@code mint} other than its pool, largest first (empty if unknown); for generators. */
    List<Holder> holdersOf(Mint mint) {
        return model.holders(mint);
    }

    /** The token's symbol, decimals, supply (its pool's tokens plus its holders' at the listing) and listing time. */
    @Override
    public Optional<TokenInfo> tokenInfo(Mint mint) {
        MarketModel.TokenState listing = model.state(mint);
        return listing == null ? Optional.empty() : Optional.of(listing.info());
    }

    /**
     * From the token's history of every swap this market applied (other traders' and ours, an ideal fill included)
     * and every price move: to the second for windows of up to an hour, to the minute beyond. Empty for an unknown
     * token.
     */
    @Override
    public Optional<Candle> candle(Mint mint, Duration window) {
        TradeHistory history = model.history(mint);
        return history == null ? Optional.empty() : history.candle(now, window);
    }

    /** From the same history as {@link #candle}; empty for an unknown token. */
    @Override
    public List<Candle> candles(Mint mint, Duration width, int count) {
        TradeHistory history = model.history(mint);
        return history == null ? List.of() : history.candles(now, width, count);
    }

    /**
     * Every swap of a named trader ({@link MarketEvent.Swapped#trader()}): the smart wallets of a generated market,
     * the insiders of a rug pull, a recording's or a script's named swaps; SOL and tokens as the pool paid them. Kept
     * for a day. Each id is unique within the market ({@code sim-<epoch ms>-<n>}, n counting the named swaps) and the
     * same in a replay of its recording.
     */
    @Override
    public List<WalletSwap> walletSwaps(String wallet, Instant after) {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(after, "after");
        return model.walletSwaps(wallet, after);
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

    /**
     * A deterministic model of the fees that bidders pay when they compete for block space: the median is 1 000
     * micro-lamports per compute unit plus 50 for each swap this market applied over the last minute (every token, ours
     * included), so fees rise with the market's activity; {@code percentile} scales it linearly from a third of the
     * median (0) through the median (50) to five thirds of it (100).
     *
     * @throws IllegalArgumentException if {@code percentile} is not between 0 and 100
     */
    @Override
    public OptionalLong recentPriorityFee(int percentile) {
        return fees.at(now, percentile);
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
        return Set.of(
                "prices",
                "pools",
                "new-tokens",
                "token-info",
                "accounts",
                "price-history",
                "trending",
                "wallet-swaps",
                "sol-usd",
                "priority-fees");
    }

    /** The current pool of {@code mint}, or null; for generators. */
    Pool poolOf(Mint mint) {
        return model.pool(mint);
    }

    /** Applies one event. Package-private so that tests can drive the market event by event. */
    void apply(MarketEvent event) {
        model.apply(event);
        eventsApplied++;
    }

    /** Closes the event source (a replayed file). */
    @Override
    public synchronized void close() {
        source.close();
    }
}
