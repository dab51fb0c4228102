package io.solbot.core.engine;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.market.MarketData;
import io.solbot.core.spi.MarketView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The engine's cache between every bot's market view and its {@link MarketData} (and its executor's wallet
 * balances): many bots reading one token within a time to live cost one upstream read. Each kind of read has its own
 * time to live ({@link Ttl}); zero reads through.
 *
 * <p>Time is the engine's monotonic clock, so on a {@link SimulatedClock} an entry lives for simulated time and a run
 * repeats: every bot of a step reads the market as it was when the first of them asked, whichever thread that was.
 *
 * <p>The new-token feed is cached as one list of the tokens listed within the last day, from which each bot's {@code
 * newTokens(after)} is cut; a bot asking from further back reads through.
 *
 * <p>Threading: thread-safe. A missing or expired entry is loaded once, under its key's lock (other keys go on), so
 * concurrent readers of one key wait for that one load; market data reads are cheap by contract.
 */
final class MarketCache implements MarketView {
    /**
     * How long each kind of read stays fresh; zero to read through.
     *
     * @param prices prices, pools, candles and the SOL price
     * @param lists the new-token feed, trending and the token lists
     * @param info token info, holders and authorities
     * @param wallets wallet balances (their token prices are read as prices)
     */
    record Ttl(Duration prices, Duration lists, Duration info, Duration wallets) {
        /** 250 ms, 1 s, 5 s, and wallets not cached. */
        static final Ttl DEFAULT =
                new Ttl(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ZERO);

        Ttl {
            for (Duration d : List.of(prices, lists, info, wallets)) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("a time to live cannot be negative, but was " + d);
                }
            }
        }
    }

    /** How far back the cached new-token list reaches. */
    static final Duration NEW_TOKENS_HORIZON = Duration.ofDays(1);

    /** Entries beyond which expired ones are swept out, every {@link #SWEEP_EVERY} loads. */
    private static final int SWEEP_ABOVE = 4_096;

    private static final int SWEEP_EVERY = 1_024;

    private record Key(String kind, Object a, Object b, Object c) {}

    private record Entry(Object value, long expiresAt) {}

    /** The new tokens listed after {@code after}, oldest first. */
    private record NewTokens(Instant after, List<NewToken> tokens) {}

    private final MarketData market;
    private final SwapExecutor executor;
    private final EngineClock clock;
    private final long pricesNanos;
    private final long listsNanos;
    private final long infoNanos;
    private final long walletsNanos;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    MarketCache(MarketData market, SwapExecutor executor, EngineClock clock, Ttl ttl) {
        this.market = market;
        this.executor = executor;
        this.clock = clock;
        this.pricesNanos = ttl.prices().toNanos();
        this.listsNanos = ttl.lists().toNanos();
        this.infoNanos = ttl.info().toNanos();
        this.walletsNanos = ttl.wallets().toNanos();
    }

    @Override
    public Optional<Price> price(Mint mint) {
        return cached(new Key("price", mint, null, null), pricesNanos, () -> market.price(mint));
    }

    @Override
    public Optional<Pool> pool(Mint mint) {
        return cached(new Key("pool", mint, null, null), pricesNanos, () -> market.pool(mint));
    }

    @Override
    public List<NewToken> newTokens(Instant after) {
        Objects.requireNonNull(after, "after");
        NewTokens recent = cached(new Key("new-tokens", null, null, null), listsNanos, () -> {
            Instant since = clock.instant().minus(NEW_TOKENS_HORIZON);
            return new NewTokens(since, market.newTokens(since));
        });
        if (after.isBefore(recent.after())) {
            return market.newTokens(after);
        }
        List<NewToken> tokens = recent.tokens();
        // oldest first, and a bot usually asks for the few newest: walk back from the end
        int first = tokens.size();
        while (first > 0 && tokens.get(first - 1).listedAt().isAfter(after)) {
            first--;
        }
        return tokens.subList(first, tokens.size());
    }

    @Override
    public List<WalletSwap> walletSwaps(String wallet, Instant after) {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(after, "after");
        // copiers of one wallet read on from the same last swap, so (wallet, after) is the key many bots share
        return cached(
                new Key("wallet-swaps", wallet, after, null), listsNanos, () -> market.walletSwaps(wallet, after));
    }

    @Override
    public OptionalLong recentPriorityFee(int percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be between 0 and 100, but was " + percentile);
        }
        // fees move with every slot, as prices do
        return cached(
                new Key("priority-fee", percentile, null, null),
                pricesNanos,
                () -> market.recentPriorityFee(percentile));
    }

    @Override
    public List<Mint> tokens(TokenFeed feed, int limit) {
        checkLimit(limit);
        return cached(new Key("tokens", feed, limit, null), listsNanos, () -> market.tokens(feed, limit));
    }

    @Override
    public List<Mint> trending(Duration window, int limit) {
        Candle.checkWindow("window", window);
        checkLimit(limit);
        return cached(new Key("trending", window, limit, null), listsNanos, () -> market.trending(window, limit));
    }

    @Override
    public Optional<Candle> candle(Mint mint, Duration window) {
        Candle.checkWindow("window", window);
        return cached(new Key("candle", mint, window, null), pricesNanos, () -> market.candle(mint, window));
    }

    @Override
    public List<Candle> candles(Mint mint, Duration width, int count) {
        Candle.checkWindow("width", width);
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, but was " + count);
        }
        return cached(new Key("candles", mint, width, count), pricesNanos, () -> market.candles(mint, width, count));
    }

    @Override
    public Optional<TokenInfo> tokenInfo(Mint mint) {
        return cached(new Key("token-info", mint, null, null), infoNanos, () -> market.tokenInfo(mint));
    }

    @Override
    public List<Holder> largestHolders(Mint mint, int limit) {
        checkLimit(limit);
        return cached(new Key("holders", mint, limit, null), infoNanos, () -> market.largestHolders(mint, limit));
    }

    @Override
    public Optional<Authorities> authorities(Mint mint) {
        return cached(new Key("authorities", mint, null, null), infoNanos, () -> market.authorities(mint));
    }

    @Override
    public Optional<SolUsd> solUsd() {
        return cached(new Key("sol-usd", null, null, null), pricesNanos, market::solUsd);
    }

    /** The balances of {@code bot}'s wallet labelled {@code wallet}, each token at its (cached) price. */
    Optional<WalletBalances> balances(BotId bot, String wallet) {
        Optional<WalletBalances> balances =
                cached(new Key("wallet", bot, wallet, null), walletsNanos, () -> executor.balances(bot, wallet));
        return balances.map(b -> b.withPrices(this::price));
    }

    /** The cached value of {@code key}, loaded with {@code load} if missing or older than {@code ttlNanos}. */
    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, long ttlNanos, Supplier<T> load) {
        if (ttlNanos <= 0) {
            return Objects.requireNonNull(load.get(), "the market data answered null");
        }
        long now = clock.nanos();
        Entry entry = entries.get(key);
        if (entry == null || now >= entry.expiresAt()) {
            entry = entries.compute(key, (k, old) -> {
                if (old != null && now < old.expiresAt()) {
                    return old; // another reader loaded it meanwhile
                }
                Object value = Objects.requireNonNull(load.get(), "the market data answered null");
                return new Entry(value, now + ttlNanos);
            });
            if (loads.incrementAndGet() % SWEEP_EVERY == 0 && entries.size() > SWEEP_ABOVE) {
                entries.values().removeIf(e -> now >= e.expiresAt());
            }
        }
        return (T) entry.value();
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
    }
}
