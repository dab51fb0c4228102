package io.solbot.core.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.solbot.core.domain.RunStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's Micrometer meters. Tags are the strategy id and, for the bot gauge, the status: never the bot id, so
 * that 100,000 bots make a handful of series. Per-bot figures belong in {@link BotStatus}.
 */
final class EngineMetrics {
    /** Upper bounds of the tick duration histogram's buckets: 14 series per strategy. */
    static final Duration[] DURATION_BUCKETS =
            millis(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 50, 100, 500, 1_000, 5_000, 10_000, 60_000);
    /** Upper bounds of the tick lateness histogram's buckets, around the engine's targets (2 ms and 20 ms p99). */
    static final Duration[] LATENESS_BUCKETS =
            millis(0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 250, 500, 1_000, 5_000, 60_000);

    /** The meters of one strategy type; shared by all its bots. */
    final class StrategyMeters {
        final Counter ticks;
        final Counter skipped;
        final Counter errors;
        final Counter restarts;
        final Counter ordersSubmitted;
        final Counter ordersRefused;
        final Counter ordersFilled;
        final Counter ordersFailed;
        final Timer tickDuration;
        final Timer tickLateness;

        StrategyMeters(MeterRegistry registry, String strategy) {
            ticks = Counter.builder("solbot.ticks")
                    .description("ticks run")
                    .tag("strategy", strategy)
                    .register(registry);
            skipped = Counter.builder("solbot.ticks.skipped")
                    .description(
                            "ticks not run because the previous tick of the bot was still running or waiting to run, or"
                                    + " because the whole process stalled past them")
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
            // histograms, so that a backend can compute p99 over many instances; fixed bucket bounds (one series
            // each) rather than Micrometer's percentile buckets, which would be ~100 series per timer and strategy
            tickDuration = Timer.builder("solbot.tick.duration")
                    .description("time a tick callback took")
                    .tag("strategy", strategy)
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry);
            tickLateness = Timer.builder("solbot.tick.lateness")
                    .description("how long after its due time a tick started")
                    .tag("strategy", strategy)
                    .serviceLevelObjectives(LATENESS_BUCKETS)
                    .register(registry);
        }

        /** A bot of this strategy moved from {@code from} to {@code to}; null for a bot that appears or goes. */
        void statusChanged(RunStatus from, RunStatus to) {
            EngineMetrics.this.statusChanged(from, to);
        }

        private static Counter order(MeterRegistry registry, String strategy, String outcome) {
            return Counter.builder("solbot.orders")
                    .tag("strategy", strategy)
                    .tag("outcome", outcome)
                    .register(registry);
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

    StrategyMeters strategy(String strategyId) {
        return byStrategy.computeIfAbsent(strategyId, id -> new StrategyMeters(registry, id));
    }

    void statusChanged(RunStatus from, RunStatus to) {
        if (from != null) {
            botsByStatus.get(from).decrementAndGet();
        }
        if (to != null) {
            botsByStatus.get(to).incrementAndGet();
        }
    }

    private static Duration[] millis(double... bounds) {
        Duration[] out = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            out[i] = Duration.ofNanos(Math.round(bounds[i] * 1_000_000));
        }
        return out;
    }
}
