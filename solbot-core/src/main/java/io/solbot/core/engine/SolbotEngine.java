package io.solbot.core.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.event.Subscription;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.market.MarketData;
import io.solbot.core.plugin.RegisteredProvider;
import io.solbot.core.plugin.StrategyRegistry;
import io.solbot.core.spi.Capability;
import io.solbot.core.spi.MarketView;
import io.solbot.core.spi.StopReason;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.core.store.InMemoryJournal;
import io.solbot.core.store.InMemoryRunStatusStore;
import io.solbot.core.store.InMemoryTradeStore;
import io.solbot.core.store.Journal;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.core.store.RunRecord;
import io.solbot.core.store.RunStatusStore;
import io.solbot.core.store.TradeStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs many bots in one JVM: each bot is a {@link Strategy} instance from a {@link StrategyProvider}, ticked at its
 * own interval, with its orders passed through one pipeline (limits, journal, executor, trade store, events). All
 * hot state lives in memory; the stores and the journal are written only on lifecycle changes and trades, never per
 * tick.
 *
 * <pre>{@code
 * SolbotEngine engine = SolbotEngine.builder()
 *         .strategyProvider(new MaCrossProvider())
 *         .marketData(market)
 *         .swapExecutor(paperExecutor)
 *         .build();
 * engine.start(BotSpec.builder(BotId.of("ma-1"), "ma-cross", config).interval(Duration.ofSeconds(5)).build());
 * engine.status(BotId.of("ma-1"));
 * engine.shutdown(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Threading: every method is thread-safe. The engine never calls one bot's strategy concurrently, and each of its
 * callbacks happens-after the previous one; different bots run in parallel on virtual threads, so a callback may
 * block without holding up other bots. One scheduler thread finds due bots; a tick that is due while the bot's
 * previous tick still runs is skipped and counted, never queued; one due while a message (onStart, a fill) holds
 * the bot runs right after it. A callback that throws, or a tick that runs
 * longer than {@code staleAfterIntervals} intervals, makes the watchdog restart the bot with exponential backoff;
 * after {@code maxRestarts} restarts within the restart window the bot is FAILED. Event subscribers run on threads of
 * their own.
 */
public final class SolbotEngine implements AutoCloseable {
    /** The MDC key that holds the bot id on every thread that runs one of its callbacks. */
    public static final String MDC_BOT_ID = "botId";

    private static final Logger log = LoggerFactory.getLogger(SolbotEngine.class);

    private final StrategyRegistry registry;
    private final RunStatusStore runStatusStore;
    private final Journal journal;
    private final TradeStore tradeStore;
    private final SwapExecutor swapExecutor;
    private final Duration intentExpiry;
    private final Duration storeRetryInterval;
    /** Bots with fills to store or recovered orders to resolve, worked off by the retry thread. */
    private final Set<BotRuntime> retrying = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean retryStarted = new AtomicBoolean();
    private volatile Thread retryThread;
    private final MarketData marketData;
    private final MarketView marketView;
    /** What the market data and the executor supply together; a bot whose provider needs more is refused. */
    private final Set<Capability> supplied;

    private final InstantSource clock;
    private final SimulatedClock simClock;
    private final long nanoOrigin;
    private final long seed;
    private final boolean spreadFirstTicks;
    private final int staleAfterIntervals;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final int maxRestarts;
    private final Duration restartWindow;
    private final String owner;
    private final EngineMetrics metrics;
    private final EventBus events;
    private final Tracker tracker;
    /**
     * Virtual threads for ticks, callbacks, orders and events, started directly rather than through an executor:
     * the engine counts its work itself ({@link Tracker}), and an executor's thread bookkeeping cost more than the
     * tick it ran.
     */
    private final ThreadFactory jobThreads =
            Thread.ofVirtual().name("solbot-job").factory();

    private volatile boolean jobsClosed;
    private final OrderDesk orderDesk;
    private final TickScheduler scheduler;
    private final ConcurrentHashMap<BotId, BotRuntime> bots = new ConcurrentHashMap<>();
    private final AtomicBoolean shutdown = new AtomicBoolean();
    /** Completed with the first shutdown's result when it has marked the runs STOPPED; later calls wait on it. */
    private final CompletableFuture<Boolean> shutdownDone = new CompletableFuture<>();

    private final Thread shutdownHook;

    private SolbotEngine(Builder b) {
        this.registry = b.registry != null ? b.registry : registryOf(b.providers);
        this.runStatusStore = b.runStatusStore;
        this.journal = b.journal;
        this.tradeStore = b.tradeStore;
        this.swapExecutor = b.swapExecutor;
        this.intentExpiry = b.intentExpiry;
        this.storeRetryInterval = b.storeRetryInterval;
        this.marketData = b.marketData;
        this.marketView = marketData::price;
        Set<Capability> caps = new HashSet<>();
        Objects.requireNonNull(marketData.capabilities(), "marketData.capabilities()")
                .forEach(n -> caps.add(Capability.of(n)));
        Objects.requireNonNull(b.swapExecutor.capabilities(), "swapExecutor.capabilities()")
                .forEach(n -> caps.add(Capability.of(n)));
        this.supplied = Set.copyOf(caps);
        this.clock = b.clock;
        this.simClock = b.clock instanceof SimulatedClock s ? s : null;
        this.nanoOrigin = System.nanoTime();
        this.seed = b.seed;
        this.spreadFirstTicks = b.spreadFirstTicks;
        this.staleAfterIntervals = b.staleAfterIntervals;
        this.backoffInitial = b.backoffInitial;
        this.backoffMax = b.backoffMax;
        this.maxRestarts = b.maxRestarts;
        this.restartWindow = b.restartWindow;
        this.owner = b.owner;
        this.metrics = new EngineMetrics(b.meterRegistry);
        this.tracker = new Tracker(simClock != null);
        this.events = new EventBus(this::submitJob);
        b.subscribers.forEach(events::subscribe);
        this.orderDesk = new OrderDesk(this, b.swapExecutor, b.tradeStore, List.of(), simClock != null);
        long slotNanos = simClock != null ? simClock.resolution().toNanos() : b.tickResolution.toNanos();
        this.scheduler = new TickScheduler(this, slotNanos, staleAfterIntervals, simClock);
        this.shutdownHook = b.shutdownHookTimeout == null
                ? null
                : Thread.ofPlatform().name("solbot-shutdown").unstarted(() -> shutdown(b.shutdownHookTimeout));
        scheduler.start();
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** A builder with in-memory stores, the system clock, no market data and no executor. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a bot: restores what the stores and the journal know of it (its open positions and count of trades from
     * the trade store, its strategy state and the fills not yet stored from its journal entry), resolves the orders
     * its journal entry still holds through the executor, creates its strategy, calls {@code onStart}, and ticks it at
     * its interval from then on (the first tick comes within one interval, at a point spread by the bot's id unless
     * {@link Builder#spreadFirstTicks} is off). Writes the run status and the journal once.
     *
     * @return the bot's status right after the start
     * @throws IllegalBotStateException if a bot with this id is running or paused
     * @throws io.solbot.core.plugin.UnknownStrategyException if no provider offers the spec's strategy
     * @throws InvalidBotSpecException if the config is not of the provider's config type
     * @throws SolbotException if the provider fails to create the strategy, the engine is shut down, the bot's
     *     journal entry belongs to another live process, or its journal or trades cannot be read
     */
    public BotStatus start(BotSpec spec) {
        return launch(spec, false);
    }

    /**
     * Brings a bot back as its journal entry left it, after a crash or a stop: restores and resolves as {@link
     * #start} does, then a bot that was RUNNING runs again, a PAUSED one is paused ({@link #resume} runs it), and a
     * STOPPED or FAILED one stays so ({@link #restart} runs it). A bot without a journal entry is started.
     *
     * <p>Orders found in flight are never sent again, only resolved through {@link SwapExecutor#resolve}: their fills
     * are stored (each once) and applied to the positions before the bot acts. An order whose outcome is still
     * unknown stays reserved and is resolved in the background, and treated as failed once {@link
     * Builder#intentExpiry} has passed since it was sent.
     *
     * @return the bot's status after the recovery
     * @throws SolbotException if the bot's journal entry belongs to another live process ({@code pid@host} on this
     *     host), or as {@link #start} throws
     */
    public BotStatus recover(BotSpec spec) {
        return launch(spec, true);
    }

    private BotStatus launch(BotSpec spec, boolean asJournalled) {
        Objects.requireNonNull(spec, "spec");
        ensureOpen();
        RegisteredProvider provider = registry.require(spec.strategyId());
        refuseUnmetNeeds(spec.botId(), provider);
        Class<?> configType = provider.provider().configType();
        if (!configType.isInstance(spec.config())) {
            throw new InvalidBotSpecException(
                    spec.botId(),
                    "config must be a " + configType.getName() + " for strategy '" + provider.id() + "', but was a "
                            + spec.config().getClass().getName());
        }
        BotId id = spec.botId();
        BotRuntime running = bots.get(id);
        if (running != null && !running.status.isFinal()) {
            throw new IllegalBotStateException(id, running.status, "started again");
        }
        Optional<JournalEntry> entry;
        List<Fill> stored;
        try {
            entry = journal.load(id);
            stored = tradeStore.fills(id);
        } catch (RuntimeException e) {
            throw new SolbotException(
                    "Bot '" + id + "' could not be started: its journal entry or its trades could not be read: " + e,
                    e);
        }
        if (entry.isPresent() && Owners.isAliveElsewhere(entry.get().owner(), owner)) {
            throw new SolbotException(
                    "Bot '" + id + "' is run by the live process " + entry.get().owner()
                            + " (its journal entry says so); stop that process first, this one leaves the bot alone");
        }
        boolean restoring = entry.isPresent() || !stored.isEmpty();
        // a restored bot draws its order ids from a fresh stream, so that no id of an earlier run comes up again
        long salt = restoring ? BotRuntime.mix(instant().toEpochMilli(), System.nanoTime() ^ stored.size()) | 1 : 0;
        BotRuntime bot = new BotRuntime(
                spec,
                provider.id(),
                metrics.strategy(provider.id()),
                configHash(provider.id(), spec.config()),
                seed,
                salt);
        BotRuntime[] replaced = new BotRuntime[1];
        bots.compute(id, (key, old) -> {
            if (old != null && !old.status.isFinal()) {
                throw new IllegalBotStateException(key, old.status, "started again");
            }
            replaced[0] = old;
            return bot;
        });
        RunStatus target = asJournalled && entry.isPresent() ? entry.get().status() : RunStatus.RUNNING;
        bot.lock.lock();
        try {
            if (shutdown.get()) {
                // shutdown() began after ensureOpen(): it may have walked the bots already and missed this one
                if (replaced[0] != null) {
                    bots.replace(id, bot, replaced[0]);
                } else {
                    bots.remove(id, bot);
                }
                throw closed();
            }
            if (replaced[0] != null) {
                metrics.statusChanged(replaced[0].status, null);
            }
            Strategy strategy = null;
            if (target == RunStatus.RUNNING) {
                try {
                    strategy = create(bot);
                } catch (RuntimeException e) {
                    bots.remove(bot.id, bot);
                    throw new SolbotException(
                            "Bot '" + bot.id + "' could not be started: strategy '" + bot.strategyId + "' threw " + e,
                            e);
                }
            }
            bot.startedAt = instant();
            setStatus(bot, target);
            if (restoring) {
                restore(bot, entry, stored);
            }
            if (target == RunStatus.RUNNING) {
                beginRun(bot, strategy);
                long phase = spreadFirstTicks
                        ? Math.floorMod(BotRuntime.mix(seed, bot.id.hashCode()), bot.intervalNanos)
                        : 0;
                scheduler.schedule(bot, nanos() + phase, false);
            } else if (target.isFinal()) {
                bot.stopReason = "recovered as " + target;
            }
            writeLifecycle(bot);
        } finally {
            bot.lock.unlock();
        }
        if (target != RunStatus.RUNNING) {
            log.info("Bot '{}' recovered as {}", bot.id, target);
            return snapshot(bot);
        }
        events.publish(new EngineEvent.BotStarted(bot.id, bot.strategyId, bot.startedAt));
        if (restoring) {
            log.info(
                    "Bot '{}' started ({}, every {}), restored with {} open positions and {} trades",
                    bot.id,
                    bot.strategyId,
                    spec.interval(),
                    bot.book.openPositions(),
                    bot.tradesExecuted);
        } else {
            log.info("Bot '{}' started ({}, every {})", bot.id, bot.strategyId, spec.interval());
        }
        return snapshot(bot);
    }

    /**
     * Rebuilds the bot's positions, counts and state from its stored fills and its journal entry, then resolves the
     * orders the entry holds in flight. The caller holds the bot's lock; the bot has no run yet.
     */
    private void restore(BotRuntime bot, Optional<JournalEntry> entry, List<Fill> stored) {
        Set<OrderId> orders = new HashSet<>();
        Set<OrderId> buys = new HashSet<>();
        Set<String> known = new HashSet<>();
        List<Fill> all = new ArrayList<>(stored);
        entry.ifPresent(e -> all.addAll(e.unstoredFills()));
        for (Fill fill : all) {
            if (!known.add(fillKey(fill))) {
                continue;
            }
            if (bot.book.apply(fill).signum() > 0) {
                log.warn("Bot '{}' restored a sell of more {} than its positions held", bot.id, fill.mint());
            }
            orders.add(fill.orderId());
            if (fill.side() == Side.BUY) {
                buys.add(fill.orderId());
            }
        }
        bot.tradesExecuted = orders.size();
        bot.buysFilled = buys.size();
        bot.restoredFills.addAll(known);
        if (entry.isEmpty()) {
            return;
        }
        Set<String> storedKeys = new HashSet<>();
        stored.forEach(f -> storedKeys.add(fillKey(f)));
        synchronized (bot.journalLock) {
            bot.state.putAll(entry.get().state());
            Set<String> kept = new HashSet<>();
            for (Fill fill : entry.get().unstoredFills()) {
                if (!storedKeys.contains(fillKey(fill)) && kept.add(fillKey(fill))) {
                    bot.unstoredFills.add(fill);
                }
            }
            // the store may have taken some before the crash; recording a failure again is harmless
            Set<OrderId> keptFailures = new HashSet<>();
            for (OrderFailure failure : entry.get().unstoredFailures()) {
                if (keptFailures.add(failure.orderId())) {
                    bot.unstoredFailures.add(failure);
                }
            }
        }
        int unstoredFills;
        int unstoredFailures;
        synchronized (bot.journalLock) {
            unstoredFills = bot.unstoredFills.size();
            unstoredFailures = bot.unstoredFailures.size();
        }
        if (unstoredFills > 0 || unstoredFailures > 0) {
            log.warn(
                    "Bot '{}' has {} fills and {} failed orders that wait to be stored",
                    bot.id,
                    unstoredFills,
                    unstoredFailures);
            retryLater(bot);
        }
        for (OrderIntent intent : entry.get().pendingIntents()) {
            SwapOrder order = new SwapOrder(
                    intent.orderId(),
                    bot.id,
                    intent.mint(),
                    intent.side(),
                    intent.amountIn(),
                    bot.spec.slippageBps(),
                    bot.spec.priorityFee(),
                    intent.createdAt());
            bot.book.reserveInFlight(intent.side(), intent.mint(), intent.amountIn());
            synchronized (bot.journalLock) {
                bot.intents.add(intent);
            }
            if (!resolve(bot, order)) {
                synchronized (bot.journalLock) {
                    bot.unresolved.add(order);
                }
                log.warn(
                        "Bot '{}' order {} was in flight and its outcome is not known yet; it stays reserved and is"
                                + " resolved in the background",
                        bot.id,
                        order.orderId());
                retryLater(bot);
            }
        }
    }

    /**
     * Asks the executor what became of an order a dead process sent, and settles it: true if it is settled (landed,
     * failed, or unknown for longer than the intent expiry), false if it must be asked again later.
     */
    private boolean resolve(BotRuntime bot, SwapOrder order) {
        Optional<SwapOutcome> outcome;
        try {
            outcome = swapExecutor.resolve(order);
        } catch (RuntimeException e) {
            log.warn("Bot '{}' could not resolve order {}: {}", bot.id, order.orderId(), e.toString());
            outcome = Optional.empty();
        }
        List<Fill> fills;
        OrderFailure failure;
        if (outcome.isPresent()) {
            fills = outcome.get() instanceof SwapOutcome.Filled f
                    ? f.fills()
                    : ((SwapOutcome.Failed) outcome.get()).partialFills();
            failure = outcome.get() instanceof SwapOutcome.Failed failed ? failed.failure() : null;
        } else if (order.submittedAt().plus(intentExpiry).isAfter(instant())) {
            return false;
        } else {
            fills = List.of();
            failure = new OrderFailure(
                    order.orderId(),
                    order.mint(),
                    order.side(),
                    "recovery",
                    "its outcome was still unknown " + intentExpiry + " after it was sent: treated as expired",
                    instant());
        }
        List<Fill> fresh = new ArrayList<>();
        boolean counted = false;
        for (Fill fill : fills) {
            if (bot.restoredFills.contains(fillKey(fill))) {
                counted = true;
            } else {
                fresh.add(fill);
            }
        }
        log.info(
                "Bot '{}' resolved order {} sent before a crash: {}",
                bot.id,
                order.orderId(),
                failure == null ? fills.size() + " fill(s)" : "failed at " + failure.stage() + ": " + failure.reason());
        orderDesk.settle(bot, order, fresh, failure, !counted, true);
        return true;
    }

    private static String fillKey(Fill fill) {
        return fill.orderId().value() + "#" + fill.part();
    }

    /** Has the retry thread store {@code bot}'s kept fills and resolve its unresolved orders, until both are done. */
    void retryLater(BotRuntime bot) {
        retrying.add(bot);
        if (retryStarted.compareAndSet(false, true)) {
            retryThread = Thread.ofVirtual().name("solbot-store-retry").start(this::retryLoop);
        }
    }

    private void retryLoop() {
        while (!shutdown.get()) {
            try {
                Thread.sleep(storeRetryInterval);
            } catch (InterruptedException e) {
                return;
            }
            for (BotRuntime bot : retrying) {
                retrying.remove(bot);
                boolean done;
                MDC.put(MDC_BOT_ID, bot.id.value());
                try {
                    done = retry(bot);
                } catch (RuntimeException e) {
                    log.warn("Bot '{}': retrying its store writes failed", bot.id, e);
                    done = false;
                } finally {
                    MDC.remove(MDC_BOT_ID);
                }
                if (!done) {
                    retrying.add(bot);
                }
            }
        }
    }

    /**
     * One retry: stores the bot's kept fills in order, then its kept failures, then resolves its unresolved orders;
     * true when none is left.
     */
    private boolean retry(BotRuntime bot) {
        // both, whatever the first gives: a fill the store keeps refusing must not hold the failures back
        boolean fillsStored = storeKept(bot, bot.unstoredFills, tradeStore::record, Fill::orderId, "fill(s)");
        boolean failuresStored = storeKept(
                bot,
                bot.unstoredFailures,
                f -> tradeStore.recordFailure(bot.id, f),
                OrderFailure::orderId,
                "failed order(s)");
        boolean failed = !fillsStored || !failuresStored;
        List<SwapOrder> open;
        synchronized (bot.journalLock) {
            open = List.copyOf(bot.unresolved);
        }
        for (SwapOrder order : open) {
            if (resolve(bot, order)) {
                synchronized (bot.journalLock) {
                    bot.unresolved.remove(order);
                }
            }
        }
        synchronized (bot.journalLock) {
            return !failed && bot.unstoredFills.isEmpty() && bot.unstoredFailures.isEmpty() && bot.unresolved.isEmpty();
        }
    }

    /**
     * Stores what the bot kept for the trade store ({@code kept}, guarded by its journal lock), oldest first, until
     * the store refuses one; rewrites the journal if any was stored. True when the store took all of them.
     */
    private <T> boolean storeKept(
            BotRuntime bot, List<T> kept, Consumer<T> store, Function<T, OrderId> orderId, String what) {
        int stored = 0;
        boolean failed = false;
        while (true) {
            T next;
            synchronized (bot.journalLock) {
                if (kept.isEmpty()) {
                    break;
                }
                next = kept.getFirst();
            }
            try {
                store.accept(next);
            } catch (RuntimeException e) {
                log.debug(
                        "Bot '{}': the trade store still refuses {} of order {}: {}",
                        bot.id,
                        what,
                        orderId.apply(next),
                        e.toString());
                failed = true;
                break;
            }
            synchronized (bot.journalLock) {
                // only this thread removes, and new ones go to the end
                kept.removeFirst();
            }
            stored++;
        }
        if (stored > 0) {
            synchronized (bot.journalLock) {
                try {
                    saveJournal(bot);
                } catch (RuntimeException e) {
                    log.error("Could not write the journal of bot '{}'", bot.id, e);
                }
            }
            log.info("Bot '{}' stored {} {} that waited for the trade store", bot.id, stored, what);
        }
        return !failed;
    }

    /**
     * Pauses a running bot: it stops ticking, its strategy gets {@code onStop(PAUSED)}, and its positions, state and
     * orders in flight are kept.
     *
     * @throws IllegalBotStateException if the bot is not RUNNING
     * @throws NoSuchBotException if the engine does not know the bot
     */
    public BotStatus pause(BotId botId) {
        BotRuntime bot = require(botId);
        Run run;
        bot.lock.lock();
        try {
            if (bot.status != RunStatus.RUNNING) {
                throw new IllegalBotStateException(botId, bot.status, "paused");
            }
            setStatus(bot, RunStatus.PAUSED);
            run = bot.run;
            bot.run = null;
            bot.restartPending = false;
            writeLifecycle(bot);
        } finally {
            bot.lock.unlock();
        }
        endRun(run, StopReason.PAUSED);
        events.publish(new EngineEvent.BotPaused(botId, instant()));
        log.info("Bot '{}' paused", botId);
        return snapshot(bot);
    }

    /**
     * Resumes a paused bot with a new strategy instance ({@code onStart}, then ticks from now on).
     *
     * @throws IllegalBotStateException if the bot is not PAUSED
     * @throws NoSuchBotException if the engine does not know the bot
     */
    public BotStatus resume(BotId botId) {
        ensureOpen();
        BotRuntime bot = require(botId);
        bot.lock.lock();
        try {
            if (bot.status != RunStatus.PAUSED) {
                throw new IllegalBotStateException(botId, bot.status, "resumed");
            }
            ensureOpen();
            Strategy strategy = createOrFail(bot);
            setStatus(bot, RunStatus.RUNNING);
            beginRun(bot, strategy);
            // queued under the lock, so that the scheduler sees the commands of one bot in the order of its changes
            scheduler.schedule(bot, nanos(), false);
            writeLifecycle(bot);
        } finally {
            bot.lock.unlock();
        }
        events.publish(new EngineEvent.BotResumed(botId, instant()));
        log.info("Bot '{}' resumed", botId);
        return snapshot(bot);
    }

    /**
     * Stops a running or paused bot for good: it stops ticking and its strategy gets {@code onStop(REQUESTED)}.
     * Orders in flight still complete and are recorded.
     *
     * @throws IllegalBotStateException if the bot is already STOPPED or FAILED
     * @throws NoSuchBotException if the engine does not know the bot
     */
    public BotStatus stop(BotId botId) {
        BotRuntime bot = require(botId);
        if (!stop(bot, StopReason.REQUESTED, true)) {
            throw new IllegalBotStateException(botId, bot.status, "stopped");
        }
        return snapshot(bot);
    }

    /**
     * Restarts a bot in any status with a new strategy instance, as an operator would: a FAILED or STOPPED bot runs
     * again, and the watchdog's count of recent restarts and the failure count start from zero.
     *
     * @throws NoSuchBotException if the engine does not know the bot
     * @throws SolbotException if the provider fails to create the strategy (the bot is then FAILED)
     */
    public BotStatus restart(BotId botId) {
        ensureOpen();
        BotRuntime bot = require(botId);
        Run old;
        int count;
        bot.lock.lock();
        try {
            // shutdown() may have stopped this bot since the check above
            ensureOpen();
            Strategy strategy = createOrFail(bot);
            old = bot.run;
            bot.restartCount++;
            count = bot.restartCount;
            bot.recentRestarts.clear();
            bot.consecutiveFailures = 0;
            bot.restartPending = false;
            bot.startedAt = instant();
            bot.uptime = BotRuntime.Uptime.NONE;
            setStatus(bot, RunStatus.RUNNING);
            beginRun(bot, strategy);
            scheduler.schedule(bot, nanos(), false);
            writeLifecycle(bot);
        } finally {
            bot.lock.unlock();
        }
        endRun(old, StopReason.RESTARTING);
        bot.meters.restarts.increment();
        events.publish(new EngineEvent.BotRestarted(botId, count, "requested", instant()));
        log.info("Bot '{}' restarted on request", botId);
        return snapshot(bot);
    }

    /**
     * The hot state of one bot.
     *
     * @throws NoSuchBotException if the engine does not know the bot
     */
    public BotStatus status(BotId botId) {
        return snapshot(require(botId));
    }

    /** The hot state of every bot, ordered by bot id; an immutable list. */
    public List<BotStatus> statuses() {
        List<BotStatus> out = new ArrayList<>(bots.size());
        for (BotRuntime bot : bots.values()) {
            out.add(snapshot(bot));
        }
        out.sort(Comparator.comparing(BotStatus::botId));
        return List.copyOf(out);
    }

    /**
     * Delivers every event published from now on to {@code subscriber}, in order, on a thread of its own; a
     * subscriber that throws is logged and keeps its subscription.
     */
    public Subscription subscribe(Consumer<? super EngineEvent> subscriber) {
        return events.subscribe(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /**
     * Shuts down gracefully: stops ticking, stops every bot that runs or is paused ({@code onStop(SHUTDOWN)}), waits
     * up to {@code timeout} for callbacks and orders in flight to finish, then marks the runs STOPPED in the stores.
     * A journal entry that still holds intents is kept for recovery. A call made while another one runs (or the
     * shutdown hook, during an explicit shutdown) waits up to its own {@code timeout} for that one to finish; a call
     * after it returns at once.
     *
     * @return true if all work finished within the timeout (of the first call; a later call returns false if the
     *     first one had not finished within its own timeout)
     */
    public boolean shutdown(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (!shutdown.compareAndSet(false, true)) {
            return awaitShutdown(timeout);
        }
        boolean idle = false;
        try {
            idle = shutdownOnce(timeout);
        } finally {
            shutdownDone.complete(idle);
        }
        return idle;
    }

    private boolean awaitShutdown(Duration timeout) {
        try {
            return shutdownDone.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("shutdownDone is only ever completed normally", e);
        }
    }

    private boolean shutdownOnce(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        scheduler.stop();
        List<BotRuntime> stopped = new ArrayList<>();
        for (BotRuntime bot : bots.values()) {
            RunStatus before = bot.status;
            if (stop(bot, StopReason.SHUTDOWN, false)) {
                // an entry kept for recovery (orders in flight, fills not stored) brings the bot back as it was
                bot.resumeAs = before;
                stopped.add(bot);
            }
        }
        // on a simulated clock, orders placed since the last step are still deferred: send them now
        orderDesk.dispatchPending();
        boolean idle;
        do {
            idle = tracker.awaitIdle(deadline, orderDesk::dispatchPending);
        } while (orderDesk.dispatchPending());
        for (BotRuntime bot : stopped) {
            bot.lock.lock();
            try {
                writeLifecycle(bot);
            } finally {
                bot.lock.unlock();
            }
        }
        // no interrupts: an order still in flight keeps its intent journalled until its outcome is really known
        jobsClosed = true;
        Thread retry = retryThread;
        if (retry != null) {
            retry.interrupt();
        }
        if (shutdownHook != null) {
            // also when the hook itself runs outside a JVM shutdown: a started hook left registered would make the
            // JVM's own shutdown fail to start it
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        if (!idle) {
            log.warn("Shut down with {} jobs still running after {}", tracker.active(), timeout);
        }
        log.info("Engine shut down; {} bots stopped", stopped.size());
        return idle;
    }

    /** The JVM shutdown hook {@link Builder#shutdownHook} registered, or null. */
    Thread shutdownHook() {
        return shutdownHook;
    }

    /** The hot state of one bot, for tests that need to hold its lock. */
    BotRuntime runtime(BotId botId) {
        return require(botId);
    }

    TickScheduler scheduler() {
        return scheduler;
    }

    /** {@link #shutdown(Duration)} with a 10-second timeout. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(10));
    }

    // ---- used by the scheduler, the lanes and the order desk ----

    long nanos() {
        return simClock != null ? simClock.nanos() : System.nanoTime() - nanoOrigin;
    }

    Instant instant() {
        return clock.instant();
    }

    MarketView marketView() {
        return marketView;
    }

    OrderDesk orderDesk() {
        return orderDesk;
    }

    EventBus events() {
        return events;
    }

    Tracker tracker() {
        return tracker;
    }

    /** Runs {@code task} on a virtual thread of its own, counted until it ends. */
    void submitJob(Runnable task) {
        if (jobsClosed) {
            log.debug("A job was refused: the engine is shut down");
            return;
        }
        Tracker.Job job = tracker.begin();
        try {
            jobThreads
                    .newThread(() -> {
                        try {
                            task.run();
                        } catch (RuntimeException | Error e) {
                            log.error("An engine job failed", e);
                        } finally {
                            tracker.end(job);
                        }
                    })
                    .start();
        } catch (RuntimeException | OutOfMemoryError e) {
            tracker.end(job);
            throw e;
        }
    }

    /** Runs one tick of {@code run}; the caller holds the run's lane. */
    void runTick(Run run) {
        BotRuntime bot = run.bot;
        long start = nanos();
        long startCpu = System.nanoTime();
        run.lane.busySinceNanos = start;
        bot.meters.tickLateness.record(Math.max(0, start - run.lane.dueNanos), TimeUnit.NANOSECONDS);
        if (!run.current || bot.status != RunStatus.RUNNING || bot.restartPending) {
            return;
        }
        run.lane.owner = Thread.currentThread();
        MDC.put(MDC_BOT_ID, bot.id.value());
        bot.lastTickNanos = start;
        bot.tickCount++;
        bot.meters.ticks.increment();
        try {
            run.strategy.onTick(run.ctx);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            callbackFailed(run, "onTick", e);
        } finally {
            bot.meters.tickDuration.record(System.nanoTime() - startCpu, TimeUnit.NANOSECONDS);
            MDC.remove(MDC_BOT_ID);
            run.lane.owner = null;
            // a watchdog interrupt meant for this tick must not leak into the next callback on this thread
            Thread.interrupted();
        }
    }

    /** A callback for the run's lane: runs after whatever the lane is doing now, never concurrently with it. */
    interface Callback {
        void run() throws Exception;
    }

    void post(Run run, String name, Callback callback) {
        run.lane.post(() -> runCallback(run, name, callback), nanos(), this::submitJob);
    }

    private void runCallback(Run run, String name, Callback callback) {
        if (!run.current) {
            return;
        }
        run.lane.owner = Thread.currentThread();
        MDC.put(MDC_BOT_ID, run.bot.id.value());
        try {
            callback.run();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            callbackFailed(run, name, e);
        } finally {
            MDC.remove(MDC_BOT_ID);
            run.lane.owner = null;
            Thread.interrupted();
        }
    }

    /** The scheduler found a restart due: perform it off the scheduler thread. */
    void dispatchRestart(BotRuntime bot) {
        submitJob(() -> watchdogRestart(bot));
    }

    /** The scheduler found a run whose lane has been busy for too long. */
    void dispatchStall(Run run, long busyNanos) {
        submitJob(() -> {
            BotRuntime bot = run.bot;
            String cause = "no tick finished for " + Duration.ofNanos(busyNanos).toMillis() + " ms (more than "
                    + staleAfterIntervals + " intervals of " + bot.spec.interval() + ")";
            bot.lastError = cause;
            bot.meters.errors.increment();
            log.warn("Bot '{}' is stuck: {}", bot.id, cause);
            Thread owner = run.lane.owner;
            // end the run first, so that the interrupted tick's exception counts as the end of a replaced run
            scheduleWatchdogRestart(run, cause);
            if (owner != null && run.lane.owner == owner) {
                owner.interrupt();
            }
        });
    }

    private void callbackFailed(Run run, String callback, Throwable e) {
        BotRuntime bot = run.bot;
        if (!run.current) {
            // a run the watchdog already replaced (often a stuck tick it interrupted): its end is no news
            log.debug("Bot '{}' ended a replaced run with {} throwing {}", bot.id, callback, e.toString());
            return;
        }
        String cause = callback + " threw " + e;
        bot.lastError = cause;
        bot.meters.errors.increment();
        log.warn("Bot '{}' failed in {}", bot.id, callback, e);
        scheduleWatchdogRestart(run, cause);
    }

    /** Ends the failing run and schedules its restart after a backoff, or fails the bot after too many restarts. */
    private void scheduleWatchdogRestart(Run run, String cause) {
        BotRuntime bot = run.bot;
        long now = nanos();
        long backoff = -1;
        int recent;
        bot.lock.lock();
        try {
            // a stall report and the throw of the interrupted tick both come for one run: only the first counts
            if (!run.current || bot.run != run || bot.status != RunStatus.RUNNING || bot.restartPending) {
                return;
            }
            long windowStart = now - restartWindow.toNanos();
            while (!bot.recentRestarts.isEmpty() && bot.recentRestarts.peekFirst() < windowStart) {
                bot.recentRestarts.removeFirst();
            }
            recent = bot.recentRestarts.size();
            if (recent < maxRestarts) {
                backoff = Math.min(backoffMax.toNanos(), backoffInitial.toNanos() << Math.min(recent, 30));
                bot.recentRestarts.addLast(now + backoff);
                bot.restartPending = true;
                // queued under the lock: an operator's restart or resume that follows queues its tick after this
                // command, so the command cannot replace that tick's schedule
                scheduler.schedule(bot, now + backoff, true);
            }
        } finally {
            bot.lock.unlock();
        }
        if (backoff < 0) {
            fail(bot, "restarted " + recent + " times within " + restartWindow + " and failed again: " + cause);
            return;
        }
        endRun(run, StopReason.RESTARTING);
        log.info("Bot '{}' restarts in {} ms", bot.id, Duration.ofNanos(backoff).toMillis());
    }

    private void watchdogRestart(BotRuntime bot) {
        int count;
        String cause;
        bot.lock.lock();
        try {
            if (bot.status != RunStatus.RUNNING) {
                return;
            }
            if (!bot.restartPending) {
                // a command that an operator's restart or resume overtook: the bot runs already, make sure it ticks
                Run run = bot.run;
                if (run != null && run.current) {
                    scheduler.schedule(bot, nanos(), false);
                }
                return;
            }
            Strategy strategy;
            try {
                strategy = create(bot);
            } catch (RuntimeException e) {
                bot.restartPending = false;
                fail(bot, "strategy '" + bot.strategyId + "' could not be created on restart: " + e);
                return;
            }
            bot.restartPending = false;
            bot.restartCount++;
            count = bot.restartCount;
            cause = bot.lastError == null ? "unknown" : bot.lastError;
            beginRun(bot, strategy);
            scheduler.schedule(bot, nanos(), false);
            writeLifecycle(bot);
        } finally {
            bot.lock.unlock();
        }
        bot.meters.restarts.increment();
        events.publish(new EngineEvent.BotRestarted(bot.id, count, cause, instant()));
        log.info("Bot '{}' restarted by the watchdog ({} restarts): {}", bot.id, count, cause);
    }

    /** Halts the bot: FAILED, with the reason in its status, a write and an event. */
    void fail(BotRuntime bot, String reason) {
        Run run;
        bot.lock.lock();
        try {
            if (bot.status.isFinal()) {
                return;
            }
            setStatus(bot, RunStatus.FAILED);
            bot.stopReason = reason;
            bot.lastError = reason;
            bot.restartPending = false;
            run = bot.run;
            bot.run = null;
            writeLifecycle(bot);
        } finally {
            bot.lock.unlock();
        }
        endRun(run, StopReason.FAILED);
        events.publish(new EngineEvent.BotFailed(bot.id, reason, instant()));
        String previous = MDC.get(MDC_BOT_ID);
        MDC.put(MDC_BOT_ID, bot.id.value());
        try {
            log.error("Bot '{}' FAILED: {}", bot.id, reason);
        } finally {
            if (previous == null) {
                MDC.remove(MDC_BOT_ID);
            } else {
                MDC.put(MDC_BOT_ID, previous);
            }
        }
    }

    /** The bot made its last trade and holds nothing: it stops as completed. */
    void complete(BotRuntime bot) {
        if (stop(bot, StopReason.COMPLETED, true)) {
            log.info("Bot '{}' completed its {} trades", bot.id, bot.spec.maxTrades());
        }
    }

    private boolean stop(BotRuntime bot, StopReason reason, boolean write) {
        Run run;
        bot.lock.lock();
        try {
            if (bot.status.isFinal()) {
                return false;
            }
            setStatus(bot, RunStatus.STOPPED);
            bot.stopReason = reason.name();
            bot.restartPending = false;
            run = bot.run;
            bot.run = null;
            if (write) {
                writeLifecycle(bot);
            }
        } finally {
            bot.lock.unlock();
        }
        endRun(run, reason);
        events.publish(new EngineEvent.BotStopped(bot.id, reason, instant()));
        log.info("Bot '{}' stopped ({})", bot.id, reason);
        return true;
    }

    private void beginRun(BotRuntime bot, Strategy strategy) {
        Run run = new Run(bot, strategy, this);
        // under the journal lock, so that a state write of the run this one replaces is refused or lands before it
        synchronized (bot.journalLock) {
            Run previous = bot.run;
            if (previous != null) {
                // at once, not when endRun posts its onStop: a tick of the old run still going must not place orders
                previous.current = false;
            }
            bot.run = run;
        }
        post(run, "onStart", () -> strategy.onStart(run.ctx));
    }

    private void endRun(Run run, StopReason reason) {
        if (run == null || !run.stopPosted.compareAndSet(false, true)) {
            return;
        }
        run.current = false;
        run.lane.post(
                () -> {
                    MDC.put(MDC_BOT_ID, run.bot.id.value());
                    try {
                        run.strategy.onStop(run.ctx, reason);
                    } catch (RuntimeException | LinkageError | AssertionError e) {
                        log.warn("Bot '{}' threw in onStop; ignored", run.bot.id, e);
                    } finally {
                        MDC.remove(MDC_BOT_ID);
                    }
                },
                nanos(),
                this::submitJob);
    }

    private Strategy createOrFail(BotRuntime bot) {
        try {
            return create(bot);
        } catch (RuntimeException e) {
            String reason = "strategy '" + bot.strategyId + "' could not be created: " + e;
            fail(bot, reason);
            throw new SolbotException("Bot '" + bot.id + "' is FAILED: " + reason, e);
        }
    }

    @SuppressWarnings("unchecked")
    private Strategy create(BotRuntime bot) {
        StrategyProvider<Object> provider =
                (StrategyProvider<Object>) registry.require(bot.strategyId).provider();
        return Objects.requireNonNull(provider.create(bot.spec.config()), "the provider returned no strategy");
    }

    /** Changes the status; the caller holds the bot's lock. Banks the time RUNNING when the bot leaves it. */
    private void setStatus(BotRuntime bot, RunStatus to) {
        metrics.statusChanged(bot.status, to);
        BotRuntime.Uptime uptime = bot.uptime;
        if (to == RunStatus.RUNNING && uptime.since() == null) {
            bot.uptime = new BotRuntime.Uptime(uptime.banked(), instant());
        } else if (to != RunStatus.RUNNING && uptime.since() != null) {
            bot.uptime = new BotRuntime.Uptime(uptime.at(instant()), null);
        }
        bot.status = to;
    }

    /** Writes the run status and the journal; the caller holds the bot's lock. Store failures are logged. */
    private void writeLifecycle(BotRuntime bot) {
        Instant now = instant();
        try {
            runStatusStore.save(new RunRecord(
                    bot.id,
                    bot.strategyId,
                    bot.configHash,
                    bot.status,
                    bot.status.isFinal() ? bot.stopReason : "",
                    bot.startedAt,
                    now,
                    bot.restartCount,
                    bot.tradesExecuted));
        } catch (RuntimeException e) {
            log.error("Could not save the run status of bot '{}'", bot.id, e);
        }
        synchronized (bot.journalLock) {
            try {
                saveJournal(bot);
            } catch (RuntimeException e) {
                log.error("Could not write the journal of bot '{}'", bot.id, e);
            }
        }
    }

    /**
     * Writes the bot's journal entry, or deletes it once the bot is cleanly stopped with nothing in flight. The
     * caller holds the bot's journal lock.
     */
    void saveJournal(BotRuntime bot) {
        // a bot paused when the engine shut down keeps its entry, so that a recovery brings it back paused
        if (bot.status == RunStatus.STOPPED
                && bot.resumeAs != RunStatus.PAUSED
                && bot.intents.isEmpty()
                && bot.unstoredFills.isEmpty()
                && bot.unstoredFailures.isEmpty()) {
            journal.delete(bot.id);
        } else {
            RunStatus status = bot.resumeAs != null ? bot.resumeAs : bot.status;
            journal.save(new JournalEntry(
                    bot.id,
                    bot.strategyId,
                    status,
                    bot.configHash,
                    owner,
                    bot.intents,
                    bot.state,
                    bot.unstoredFills,
                    bot.unstoredFailures,
                    instant()));
        }
    }

    private BotStatus snapshot(BotRuntime bot) {
        Instant now = instant();
        long nowNanos = nanos();
        long last = bot.lastTickNanos;
        Optional<Instant> lastTick =
                last == Long.MIN_VALUE ? Optional.empty() : Optional.of(now.minusNanos(nowNanos - last));
        Instant cooldown = bot.cooldownUntil;
        Instant started = bot.startedAt;
        Duration uptime = bot.uptime.at(now);
        return new BotStatus(
                bot.id,
                bot.strategyId,
                bot.status,
                started == null ? now : started,
                lastTick,
                bot.tickCount,
                bot.skippedTicks,
                cooldown != null && cooldown.isAfter(now) ? Optional.of(cooldown) : Optional.empty(),
                bot.restartCount,
                bot.tradesExecuted,
                bot.book.openPositions(),
                bot.consecutiveFailures,
                Optional.ofNullable(bot.lastError),
                uptime);
    }

    private BotRuntime require(BotId botId) {
        BotRuntime bot = bots.get(Objects.requireNonNull(botId, "botId"));
        if (bot == null) {
            throw new NoSuchBotException(botId);
        }
        return bot;
    }

    private void ensureOpen() {
        if (shutdown.get()) {
            throw closed();
        }
    }

    private static SolbotException closed() {
        return new SolbotException("The engine is shut down and starts no bots");
    }

    /**
     * Refuses a bot whose provider needs a capability that neither the market data nor the executor supplies, before
     * anything of the bot is read or created.
     */
    private void refuseUnmetNeeds(BotId botId, RegisteredProvider provider) {
        Set<Capability> missing = Capability.missing(provider.provider().capabilities(), supplied);
        if (!missing.isEmpty()) {
            throw new InvalidBotSpecException(
                    botId,
                    "strategy '" + provider.id() + "' needs " + Capability.names(missing)
                            + ", which this engine does not supply (its market data supplies "
                            + listed(marketData.capabilities()) + ", its executor "
                            + listed(swapExecutor.capabilities())
                            + ")");
        }
    }

    private static String listed(Collection<String> capabilities) {
        return capabilities.stream().sorted().collect(Collectors.joining(", ", "[", "]"));
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

    private static String configHash(String strategyId, Object config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((strategyId + "\n" + config).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Builds a {@link SolbotEngine}. Every collaborator has a default: in-memory stores and journal, the system
     * clock, a {@link SimpleMeterRegistry}, a market with no prices and an executor that fails every order (pass a
     * paper or live executor to trade). Not thread-safe.
     */
    public static final class Builder {
        private StrategyRegistry registry;
        private final List<StrategyProvider<?>> providers = new ArrayList<>();
        private RunStatusStore runStatusStore = new InMemoryRunStatusStore();
        private TradeStore tradeStore = new InMemoryTradeStore();
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
        private String owner = ProcessHandle.current().pid() + "@"
                + Objects.requireNonNullElse(System.getenv("HOSTNAME"), "localhost");
        private Duration shutdownHookTimeout;
        private Duration intentExpiry = Duration.ofMinutes(2);
        private Duration storeRetryInterval = Duration.ofSeconds(1);
        private final List<Consumer<? super EngineEvent>> subscribers = new ArrayList<>();

        private Builder() {}

        /** The providers bots can run; an alternative to {@link #strategyProvider}. */
        public Builder strategies(StrategyRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Adds a provider explicitly (used when no {@link #strategies registry} is given). */
        public Builder strategyProvider(StrategyProvider<?> provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        public Builder runStatusStore(RunStatusStore store) {
            this.runStatusStore = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder tradeStore(TradeStore store) {
            this.tradeStore = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder journal(Journal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        public Builder marketData(MarketData marketData) {
            this.marketData = Objects.requireNonNull(marketData, "marketData");
            return this;
        }

        public Builder swapExecutor(SwapExecutor executor) {
            this.swapExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The engine's clock. A {@link SimulatedClock} makes the engine run in simulated time: no scheduler thread,
         * and ticks run only when the clock is {@linkplain SimulatedClock#advance advanced}.
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where metrics go; by default a private {@link SimpleMeterRegistry}. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** The seed of every bot's randomness ({@code ctx.random()}, order ids) and of the first-tick spread. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Whether a started bot's first tick comes at a point within its first interval derived from its id and the
         * seed (the default), rather than at once. Spreading keeps 10,000 bots started together from ticking in one
         * burst every interval.
         */
        public Builder spreadFirstTicks(boolean spread) {
            this.spreadFirstTicks = spread;
            return this;
        }

        /** A tick still running after this many intervals counts as stuck, and the bot is restarted; default 3. */
        public Builder staleAfterIntervals(int intervals) {
            if (intervals < 1) {
                throw new IllegalArgumentException("staleAfterIntervals must be at least 1, but was " + intervals);
            }
            this.staleAfterIntervals = intervals;
            return this;
        }

        /** The watchdog waits {@code initial}, then twice that, and so on up to {@code max}; default 1 s to 5 min. */
        public Builder restartBackoff(Duration initial, Duration max) {
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException(
                        "restartBackoff needs 0 < initial <= max, but was " + initial + " and " + max);
            }
            this.backoffInitial = initial;
            this.backoffMax = max;
            return this;
        }

        /** After {@code restarts} watchdog restarts within {@code window}, the next failure is final; default 5 in 10 min. */
        public Builder maxRestarts(int restarts, Duration window) {
            if (restarts < 0 || window.isNegative()) {
                throw new IllegalArgumentException("maxRestarts needs restarts >= 0 and a positive window, but was "
                        + restarts + " and " + window);
            }
            this.maxRestarts = restarts;
            this.restartWindow = window;
            return this;
        }

        /** The width of one slot of the scheduler's timing wheel in real time; default 1 ms. */
        public Builder tickResolution(Duration resolution) {
            if (resolution.compareTo(Duration.ofNanos(100_000)) < 0
                    || resolution.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException(
                        "tickResolution must be between 100 µs and 1 s, but was " + resolution);
            }
            this.tickResolution = resolution;
            return this;
        }

        /** Who runs the bots, written to each journal entry; default {@code pid@hostname}. */
        public Builder owner(String owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
            return this;
        }

        /**
         * How long after it was sent an order found in flight by a recovery may stay unknown to the executor before
         * it counts as failed (expired); default 2 minutes, more than a Solana blockhash lives.
         */
        public Builder intentExpiry(Duration expiry) {
            if (expiry.isNegative()) {
                throw new IllegalArgumentException("intentExpiry cannot be negative, but was " + expiry);
            }
            this.intentExpiry = expiry;
            return this;
        }

        /**
         * How often fills the trade store refused (database unreachable) are tried again, and orders of a recovery
         * whose outcome is not known yet are asked about again; default 1 second.
         */
        public Builder storeRetryInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("storeRetryInterval must be positive, but was " + interval);
            }
            this.storeRetryInterval = interval;
            return this;
        }

        /** Subscribes before the first bot starts; see {@link SolbotEngine#subscribe}. */
        public Builder subscriber(Consumer<? super EngineEvent> subscriber) {
            subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
            return this;
        }

        /**
         * Registers a JVM shutdown hook (run on SIGINT and SIGTERM) that calls {@link SolbotEngine#shutdown} with
         * {@code timeout}; removed again by an explicit shutdown.
         */
        public Builder shutdownHook(Duration timeout) {
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
            if (meterRegistry == null) {
                meterRegistry = new SimpleMeterRegistry();
            }
            return new SolbotEngine(this);
        }
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
