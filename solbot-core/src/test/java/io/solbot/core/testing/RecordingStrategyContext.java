package io.solbot.core.testing;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.SolUsd;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.domain.TokenInfo;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.spi.MarketView;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Orders;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyState;
import io.solbot.core.spi.WalletView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link StrategyContext} for unit tests of a strategy, with no engine behind it: the test scripts what the market
 * and the wallets show (prices, pools, candles, token info, holders, authorities, new tokens, the token lists, the
 * SOL price, wallet balances, wallet swaps) and the time, the context records every order with its options, and {@link #fill} turns
 * an order into a fill at the current price and updates the positions the way the engine would. A read the test did
 * not script answers empty, as an engine without that data does. Not thread-safe, like the real context.
 */
public final class RecordingStrategyContext implements StrategyContext {
    /** An order the strategy placed. {@code sol} is set for buys, {@code quantity} for sells. */
    public record PlacedOrder(
            OrderId id, Side side, Mint mint, Lamports sol, TokenAmount quantity, OrderOptions options) {
        /** An order placed without options. */
        public PlacedOrder(OrderId id, Side side, Mint mint, Lamports sol, TokenAmount quantity) {
            this(id, side, mint, sol, quantity, OrderOptions.NONE);
        }
    }

    private final BotId botId;
    private final Map<Mint, Price> prices = new HashMap<>();
    private final Map<Mint, Pool> pools = new HashMap<>();
    private final Map<Mint, TokenInfo> infos = new HashMap<>();
    private final Map<Mint, List<Holder>> holders = new HashMap<>();
    private final Map<Mint, Authorities> authorities = new HashMap<>();
    private final List<NewToken> newTokens = new ArrayList<>();
    private final List<WalletSwap> walletSwaps = new ArrayList<>();
    private final Map<TokenFeed, List<Mint>> feeds = new HashMap<>();
    private final Map<Duration, List<Mint>> trending = new HashMap<>();
    private final Map<Mint, Map<Duration, Candle>> candles = new HashMap<>();
    private final Map<Mint, Map<Duration, List<Candle>>> candleSeries = new HashMap<>();
    private final Map<String, WalletBalances> wallets = new HashMap<>();
    private SolUsd solUsd;
    private final Map<Integer, Long> priorityFees = new HashMap<>();
    private final Map<Mint, Integer> decimals = new HashMap<>();
    private final List<PlacedOrder> orders = new ArrayList<>();
    private final HeldPositions positions = new HeldPositions();
    private final Map<String, String> state = new LinkedHashMap<>();
    private final RandomGenerator random = new SplittableRandom(42);
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private String refusal;
    private int signatures;

    public RecordingStrategyContext(BotId botId) {
        this.botId = botId;
    }

    /** Sets the price of {@code mint}; the token has 6 decimals unless {@link #decimals} says otherwise. */
    public RecordingStrategyContext price(Mint mint, String price) {
        prices.put(mint, Price.of(price));
        return this;
    }

    public RecordingStrategyContext decimals(Mint mint, int value) {
        decimals.put(mint, value);
        return this;
    }

    public RecordingStrategyContext clearPrice(Mint mint) {
        prices.remove(mint);
        return this;
    }

    /** Sets the pool {@code market().pool(pool.mint())} answers. */
    public RecordingStrategyContext pool(Pool pool) {
        pools.put(pool.mint(), pool);
        return this;
    }

    /** Sets the token info {@code market().tokenInfo(info.mint())} answers. */
    public RecordingStrategyContext tokenInfo(TokenInfo info) {
        infos.put(info.mint(), info);
        return this;
    }

    /** Sets the holders of {@code mint}, largest first; {@code largestHolders} answers the first {@code limit}. */
    public RecordingStrategyContext holders(Mint mint, List<Holder> value) {
        holders.put(mint, List.copyOf(value));
        return this;
    }

    public RecordingStrategyContext authorities(Mint mint, Authorities value) {
        authorities.put(mint, value);
        return this;
    }

    /** Adds a token to the new-token feed; add them oldest first, as the feed lists them. */
    public RecordingStrategyContext newToken(NewToken token) {
        newTokens.add(token);
        return this;
    }

    /**
     * Adds a swap to those {@code market().walletSwaps(wallet, after)} answers (the swaps of that wallet after {@code
     * after}, in the order added); add them oldest first, as a market lists them.
     */
    public RecordingStrategyContext walletSwap(WalletSwap swap) {
        walletSwaps.add(Objects.requireNonNull(swap, "swap"));
        return this;
    }

    /** Sets the tokens {@code market().tokens(feed, limit)} lists, in order; it answers the first {@code limit}. */
    public RecordingStrategyContext feed(TokenFeed feed, Mint... mints) {
        feeds.put(feed, List.of(mints));
        return this;
    }

    /** Sets the tokens {@code market().trending(window, limit)} lists for exactly this {@code window}, in order. */
    public RecordingStrategyContext trending(Duration window, Mint... mints) {
        trending.put(window, List.of(mints));
        return this;
    }

    /** Sets what {@code market().candle(mint, window)} answers for exactly this {@code window}. */
    public RecordingStrategyContext candle(Mint mint, Duration window, Candle candle) {
        candles.computeIfAbsent(mint, m -> new HashMap<>()).put(window, candle);
        return this;
    }

    /**
     * Sets the candles of {@code width} of {@code mint}, oldest first; {@code market().candles(mint, width, count)}
     * answers the last {@code count}.
     */
    public RecordingStrategyContext candles(Mint mint, Duration width, List<Candle> series) {
        candleSeries.computeIfAbsent(mint, m -> new HashMap<>()).put(width, List.copyOf(series));
        return this;
    }

    /**
     * Sets what {@code market().recentPriorityFee(percentile)} answers, micro-lamports per compute unit; {@code null}
     * to answer empty again.
     */
    public RecordingStrategyContext recentPriorityFee(int percentile, Long microLamports) {
        if (microLamports == null) {
            priorityFees.remove(percentile);
        } else {
            priorityFees.put(percentile, microLamports);
        }
        return this;
    }

    /** Sets the price of SOL in USD, for example {@code "150"}. */
    public RecordingStrategyContext solUsd(String usdPerSol) {
        this.solUsd = SolUsd.of(usdPerSol);
        return this;
    }

    /**
     * Sets the balances of the wallet they name; {@code wallet().balances(label)} answers them with each token at the
     * price set with {@link #price} (or none).
     */
    public RecordingStrategyContext wallet(WalletBalances balances) {
        wallets.put(balances.wallet(), balances);
        return this;
    }

    public RecordingStrategyContext advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** Makes every following order be refused with {@code reason}; null to accept again. */
    public RecordingStrategyContext refuseOrders(String reason) {
        this.refusal = reason;
        return this;
    }

    public List<PlacedOrder> placedOrders() {
        return List.copyOf(orders);
    }

    /**
     * Fills {@code order} completely at the current price of its mint, with a 5 000-lamport fee, updates the
     * positions, and returns the fill to pass to {@code onFill}.
     */
    public Fill fill(PlacedOrder order) {
        Price price = prices.get(order.mint());
        int dec = decimals.getOrDefault(order.mint(), 6);
        Lamports fee = Lamports.of(5_000);
        byte[] sig = new byte[64];
        sig[0] = (byte) ++signatures;
        Fill fill;
        if (order.side() == Side.BUY) {
            TokenAmount tokens = price.tokensFor(order.sol(), dec);
            fill = new Fill(
                    order.id(),
                    botId,
                    order.mint(),
                    Side.BUY,
                    order.sol().toTokenAmount(),
                    tokens,
                    price,
                    fee,
                    Lamports.ZERO,
                    TxSignature.ofBytes(sig),
                    1,
                    1,
                    now,
                    now,
                    order.options().reason().orElse(Fill.ENTRY));
        } else {
            Lamports sol = price.solFor(order.quantity());
            fill = new Fill(
                    order.id(),
                    botId,
                    order.mint(),
                    Side.SELL,
                    order.quantity(),
                    sol.toTokenAmount(),
                    price,
                    fee,
                    Lamports.ZERO,
                    TxSignature.ofBytes(sig),
                    1,
                    1,
                    now,
                    now,
                    order.options().reason().orElse(Fill.EXIT));
        }
        positions.apply(fill);
        return fill;
    }

    @Override
    public BotId botId() {
        return botId;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public MarketView market() {
        return new MarketView() {
            @Override
            public Optional<Price> price(Mint mint) {
                return Optional.ofNullable(prices.get(mint));
            }

            @Override
            public Optional<Pool> pool(Mint mint) {
                return Optional.ofNullable(pools.get(mint));
            }

            @Override
            public List<NewToken> newTokens(Instant after) {
                return newTokens.stream()
                        .filter(t -> t.listedAt().isAfter(after))
                        .toList();
            }

            @Override
            public List<WalletSwap> walletSwaps(String wallet, Instant after) {
                return walletSwaps.stream()
                        .filter(s -> s.wallet().equals(wallet) && s.at().isAfter(after))
                        .toList();
            }

            @Override
            public List<Mint> tokens(TokenFeed feed, int limit) {
                List<Mint> mints = feeds.getOrDefault(feed, List.of());
                return mints.subList(0, Math.min(limit, mints.size()));
            }

            @Override
            public List<Mint> trending(Duration window, int limit) {
                List<Mint> mints = trending.getOrDefault(window, List.of());
                return mints.subList(0, Math.min(limit, mints.size()));
            }

            @Override
            public Optional<Candle> candle(Mint mint, Duration window) {
                return Optional.ofNullable(candles.getOrDefault(mint, Map.of()).get(window));
            }

            @Override
            public List<Candle> candles(Mint mint, Duration width, int count) {
                List<Candle> series = candleSeries.getOrDefault(mint, Map.of()).getOrDefault(width, List.of());
                return series.subList(Math.max(0, series.size() - count), series.size());
            }

            @Override
            public Optional<TokenInfo> tokenInfo(Mint mint) {
                return Optional.ofNullable(infos.get(mint));
            }

            @Override
            public List<Holder> largestHolders(Mint mint, int limit) {
                List<Holder> all = holders.getOrDefault(mint, List.of());
                return all.subList(0, Math.min(limit, all.size()));
            }

            @Override
            public Optional<Authorities> authorities(Mint mint) {
                return Optional.ofNullable(authorities.get(mint));
            }

            @Override
            public OptionalLong recentPriorityFee(int percentile) {
                Long fee = priorityFees.get(percentile);
                return fee == null ? OptionalLong.empty() : OptionalLong.of(fee);
            }

            @Override
            public Optional<SolUsd> solUsd() {
                return Optional.ofNullable(solUsd);
            }
        };
    }

    @Override
    public WalletView wallet() {
        return label -> Optional.ofNullable(wallets.get(label))
                .map(w -> w.withPrices(mint -> Optional.ofNullable(prices.get(mint))));
    }

    @Override
    public Orders orders() {
        return new Orders() {
            @Override
            public OrderResult buy(Mint mint, Lamports sol) {
                return buy(mint, sol, OrderOptions.NONE);
            }

            @Override
            public OrderResult sell(Mint mint, TokenAmount quantity) {
                return sell(mint, quantity, OrderOptions.NONE);
            }

            @Override
            public OrderResult buy(Mint mint, Lamports sol, OrderOptions options) {
                return place(new PlacedOrder(
                        OrderId.random(random), Side.BUY, mint, sol, null, Objects.requireNonNull(options)));
            }

            @Override
            public OrderResult sell(Mint mint, TokenAmount quantity, OrderOptions options) {
                return place(new PlacedOrder(
                        OrderId.random(random), Side.SELL, mint, null, quantity, Objects.requireNonNull(options)));
            }
        };
    }

    private OrderResult place(PlacedOrder order) {
        if (refusal != null) {
            return new OrderResult.Refused(refusal);
        }
        orders.add(order);
        return new OrderResult.Submitted(order.id());
    }

    @Override
    public List<Position> positions() {
        return positions.all();
    }

    @Override
    public StrategyState state() {
        return new StrategyState() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(state.get(key));
            }

            @Override
            public void put(String key, String value) {
                state.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            }

            @Override
            public void remove(String key) {
                state.remove(key);
            }

            @Override
            public Map<String, String> asMap() {
                return Map.copyOf(state);
            }
        };
    }

    @Override
    public RandomGenerator random() {
        return random;
    }
}
