package io.solbot.core.testing;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.spi.MarketView;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Orders;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link StrategyContext} for unit tests of a strategy, with no engine behind it: the test sets prices and the
 * time, the context records every order, and {@link #fill} turns an order into a fill at a given price and updates
 * the positions the way the engine would. Not thread-safe, like the real context.
 */
public final class RecordingStrategyContext implements StrategyContext {
    /** An order the strategy placed. {@code sol} is set for buys, {@code quantity} for sells. */
    public record PlacedOrder(OrderId id, Side side, Mint mint, Lamports sol, TokenAmount quantity) {}

    private final BotId botId;
    private final Map<Mint, Price> prices = new HashMap<>();
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
                    now);
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
                    now);
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
        return mint -> Optional.ofNullable(prices.get(mint));
    }

    @Override
    public Orders orders() {
        return new Orders() {
            @Override
            public OrderResult buy(Mint mint, Lamports sol) {
                return place(new PlacedOrder(OrderId.random(random), Side.BUY, mint, sol, null));
            }

            @Override
            public OrderResult sell(Mint mint, TokenAmount quantity) {
                return place(new PlacedOrder(OrderId.random(random), Side.SELL, mint, null, quantity));
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
                state.put(java.util.Objects.requireNonNull(key), java.util.Objects.requireNonNull(value));
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
