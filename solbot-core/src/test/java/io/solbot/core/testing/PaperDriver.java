package io.solbot.core.testing;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.spi.MarketView;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Orders;
import io.solbot.core.spi.StopReason;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A minimal, single-threaded backtest loop for strategy tests and benchmarks, standing in for the engine: every tick
 * it advances a {@link SimulatedMarket} to the next tick time, ticks each bot in the order added, executes the orders
 * a tick placed through a {@link SwapExecutor} at that time, and hands fills and failures back to the bot. Positions
 * follow the fills (cost basis includes fees and tips).
 *
 * <p>Not the engine: no safety checks, budgets, journal or threads. Deterministic: with a seeded market, a seeded
 * executor and this driver's seed, a run repeats exactly, which {@link Result#fingerprint()} makes easy to check.
 * Not thread-safe.
 */
public final class PaperDriver {
    /** Everything a run produced, in the order it happened. */
    public record Result(List<Fill> fills, List<OrderFailure> failures, long ticks, long events) {
        public Result {
            fills = List.copyOf(fills);
            failures = List.copyOf(failures);
        }

        /**
         * SHA-256 (hex) over every field of every fill and failure, one line each: two runs with equal
         * fingerprints traded the same, byte for byte.
         */
        public String fingerprint() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Fill f : fills) {
                    sha.update(line(f).getBytes(StandardCharsets.UTF_8));
                }
                for (OrderFailure f : failures) {
                    sha.update(line(f).getBytes(StandardCharsets.UTF_8));
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static String line(Fill f) {
            return String.join(
                            "|",
                            f.orderId().value(),
                            f.botId().value(),
                            f.mint().address(),
                            f.side().name(),
                            f.amountIn().raw().toString(),
                            f.amountOut().raw().toString(),
                            f.price().value().toPlainString(),
                            Long.toString(f.fee().value()),
                            Long.toString(f.tip().value()),
                            f.signature().value(),
                            Integer.toString(f.part()),
                            Integer.toString(f.parts()),
                            f.submittedAt().toString(),
                            f.filledAt().toString())
                    + "\n";
        }

        static String line(OrderFailure f) {
            return String.join(
                            "|",
                            f.orderId().value(),
                            f.mint().address(),
                            f.side().name(),
                            f.stage(),
                            f.reason(),
                            f.at().toString())
                    + "\n";
        }
    }

    private final SimulatedMarket market;
    private final SwapExecutor executor;
    private final Duration tick;
    private final int slippageBps;
    private final Lamports priorityFee;
    private final List<Bot> bots = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<OrderFailure> failures = new ArrayList<>();
    private long ticks;
    private boolean started;

    /**
     * @param tick time between ticks
     * @param slippageBps the slippage every order allows
     * @param priorityFee the priority fee every order pays per transaction
     */
    public PaperDriver(
            SimulatedMarket market, SwapExecutor executor, Duration tick, int slippageBps, Lamports priorityFee) {
        this.market = Objects.requireNonNull(market, "market");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.tick = Objects.requireNonNull(tick, "tick");
        this.slippageBps = slippageBps;
        this.priorityFee = Objects.requireNonNull(priorityFee, "priorityFee");
    }

    /** Adds a bot; its context's randomness (and so its order ids) comes from {@code seed}. */
    public PaperDriver bot(BotId id, Strategy strategy, long seed) {
        bots.add(new Bot(id, strategy, new SplittableRandom(seed)));
        return this;
    }

    /** Ticks until the market's time reaches {@code until}, then stops the bots. */
    public Result runUntil(Instant until) {
        start();
        while (market.now().isBefore(until)) {
            step();
        }
        return stop();
    }

    /** Ticks until the market has no more events (a replay or a scripted series), then stops the bots. */
    public Result runToEnd() {
        start();
        while (market.nextEventTime().isPresent()) {
            step();
        }
        return stop();
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        market.advanceTo(market.now());
        for (Bot bot : bots) {
            call(bot, () -> bot.strategy.onStart(bot));
        }
    }

    private void step() {
        Instant t = market.now().plus(tick);
        market.advanceTo(t);
        ticks++;
        for (Bot bot : bots) {
            bot.now = t;
            call(bot, () -> bot.strategy.onTick(bot));
            while (!bot.placed.isEmpty()) {
                SwapOrder order = bot.placed.removeFirst();
                switch (executor.execute(order)) {
                    case SwapOutcome.Filled f -> f.fills().forEach(fill -> deliver(bot, fill));
                    case SwapOutcome.Failed f -> {
                        f.partialFills().forEach(fill -> deliver(bot, fill));
                        failures.add(f.failure());
                        call(bot, () -> bot.strategy.onOrderFailed(bot, f.failure()));
                    }
                }
            }
        }
    }

    private Result stop() {
        for (Bot bot : bots) {
            bot.strategy.onStop(bot, StopReason.COMPLETED);
        }
        return new Result(fills, failures, ticks, market.eventsApplied());
    }

    private void deliver(Bot bot, Fill fill) {
        fills.add(fill);
        bot.apply(fill);
        call(bot, () -> bot.strategy.onFill(bot, fill));
    }

    private interface Callback {
        void run() throws Exception;
    }

    private static void call(Bot bot, Callback callback) {
        try {
            callback.run();
        } catch (Exception e) {
            throw new IllegalStateException("bot " + bot.id + " failed: " + e, e);
        }
    }

    private final class Bot implements StrategyContext, Orders, MarketView, StrategyState {
        final BotId id;
        final Strategy strategy;
        final RandomGenerator random;
        final HeldPositions positions = new HeldPositions();
        final Map<String, String> state = new LinkedHashMap<>();
        final ArrayList<SwapOrder> placed = new ArrayList<>();
        Instant now;

        Bot(BotId id, Strategy strategy, RandomGenerator random) {
            this.id = id;
            this.strategy = strategy;
            this.random = random;
            this.now = market.now();
        }

        void apply(Fill fill) {
            positions.apply(fill);
        }

        @Override
        public BotId botId() {
            return id;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public MarketView market() {
            return this;
        }

        @Override
        public Optional<io.solbot.core.domain.Price> price(Mint mint) {
            return market.price(mint);
        }

        @Override
        public Orders orders() {
            return this;
        }

        @Override
        public OrderResult buy(Mint mint, Lamports sol) {
            if (sol.value() <= 0) {
                return new OrderResult.Refused("a buy spends a positive amount, but was " + sol);
            }
            return place(mint, Side.BUY, sol.toTokenAmount());
        }

        @Override
        public OrderResult sell(Mint mint, TokenAmount quantity) {
            Position held = positions.get(mint);
            if (held == null || quantity.signum() <= 0 || quantity.compareTo(held.quantity()) > 0) {
                return new OrderResult.Refused("cannot sell " + quantity + " of " + mint + ": holding "
                        + (held == null ? "none" : held.quantity()));
            }
            return place(mint, Side.SELL, quantity);
        }

        private OrderResult place(Mint mint, Side side, TokenAmount amount) {
            OrderId orderId = OrderId.random(random);
            placed.add(new SwapOrder(orderId, id, mint, side, amount, slippageBps, priorityFee, now));
            return new OrderResult.Submitted(orderId);
        }

        @Override
        public List<Position> positions() {
            return positions.all();
        }

        @Override
        public StrategyState state() {
            return this;
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(state.get(key));
        }

        @Override
        public void put(String key, String value) {
            state.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        }

        @Override
        public void remove(String key) {
            state.remove(key);
        }

        @Override
        public Map<String, String> asMap() {
            return Map.copyOf(state);
        }
    }
}
