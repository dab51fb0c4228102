package io.solbot.core.engine;

import io.solbot.core.SolbotException;
import io.solbot.core.config.BotDefinition;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.domain.BotId;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.event.Subscription;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Runs many bots in one JVM: each bot is a {@link Strategy} instance from a {@link StrategyProvider}, ticked at its
 * own interval, with its orders passed through one pipeline (limits and checks, journal, executor, fill store,
 * events). All hot state lives in memory; the stores and the journal are written only on lifecycle changes and
 * trades, never per tick.
 *
 * <pre>{@code
 * SolbotEngine engine = SolbotEngine.builder()
 *         .strategyProvider(new MaCrossProvider())
 *         .marketData(market)
 *         .swapExecutor(paperExecutor)
 *         .build();
 * engine.start(BotSpec.builder(BotId.of("ma-1"), "ma-cross", config).build());
 * engine.status(BotId.of("ma-1"));
 * engine.shutdown(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Threading: every method is thread-safe. The engine never calls one bot's strategy concurrently, and each of its
 * callbacks happens-after the previous one; different bots run in parallel on virtual threads, so a callback may
 * block without holding up other bots. One scheduler thread finds due bots; a tick that falls due while the bot's
 * previous tick still runs is skipped and counted, never queued; one due while a message ({@code onStart}, a fill)
 * holds the bot runs right after it. A callback that throws, or a tick that runs longer than {@code
 * staleAfterIntervals} intervals, makes the watchdog restart the bot with exponential backoff; after {@code
 * maxRestarts} restarts within the restart window the bot is FAILED. Event subscribers run on threads of their own.
 *
 * <p>Inside, one {@link Bot} per bot owns its state and transitions; {@link Lifecycle} runs them, {@link BotStarter}
 * and {@link Recovery} bring bots in, {@link TimingWheel} with a real-time or simulated driver ticks them, {@link
 * Watchdog} restarts them, and {@link OrderDesk}, {@link OrderAdmission}, {@link Settlement} and {@link StoreBacklog}
 * carry their orders.
 */
public final class SolbotEngine implements AutoCloseable {
    /** The MDC key that holds the bot id on every thread that runs one of its callbacks. */
    public static final String MDC_BOT_ID = "botId";

    private final EngineClock clock;
    private final Jobs jobs;
    private final EventBus events;
    private final TimingWheel wheel;
    private final Lifecycle lifecycle;
    private final BotStarter starter;
    private final Shutdown shutdown;
    private final EngineMetrics metrics;

    SolbotEngine(EngineSettings s) {
        clock = new EngineClock(s.clock());
        jobs = new Jobs(clock.isSimulated());
        metrics = new EngineMetrics(s.meterRegistry());
        events = new EventBus(jobs::submit);
        metrics.eventsDropped(events);
        s.subscribers().forEach(events::subscribe);
        Retries retries = new Retries(s.storeRetryInterval());
        RunRecords records = new RunRecords(s.runStatusStore(), clock);
        Callbacks callbacks = new Callbacks(jobs, clock);
        long slotNanos = clock.isSimulated()
                ? clock.simulated().resolution().toNanos()
                : s.tickResolution().toNanos();
        wheel = new TimingWheel(slotNanos, s.staleAfterIntervals(), jobs::submit, clock.nanos());
        lifecycle = new Lifecycle(clock, records, events, callbacks, wheel);
        StoreBacklog backlog = new StoreBacklog(s.fillStore(), retries, lifecycle);
        Settlement settlement = new Settlement(backlog, events, callbacks, clock);
        settlement.haltsTo(lifecycle);
        Recovery recovery = new Recovery(s.swapExecutor(), settlement, backlog, retries, clock, s.intentExpiry());
        OrderDesk orders = new OrderDesk(
                new OrderAdmission(s.orderChecks(), s.swapExecutor()),
                settlement,
                recovery,
                s.swapExecutor(),
                jobs,
                events,
                clock);
        // every bot reads the market through one cache: many bots reading one token cost one read
        MarketCache market = new MarketCache(s.marketData(), s.swapExecutor(), clock, s.cacheTtl());
        lifecycle.runsFrom(new Runs(s.registry(), callbacks, orders, clock, market));
        Watchdog watchdog = new Watchdog(s, clock, jobs, lifecycle);
        callbacks.failuresTo(watchdog);
        wheel.listen(watchdog);
        starter = new BotStarter(s, s.supplied(), metrics, clock, lifecycle, recovery, records, events);
        Runnable stopDriver;
        if (clock.isSimulated()) {
            SimulatedDriver driver = new SimulatedDriver(
                    wheel,
                    clock.simulated(),
                    jobs.tracker(),
                    orders::dispatchPending,
                    SimulatedDriver.moving(s.marketData()));
            driver.start();
            stopDriver = driver::stop;
        } else {
            RealTimeDriver driver = new RealTimeDriver(wheel, clock);
            driver.start();
            stopDriver = driver::stop;
        }
        shutdown = new Shutdown(lifecycle, stopDriver, orders, jobs, retries, s.shutdownHookTimeout());
    }

    /** A builder with in-memory stores, the system clock, no market data and no executor. */
    public static EngineBuilder builder() {
        return new EngineBuilder();
    }

    /**
     * Starts a bot: restores what the stores and the journal know of it (its open positions and count of trades from
     * the fill store, its strategy state and the fills not yet stored from its journal entry), resolves the orders
     * its journal entry still holds through the executor, creates its strategy, calls {@code onStart}, and ticks it at
     * its interval from then on (the first tick comes within one interval, at a point spread by the bot's id unless
     * {@link EngineBuilder#spreadFirstTicks} is off). Writes the run status and the journal once.
     *
     * @return the bot's status right after the start
     * @throws IllegalBotStateException if a bot with this id is running or paused
     * @throws io.solbot.core.plugin.UnknownStrategyException if no provider offers the spec's strategy
     * @throws InvalidBotSpecException if the config is not of the provider's config type, or the strategy needs a
     *     capability the engine's market data and executor do not supply
     * @throws SolbotException if the provider fails to create the strategy, the engine is shut down, the bot's
     *     journal entry belongs to another live process, or its journal or trades cannot be read
     */
    public BotStatus start(BotSpec spec) {
        return starter.start(spec, false);
    }

    /**
     * Brings a bot back as its journal entry left it, after a crash or a stop: restores and resolves as {@link
     * #start} does, then a bot that was RUNNING runs again, a PAUSED one is paused ({@link #resume} runs it), and a
     * STOPPED or FAILED one stays so ({@link #restart} runs it). A bot without a journal entry is started.
     *
     * <p>Orders found in flight are never sent again, only resolved through {@link SwapExecutor#resolve}: their fills
     * are stored (each once) and applied to the positions before the bot acts. An order whose outcome is still
     * unknown stays reserved and is resolved in the background, and treated as failed once {@link
     * EngineBuilder#intentExpiry} has passed since it was sent.
     *
     * @return the bot's status after the recovery
     * @throws SolbotException if the bot's journal entry belongs to another live process ({@code pid@host} on this
     *     host), or as {@link #start} throws
     */
    public BotStatus recover(BotSpec spec) {
        return starter.start(spec, true);
    }

    /**
     * Starts every bot of a valid bots file, each as {@link #recover} does (a bot with a journal entry comes back as
     * it was, any other starts), with its config's own settings ({@link BotSpec#from}). A bot that cannot start (its
     * strategy throws, its journal belongs to a live process, it runs already) is reported with the reason in {@link
     * StartedBots#notStarted()}, and the others start regardless.
     *
     * @throws io.solbot.core.config.InvalidConfigException listing every violation, if the file is not valid; nothing
     *     is started then
     */
    public StartedBots startAll(ConfigReport report) {
        List<BotStatus> started = new ArrayList<>();
        Map<BotId, String> notStarted = new LinkedHashMap<>();
        for (BotDefinition bot : report.requireValid()) {
            try {
                started.add(recover(BotSpec.from(bot)));
            } catch (RuntimeException e) {
                notStarted.put(bot.id(), e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return new StartedBots(started, notStarted);
    }

    /**
     * Pauses a running bot: it stops ticking, its strategy gets {@code onStop(PAUSED)}, and its positions, state and
     * orders in flight are kept.
     *
     * @throws IllegalBotStateException if the bot is not RUNNING
     * @throws NoSuchBotException if the engine does not know the bot
     */
    public BotStatus pause(BotId botId) {
        return lifecycle.pause(botId);
    }

    /**
     * Resumes a paused bot with a new strategy instance ({@code onStart}, then ticks from now on).
     *
     * @throws IllegalBotStateException if the bot is not PAUSED
     * @throws NoSuchBotException if the engine does not know the bot
     */
    public BotStatus resume(BotId botId) {
        return lifecycle.resume(botId);
    }

    /**
     * Stops a running or paused bot for good: it stops ticking and its strategy gets {@code onStop(REQUESTED)}.
     * Orders in flight still complete and are recorded.
     *
     * @throws IllegalBotStateException if the bot is already STOPPED or FAILED
     * @throws NoSuchBotException if the engine does not know the bot
     */
    public BotStatus stop(BotId botId) {
        Bot bot = lifecycle.require(botId);
        if (!lifecycle.stop(bot, io.solbot.core.spi.StopReason.REQUESTED, true)) {
            throw new IllegalBotStateException(botId, bot.status(), "stopped");
        }
        return lifecycle.snapshot(bot);
    }

    /**
     * Lets another process take a bot over: stops it as {@link #shutdown} stops bots ({@code onStop(SHUTDOWN)}; its
     * journal entry is kept, with the status it had, for the next owner's {@link #recover}), waits up to {@code
     * timeout} for its orders in flight to settle, writes its run status and journal entry, and gives up its claim
     * ({@link io.solbot.core.store.Journal#release}). The engine forgets nothing else: a later {@link #recover} of the
     * bot in this engine brings it back. Used by hosts that spread bots over several processes.
     *
     * @return true if nothing of the bot is in flight any more; false if an order was still in flight at the timeout
     *     (its intent stays journalled, so the next owner resolves it, and the claim is kept until it settles)
     * @throws NoSuchBotException if the engine does not know the bot
     */
    public boolean handOver(BotId botId, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return lifecycle.handOver(lifecycle.require(botId), System.nanoTime() + timeout.toNanos());
    }

    /**
     * Restarts a bot in any status with a new strategy instance, as an operator would: a FAILED or STOPPED bot runs
     * again, and the watchdog's count of recent restarts and the failure count start from zero.
     *
     * @throws NoSuchBotException if the engine does not know the bot
     * @throws SolbotException if the provider fails to create the strategy (the bot is then FAILED)
     */
    public BotStatus restart(BotId botId) {
        return lifecycle.restart(botId);
    }

    /**
     * The hot state of one bot.
     *
     * @throws NoSuchBotException if the engine does not know the bot
     */
    public BotStatus status(BotId botId) {
        return lifecycle.snapshot(lifecycle.require(botId));
    }

    /** The hot state of every bot, ordered by bot id; an immutable list. */
    public List<BotStatus> statuses() {
        List<BotStatus> out = new ArrayList<>();
        for (Bot bot : lifecycle.bots()) {
            out.add(lifecycle.snapshot(bot));
        }
        out.sort(Comparator.comparing(BotStatus::botId));
        return List.copyOf(out);
    }

    /**
     * One page of {@link #statuses()}: the hot state of up to {@code limit} bots whose ids sort after {@code after}
     * (from the first when null), ordered by bot id. It snapshots only the bots of the page, so an operator paging
     * through 10,000 bots does not pay for all of them on every request.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public List<BotStatus> statuses(BotId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        // the page's ids: the smallest `limit` after `after`, kept in a max-heap so the rest are never sorted
        PriorityQueue<BotId> page = new PriorityQueue<>(Comparator.reverseOrder());
        for (Bot bot : lifecycle.bots()) {
            BotId id = bot.spec().botId();
            if (after != null && id.compareTo(after) <= 0) {
                continue;
            }
            if (page.size() < limit) {
                page.add(id);
            } else if (id.compareTo(page.peek()) < 0) {
                page.poll();
                page.add(id);
            }
        }
        List<BotId> ids = new ArrayList<>(page);
        ids.sort(null);
        List<BotStatus> out = new ArrayList<>(ids.size());
        for (BotId id : ids) {
            Bot bot = lifecycle.find(id);
            if (bot != null) {
                out.add(lifecycle.snapshot(bot));
            }
        }
        return List.copyOf(out);
    }

    /**
     * How each strategy's ticks went since the engine was built: ticks run and skipped, and the distributions of their
     * lateness and duration; ordered by strategy id. Take two and subtract ({@link TickStats#since}) for a window.
     */
    public List<TickStats> tickStats() {
        return metrics.tickStats();
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
        return shutdown.run(Objects.requireNonNull(timeout, "timeout"));
    }

    /** {@link #shutdown(Duration)} with a 10-second timeout. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(10));
    }

    // ---- for tests in this package ----

    TimingWheel wheel() {
        return wheel;
    }

    Tracker tracker() {
        return jobs.tracker();
    }

    long nanos() {
        return clock.nanos();
    }

    /** The hot state of one bot, for tests that need to hold its lock. */
    Bot bot(BotId botId) {
        return lifecycle.require(botId);
    }

    /** The JVM shutdown hook {@link EngineBuilder#shutdownHook} registered, or null. */
    Thread shutdownHook() {
        return shutdown.hook();
    }
}
