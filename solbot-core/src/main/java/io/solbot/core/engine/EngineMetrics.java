package io.solbot.core.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.solbot.core.domain.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's meters, published to Micrometer. Tags are the strategy id and, for the bot gauge, the status: never the
 * bot id, so that 100,000 bots make a handful of series. Per-bot figures belong in {@link BotStatus}.
 *
 * <p>The tick figures are not recorded through Micrometer per tick: a worker tallies a batch of ticks and hands the
 * tally to its strategy's {@link TickHistogram}s ({@link TickTally}), and Micrometer reads them when it publishes:
 * {@code solbot.ticks} and {@code solbot.ticks.skipped} as function counters, {@code solbot.tick.duration} and {@code
 * solbot.tick.lateness} as function timers (count and total), and their histograms as cumulative counters {@code
 * solbot.tick.duration.histogram} and {@code solbot.tick.lateness.histogram} with an {@code le} tag per fixed bound
 * (seconds), from which a backend computes percentiles per strategy.
 */
final class EngineMetrics {
    /** Upper bounds of the tick duration histogram's buckets: 14 series per strategy. */
    static final Duration[] DURATION_BUCKETS =
            millis(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 50, 100, 500, 1_000, 5_000, 10_000, 60_000);
    /** Upper bounds of the tick lateness histogram's buckets, around the engine's targets (2 ms and 20 ms p99). */
    static final Duration[] LATENESS_BUCKETS =
            millis(0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 250, 500, 1_000, 5_000, 60_000);

    static final long[] DURATION_NANOS = nanos(DURATION_BUCKETS);
    static final long[] LATENESS_NANOS = nanos(LATENESS_BUCKETS);

    /** The meters of one strategy type; shared by all its bots. */
    final class StrategyMeters {
        final String strategyId;
        private final AtomicLong ticks = new AtomicLong();
        /** Written by the scheduler thread only. */
        private volatile long skipped;

        private final TickHistogram lateness = new TickHistogram(LATENESS_NANOS);
        private final TickHistogram duration = new TickHistogram(DURATION_NANOS);
        final Counter errors;
        final Counter restarts;
        final Counter ordersSubmitted;
        final Counter ordersRefused;
        final Counter ordersFilled;
        final Counter ordersFailed;

        StrategyMeters(MeterRegistry registry, String strategy) {
            this.strategyId = strategy;
            FunctionCounter.builder("solbot.ticks", ticks, AtomicLong::get)
                    .description("ticks run")
                    .tag("strategy", strategy)
                    .register(registry);
            FunctionCounter.builder("solbot.ticks.skipped", this, m -> m.skipped)
                    .description("ticks not run because the previous tick of the bot was still running or waiting to"
                            + " run, or because the whole process stalled past them")
                    .tag("strategy", strategy)
                    .register(registry);
            errors = Counter.builder("solbot.errors")
                    .description("strategy callbacks that threw or stalled")
                    .tag("strategy", strategy)
                    .register(registry);
            restarts = Counter.builder("solbot.restarts")
                    .description("bot restarts by the watchdog or an operator")
                    .tag("strategy", strategy)
                    .register(registry);
            ordersSubmitted = order(registry, strategy, "submitted");
            ordersRefused = order(registry, strategy, "refused");
            ordersFilled = order(registry, strategy, "filled");
            ordersFailed = order(registry, strategy, "failed");
            timer(registry, strategy, "solbot.tick.duration", "time a tick callback took", duration, DURATION_BUCKETS);
            timer(
                    registry,
                    strategy,
                    "solbot.tick.lateness",
                    "how long after its due time a tick started",
                    lateness,
                    LATENESS_BUCKETS);
        }

        /** Ticks ran, with these latenesses and durations; from a {@link TickTally}, whose tallies are emptied. */
        void ticks(TickHistogram.Tally latenesses, TickHistogram.Tally durations) {
            ticks.getAndAdd(latenesses.size());
            latenesses.flushTo(lateness);
            durations.flushTo(duration);
        }

        /** Called by the scheduler thread only. */
        void skipped(long n) {
            skipped += n;
        }

        /** A bot of this strategy moved from {@code from} to {@code to}; null for a bot that appears or goes. */
        void statusChanged(RunStatus from, RunStatus to) {
            EngineMetrics.this.statusChanged(from, to);
        }

        TickStats stats() {
            return new TickStats(strategyId, ticks.get(), skipped, lateness.snapshot(), duration.snapshot());
        }

        private static Counter order(MeterRegistry registry, String strategy, String outcome) {
            return Counter.builder("solbot.orders")
                    .tag("strategy", strategy)
                    .tag("outcome", outcome)
                    .register(registry);
        }

        private static void timer(
                MeterRegistry registry,
                String strategy,
                String name,
                String description,
                TickHistogram histogram,
                Duration[] bounds) {
            FunctionTimer.builder(
                            name, histogram, TickHistogram::count, TickHistogram::totalNanos, TimeUnit.NANOSECONDS)
                    .description(description)
                    .tag("strategy", strategy)
                    .register(registry);
            for (int i = 0; i < bounds.length; i++) {
                int index = i;
                FunctionCounter.builder(name + ".histogram", histogram, h -> h.countAtMostBound(index))
                        .description(description + ": ticks at most le seconds")
                        .tag("strategy", strategy)
                        .tag("le", seconds(bounds[i]))
                        .register(registry);
            }
        }
    }

    private final MeterRegistry registry;
    private final Map<String, StrategyMeters> byStrategy = new ConcurrentHashMap<>();
    private final Map<RunStatus, AtomicInteger> botsByStatus = new EnumMap<>(RunStatus.class);

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (RunStatus status : RunStatus.values()) {
            AtomicInteger count = new AtomicInteger();
            botsByStatus.put(status, count);
            Gauge.builder("solbot.bots", count, AtomicInteger::get)
                    .description("bots by status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    /** Counts the events the bus dropped for subscribers that fell too far behind ({@code solbot.events.dropped}). */
    void eventsDropped(EventBus events) {
        // the registry holds what it reads weakly: the bus, which the engine holds, and not a lambda over it
        FunctionCounter.builder("solbot.events.dropped", events, EventBus::dropped)
                .description("engine events dropped for subscribers that fell " + EventBus.CAPACITY + " events behind")
                .register(registry);
    }

    StrategyMeters strategy(String strategyId) {
        return byStrategy.computeIfAbsent(strategyId, id -> new StrategyMeters(registry, id));
    }

    /** The tick figures of every strategy that ran a bot, by strategy id. */
    List<TickStats> tickStats() {
        List<TickStats> out = new ArrayList<>();
        byStrategy.values().forEach(m -> out.add(m.stats()));
        out.sort(Comparator.comparing(TickStats::strategyId));
        return List.copyOf(out);
    }

    private void statusChanged(RunStatus from, RunStatus to) {
        if (from != null) {
            botsByStatus.get(from).decrementAndGet();
        }
        if (to != null) {
            botsByStatus.get(to).incrementAndGet();
        }
    }

    /** A bound as Prometheus writes {@code le}: seconds, plain decimal. */
    private static String seconds(Duration bound) {
        return new java.math.BigDecimal(bound.toNanos())
                .movePointLeft(9)
                .stripTrailingZeros()
                .toPlainString()
                .toLowerCase(Locale.ROOT);
    }

    private static long[] nanos(Duration[] bounds) {
        long[] out = new long[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            out[i] = bounds[i].toNanos();
        }
        return out;
    }

    private static Duration[] millis(double... bounds) {
        Duration[] out = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            out[i] = Duration.ofNanos(Math.round(bounds[i] * 1_000_000));
        }
        return out;
    }
}
