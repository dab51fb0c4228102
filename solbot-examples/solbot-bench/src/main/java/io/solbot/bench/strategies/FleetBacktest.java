package io.solbot.bench.strategies;

import com.sun.management.OperatingSystemMXBean;
import io.solbot.core.backtest.Backtest;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.engine.StartedBots;
import io.solbot.core.engine.TickStats;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.plugin.StrategyRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A backtest of a fleet mixing the nine strategies that trade (about a ninth each, configs varied by a seeded random,
 * each at its default interval, written out where the config requires one) on a random simulated market with launches, rugs and honeypots, through the engine
 * and the paper executor, for a number of simulated hours. Prints the bot-ticks run per second of wall time, the wall
 * and process CPU seconds, and per strategy its ticks and their mean duration, so that a slow strategy shows.
 *
 * <pre>
 * java -cp benchmarks.jar io.solbot.bench.strategies.FleetBacktest [bots (1000)] [hours (24)] [seed (42)] [safety]
 * </pre>
 */
public final class FleetBacktest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> MINTS =
            Listing.WELL_KNOWN.stream().map(l -> l.mint().address()).toList();

    /**
     * The original's default interval of the first six kinds below, in seconds, which our configs require to be
     * written; the stealth bot (1 s), rotation bot (3600 s) and rebalancer (600 s) tick at theirs when left out.
     */
    private static final int[] DEFAULT_INTERVAL_SECONDS = {30, 10, 30, 30, 30, 20};

    private FleetBacktest() {}

    private static Backtest fleet(SimulatedMarket market, StrategyRegistry registry, boolean safety) {
        Backtest.Builder builder = Backtest.builder(market)
                .paper(PaperSettings.defaults(7))
                .engine(b -> b.strategies(registry).seed(1));
        return safety ? builder.safetyChecks().build() : builder.build();
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // the engine logs a line per failed order: thousands a simulated day, not what is measured
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        int bots = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int hours = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        // "safety": every buy held to the built-in safety checks, as the launcher's backtest does
        boolean safety = args.length > 3 && args[3].equals("safety");

        StrategyRegistry registry =
                StrategyRegistry.builder().discoverClassPath().build();
        ConfigReport file = BotsFileLoader.using(registry).parse(botsFile(bots, new Random(seed)), "fleet.yaml");
        file.requireValid();
        RandomMarketSettings settings =
                RandomMarketSettings.defaults(seed, START).withLaunches(0.02, 0.002, 0.2);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SimulatedMarket market = SimulatedMarket.random(settings, Listing.WELL_KNOWN);
                Backtest backtest = fleet(market, registry, safety)) {
            StartedBots started = backtest.engine().startAll(file);
            if (!started.allStarted()) {
                throw new IllegalStateException("bots not started: " + started.notStarted());
            }
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Backtest.Result result = null;
            for (int h = 1; h <= hours; h++) {
                result = backtest.runUntil(START.plus(Duration.ofHours(h)));
                System.out.printf(
                        Locale.ROOT,
                        "hour %2d: %6.1f s wall, %,d fills, %,d failures%n",
                        h,
                        (System.nanoTime() - wall0) / 1e9,
                        result.fills().size(),
                        result.failures().size());
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            List<BotStatus> statuses = backtest.engine().statuses();
            long ticks = statuses.stream().mapToLong(BotStatus::tickCount).sum();
            long skipped = statuses.stream().mapToLong(BotStatus::skippedTicks).sum();
            long running = statuses.stream()
                    .filter(s -> s.status().name().equals("RUNNING"))
                    .count();
            System.out.printf(
                    Locale.ROOT,
                    "%n%,d bots, %d simulated hours: %,d bot-ticks (%,d skipped) in %.1f s wall, %.1f s CPU"
                            + " (%.2f cores): %,.0f bot-ticks/s wall, %,.0f per CPU-second%n",
                    bots,
                    hours,
                    ticks,
                    skipped,
                    wall,
                    cpu,
                    cpu / wall,
                    ticks / wall,
                    ticks / cpu);
            System.out.printf(
                    Locale.ROOT,
                    "%,d fills, %,d failures, %,d market events, %d bots running at the end; fingerprint %s%n%n",
                    result.fills().size(),
                    result.failures().size(),
                    result.events(),
                    running,
                    result.fingerprint());
            System.out.printf(Locale.ROOT, "%-14s %12s %14s %12s%n", "strategy", "ticks", "mean tick µs", "share");
            List<TickStats> stats = backtest.engine().tickStats();
            double total = stats.stream()
                    .mapToDouble(s -> s.duration().total().toNanos())
                    .sum();
            for (TickStats s : stats) {
                System.out.printf(
                        Locale.ROOT,
                        "%-14s %,12d %14.1f %11.1f%%%n",
                        s.strategyId(),
                        s.ticks(),
                        s.duration().mean().toNanos() / 1e3,
                        100 * s.duration().total().toNanos() / total);
            }
        }
    }

    /** {@code n} bots, the nine strategies in turn, each config varied by {@code r}; no interval given. */
    static String botsFile(int n, Random r) {
        StringBuilder out = new StringBuilder("bots:\n");
        for (int i = 0; i < n; i++) {
            out.append("  - mode: ").append(bot(i % 9, r)).append('\n');
        }
        return out.toString();
    }

    private static String bot(int kind, Random r) {
        String amount = "0.0" + r.nextInt(1, 10);
        int slippage = r.nextInt(1, 6);
        int trades = r.nextInt(1, 21);
        String feed = r.nextBoolean()
                ? "tokenFeed: " + pick(List.of("new", "trending", "volume-spike", "all"), r)
                : "monitoredTokens: [" + pick(MINTS, r) + "]";
        String exits = "takeProfit: " + r.nextInt(2, 30) + ", stopLoss: " + r.nextInt(2, 30);
        String common = "amountToSpend: " + amount + ", slippage: " + slippage + ", maxTrades: " + trades
                + (kind < DEFAULT_INTERVAL_SECONDS.length ? ", interval: " + DEFAULT_INTERVAL_SECONDS[kind] : "")
                + ", ";
        return switch (kind) {
            case 0 ->
                "sniper\n    config: {" + common + feed + ", " + exits + ", entryThreshold: " + r.nextInt(0, 5)
                        + ", volumeThreshold: 0, minPoolUsd: 0}";
            case 1 ->
                "scalper\n    config: {" + common + feed + ", entryThreshold: " + r.nextInt(0, 3) + ", useSignals: "
                        + r.nextBoolean() + "}";
            case 2 ->
                "breakout\n    config: {" + common + feed + ", " + exits + ", squeezeLookback: " + r.nextInt(3, 15)
                        + ", minVolumeSurge: " + r.nextInt(1, 4) + ", minPoolUsd: 0}";
            case 3 ->
                "dipBuyer\n    config: {" + common + feed + ", " + exits + ", dipThreshold: " + r.nextInt(1, 10)
                        + ", volumeThreshold: 0, minPoolUsd: 0}";
            case 4 -> "paperTrader\n    config: {" + common + feed + ", " + exits + ", volumeThreshold: 0}";
            case 5 ->
                "chadMode\n    config: {" + common + "outputMint: " + pick(MINTS, r) + ", autoSell: {delay: "
                        + r.nextInt(5_000, 120_000) + ", dumpPct: " + r.nextInt(50, 101) + "}}";
            case 6 ->
                "stealthBot\n    config: {wallets: [w1, w2, w3], tokenMint: " + pick(MINTS, r)
                        + ", positionSize: " + amount + ", delayMinMs: 1000, delayMaxMs: " + r.nextInt(1_000, 600_000)
                        + ", sizeJitterPct: " + r.nextInt(0, 30) + "}";
            case 7 ->
                "rotationBot\n    config: {tokens: [" + String.join(", ", MINTS) + "], slippage: " + slippage
                        + ", maxTrades: " + trades + ", minMomentum: " + r.nextInt(0, 4) + ", priceChangeWindow: "
                        + pick(List.of("15m", "1h"), r) + "}";
            default ->
                "rebalancer\n    config: {targetAllocations: {" + MINTS.get(0) + ": " + r.nextInt(10, 60)
                        + ", " + MINTS.get(1) + ": " + r.nextInt(10, 60) + "}, rebalanceThreshold: "
                        + r.nextInt(2, 15) + ", slippage: " + slippage + ", maxRebalances: " + r.nextInt(1, 10) + "}";
        };
    }

    private static <T> T pick(List<T> from, Random r) {
        return from.get(r.nextInt(from.size()));
    }
}
