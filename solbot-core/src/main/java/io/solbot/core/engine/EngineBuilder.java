package io.solbot.core.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.solbot.core.Owner;
import io.solbot.core.SolbotException;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Price;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.market.MarketData;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.core.store.FillStore;
import io.solbot.core.store.InMemoryFillStore;
import io.solbot.core.store.InMemoryJournal;
import io.solbot.core.store.InMemoryRunStatusStore;
import io.solbot.core.store.Journal;
import io.solbot.core.store.RunStatusStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds a {@link SolbotEngine}. Every collaborator has a default: in-memory stores and journal, the system
 * clock, a {@link SimpleMeterRegistry}, a market with no prices and an executor that fails every order (pass a
 * paper or live executor to trade). Not thread-safe.
 */
public final class EngineBuilder {
    private StrategyRegistry registry;
    private final List<StrategyProvider<?>> providers = new ArrayList<>();
    private RunStatusStore runStatusStore = new InMemoryRunStatusStore();
    private FillStore fillStore = new InMemoryFillStore();
    private Journal journal = new InMemoryJournal();
    private MarketData marketData = NoMarket.INSTANCE;
    private SwapExecutor swapExecutor = order -> new SwapOutcome.Failed(
            new OrderFailure(
                    order.orderId(),
                    order.mint(),
                    order.side(),
                    "config",
                    "no SwapExecutor configured: pass one to SolbotEngine.builder().swapExecutor(...)",
                    order.submittedAt()),
            List.of());
    private InstantSource clock = InstantSource.system();
    private MeterRegistry meterRegistry;
    private long seed = 1;
    private boolean spreadFirstTicks = true;
    private int staleAfterIntervals = 3;
    private Duration backoffInitial = Duration.ofSeconds(1);
    private Duration backoffMax = Duration.ofMinutes(5);
    private int maxRestarts = 5;
    private Duration restartWindow = Duration.ofMinutes(10);
    private Duration tickResolution = Duration.ofMillis(1);
    private String owner = Owner.thisProcess().toString();
    private Duration shutdownHookTimeout;
    private Duration intentExpiry = Duration.ofMinutes(2);
    private final List<OrderCheck> orderChecks = new ArrayList<>();
    private Duration storeRetryInterval = Duration.ofSeconds(1);
    private final List<Consumer<? super EngineEvent>> subscribers = new ArrayList<>();
    private MarketCache.Ttl cacheTtl = MarketCache.Ttl.DEFAULT;

    EngineBuilder() {}

    /** The providers bots can run; an alternative to {@link #strategyProvider}. */
    public EngineBuilder strategies(StrategyRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** Adds a provider explicitly (used when no {@link #strategies registry} is given). */
    public EngineBuilder strategyProvider(StrategyProvider<?> provider) {
        providers.add(Objects.requireNonNull(provider, "provider"));
        return this;
    }

    public EngineBuilder runStatusStore(RunStatusStore store) {
        this.runStatusStore = Objects.requireNonNull(store, "store");
        return this;
    }

    public EngineBuilder fillStore(FillStore store) {
        this.fillStore = Objects.requireNonNull(store, "store");
        return this;
    }

    public EngineBuilder journal(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
        return this;
    }

    public EngineBuilder marketData(MarketData marketData) {
        this.marketData = Objects.requireNonNull(marketData, "marketData");
        return this;
    }

    public EngineBuilder swapExecutor(SwapExecutor executor) {
        this.swapExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * The engine's clock. A {@link SimulatedClock} makes the engine run in simulated time: no scheduler thread,
     * and ticks run only when the clock is {@linkplain SimulatedClock#advance advanced}.
     */
    public EngineBuilder clock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Where metrics go; by default a private {@link SimpleMeterRegistry}. */
    public EngineBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** The seed of every bot's randomness ({@code ctx.random()}, order ids) and of the first-tick spread. */
    public EngineBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Whether a started bot's first tick comes at a point within its first interval derived from its id and the
     * seed (the default), rather than at once. Spreading keeps 10,000 bots started together from ticking in one
     * burst every interval.
     */
    public EngineBuilder spreadFirstTicks(boolean spread) {
        this.spreadFirstTicks = spread;
        return this;
    }

    /** A tick still running after this many intervals counts as stuck, and the bot is restarted; default 3. */
    public EngineBuilder staleAfterIntervals(int intervals) {
        if (intervals < 1) {
            throw new IllegalArgumentException("staleAfterIntervals must be at least 1, but was " + intervals);
        }
        this.staleAfterIntervals = intervals;
        return this;
    }

    /** The watchdog waits {@code initial}, then twice that, and so on up to {@code max}; default 1 s to 5 min. */
    public EngineBuilder restartBackoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "restartBackoff needs 0 < initial <= max, but was " + initial + " and " + max);
        }
        this.backoffInitial = initial;
        this.backoffMax = max;
        return this;
    }

    /** After {@code restarts} watchdog restarts within {@code window}, the next failure is final; default 5 in 10 min. */
    public EngineBuilder maxRestarts(int restarts, Duration window) {
        if (restarts < 0 || window.isNegative()) {
            throw new IllegalArgumentException(
                    "maxRestarts needs restarts >= 0 and a positive window, but was " + restarts + " and " + window);
        }
        this.maxRestarts = restarts;
        this.restartWindow = window;
        return this;
    }

    /** The width of one slot of the scheduler's timing wheel in real time; default 1 ms. */
    public EngineBuilder tickResolution(Duration resolution) {
        if (resolution.compareTo(Duration.ofNanos(100_000)) < 0 || resolution.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("tickResolution must be between 100 µs and 1 s, but was " + resolution);
        }
        this.tickResolution = resolution;
        return this;
    }

    /** Who runs the bots, written to each journal entry; default this process, {@code pid@host#boot} ({@link Owner}). */
    public EngineBuilder owner(String owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
        return this;
    }

    /**
     * How long after it was sent an order found in flight by a recovery may stay unknown to the executor before
     * it counts as failed (expired); default 2 minutes, more than a Solana blockhash lives.
     */
    public EngineBuilder intentExpiry(Duration expiry) {
        if (expiry.isNegative()) {
            throw new IllegalArgumentException("intentExpiry cannot be negative, but was " + expiry);
        }
        this.intentExpiry = expiry;
        return this;
    }

    /**
     * How often fills the fill store refused (database unreachable) are tried again, and orders of a recovery
     * whose outcome is not known yet are asked about again; default 1 second.
     */
    public EngineBuilder storeRetryInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("storeRetryInterval must be positive, but was " + interval);
        }
        this.storeRetryInterval = interval;
        return this;
    }

    /**
     * How long what bots read of the market stays fresh in the engine's cache, so that many bots reading one token
     * cost one read of the market data: {@code prices} for prices, pools, candles and the SOL price (default 250
     * ms), {@code lists} for the new-token feed, trending and the token lists (default 1 s), {@code info} for token
     * info, holders and authorities (default 5 s). Zero reads through. On a {@link SimulatedClock} these are
     * simulated time, so a run repeats.
     *
     * @throws IllegalArgumentException if a duration is negative
     */
    public EngineBuilder marketCacheTtl(Duration prices, Duration lists, Duration info) {
        this.cacheTtl = new MarketCache.Ttl(
                Objects.requireNonNull(prices, "prices"),
                Objects.requireNonNull(lists, "lists"),
                Objects.requireNonNull(info, "info"),
                cacheTtl.wallets());
        return this;
    }

    /**
     * How long a bot's wallet balances stay fresh in the engine's cache; zero (the default) reads the executor each
     * time, since each bot reads its own wallets and a cached balance would not show a fill of the same moment. A
     * host whose executor reads a remote node may cache them briefly.
     *
     * @throws IllegalArgumentException if {@code ttl} is negative
     */
    public EngineBuilder walletCacheTtl(Duration ttl) {
        this.cacheTtl = new MarketCache.Ttl(
                cacheTtl.prices(), cacheTtl.lists(), cacheTtl.info(), Objects.requireNonNull(ttl, "ttl"));
        return this;
    }

    /** Subscribes before the first bot starts; see {@link SolbotEngine#subscribe}. */
    public EngineBuilder subscriber(Consumer<? super EngineEvent> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
        return this;
    }

    /**
     * Registers a JVM shutdown hook (run on SIGINT and SIGTERM) that calls {@link SolbotEngine#shutdown} with
     * {@code timeout}; removed again by an explicit shutdown.
     */
    public EngineBuilder shutdownHook(Duration timeout) {
        this.shutdownHookTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Builds and starts the engine (its scheduler thread, or its attachment to a {@link SimulatedClock}).
     *
     * @throws SolbotException if an explicitly given provider is refused
     */
    public SolbotEngine build() {
        if (registry != null && !providers.isEmpty()) {
            throw new IllegalStateException("give either a StrategyRegistry or providers, not both");
        }
        return new SolbotEngine(new EngineSettings(
                registry != null ? registry : registryOf(providers),
                runStatusStore,
                fillStore,
                journal,
                marketData,
                swapExecutor,
                clock,
                meterRegistry != null ? meterRegistry : new SimpleMeterRegistry(),
                seed,
                spreadFirstTicks,
                staleAfterIntervals,
                backoffInitial,
                backoffMax,
                maxRestarts,
                restartWindow,
                tickResolution,
                owner,
                shutdownHookTimeout,
                intentExpiry,
                storeRetryInterval,
                subscribers,
                orderChecks,
                cacheTtl));
    }

    /**
     * Adds a check that every order passes after the engine's own limits, in the order added; see {@link
     * OrderCheck}.
     */
    public EngineBuilder orderCheck(OrderCheck check) {
        orderChecks.add(Objects.requireNonNull(check, "check"));
        return this;
    }

    private static StrategyRegistry registryOf(List<StrategyProvider<?>> providers) {
        StrategyRegistry.Builder b = StrategyRegistry.builder();
        providers.forEach(b::register);
        StrategyRegistry registry = b.build();
        if (!registry.refusals().isEmpty()) {
            throw new SolbotException(registry.refusals().getFirst().message());
        }
        return registry;
    }

    /** The default market: knows no token. */
    private enum NoMarket implements MarketData {
        INSTANCE;

        @Override
        public Optional<Price> price(Mint mint) {
            return Optional.empty();
        }

        @Override
        public Optional<Integer> decimals(Mint mint) {
            return Optional.empty();
        }

        @Override
        public Set<String> capabilities() {
            return Set.of();
        }
    }
}
