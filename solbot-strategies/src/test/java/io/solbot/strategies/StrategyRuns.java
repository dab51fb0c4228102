package io.solbot.strategies;

import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.engine.SimulatedClock;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.engine.StartedBots;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.execution.Quote;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.plugin.StrategyRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * For the built-in strategies' tests: a config record loaded from a bots file, as the engine gets it, and a backtest
 * of a bots file through the engine on a seeded simulated market with the paper executor.
 */
public final class StrategyRuns {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(1);
    private static final StrategyRegistry REGISTRY =
            StrategyRegistry.builder().discoverClassPath().build();
    private static final BotsFileLoader LOADER = BotsFileLoader.using(REGISTRY);

    private StrategyRuns() {}

    /**
     * The config of one bot of {@code mode} written as {@code yamlConfig} (a YAML flow mapping), validated.
     *
     * @throws io.solbot.core.config.InvalidConfigException naming every violation, if it is not valid
     */
    public static <C> C config(String mode, String yamlConfig, Class<C> type) {
        ConfigReport report = LOADER.parse(
                "bots:\n  - id: b1\n    mode: " + mode + "\n    config: " + yamlConfig + "\n", "test.yaml");
        return type.cast(report.requireValid().getFirst().config());
    }

    /**
     * What a backtest did: every fill and failure in the order the executor produced them, each bot's status at the
     * end, and the paper wallets as they ended.
     */
    public record Run(List<Fill> fills, List<OrderFailure> failures, List<BotStatus> statuses, Wallets wallets) {}

    /** The paper executor's wallets at the end of a run. */
    public interface Wallets {
        WalletBalances of(String botId, String label);
    }

    /**
     * Backtests {@code botsYaml} (a whole bots file) for {@code duration} on a random market of seed {@code seed}
     * listing BONK, JUP and WIF, with the paper executor's defaults (seed 7) changed by {@code paper}, in steps of
     * one second: each step moves the market, then the engine's simulated clock, as {@code Backtest} does.
     *
     * <p>Not {@code io.solbot.core.backtest.Backtest} itself: its engine's executor is a lambda around the paper
     * executor that reports neither its capabilities ({@code wallet-balances}, {@code multi-wallet}) nor its wallets'
     * balances, so a strategy that reads its wallet cannot start on it.
     */
    public static Run backtest(String botsYaml, long seed, Duration duration, UnaryOperator<PaperSettings> paper) {
        ConfigReport bots = LOADER.parse(botsYaml, "bots.yaml");
        Instant end = START.plus(duration);
        try (SimulatedMarket market =
                SimulatedMarket.random(RandomMarketSettings.defaults(seed, START), Listing.WELL_KNOWN)) {
            market.advanceTo(market.now());
            SimulatedClock clock = SimulatedClock.startingAt(market.now(), STEP, Duration.ofSeconds(30));
            Instant[] horizon = {market.now()};
            PaperExecutor executor = PaperExecutor.builder(paper.apply(PaperSettings.defaults(7)), market)
                    .timeline(time -> advance(market, time.isBefore(horizon[0]) ? time : horizon[0]))
                    .build();
            Recording recording = new Recording(executor);
            SolbotEngine engine = SolbotEngine.builder()
                    .strategies(REGISTRY)
                    .seed(1)
                    .clock(clock)
                    .marketData(market)
                    .swapExecutor(recording)
                    .build();
            try {
                StartedBots started = engine.startAll(bots);
                if (!started.allStarted()) {
                    throw new IllegalStateException("bots not started: " + started.notStarted());
                }
                Instant now = clock.instant();
                while (now.isBefore(end)) {
                    Instant next = now.plus(STEP);
                    advance(market, next);
                    horizon[0] = next.plus(STEP);
                    clock.advance(STEP);
                    horizon[0] = next;
                    now = next;
                }
                List<BotStatus> statuses = engine.statuses();
                return new Run(
                        recording.fills(),
                        recording.failures(),
                        statuses,
                        (bot, label) -> executor.balances(BotId.of(bot), label).orElseThrow());
            } finally {
                engine.shutdown(Duration.ofSeconds(10));
                executor.close();
            }
        }
    }

    private static void advance(SimulatedMarket market, Instant time) {
        synchronized (market) {
            if (time.isAfter(market.now())) {
                market.advanceTo(time);
            }
        }
    }

    /** The paper executor, every outcome recorded in the order it came. */
    private static final class Recording implements SwapExecutor {
        private final PaperExecutor paper;
        private final List<Fill> fills = new ArrayList<>();
        private final List<OrderFailure> failures = new ArrayList<>();

        Recording(PaperExecutor paper) {
            this.paper = paper;
        }

        @Override
        public synchronized SwapOutcome execute(SwapOrder order) {
            SwapOutcome outcome = paper.execute(order);
            switch (outcome) {
                case SwapOutcome.Filled f -> fills.addAll(f.fills());
                case SwapOutcome.Failed f -> {
                    fills.addAll(f.partialFills());
                    failures.add(f.failure());
                }
            }
            return outcome;
        }

        @Override
        public Optional<SwapOutcome> resolve(SwapOrder order) {
            return paper.resolve(order);
        }

        @Override
        public Optional<Quote> quote(Mint mint, Side side, TokenAmount amountIn, int slippageBps) {
            return paper.quote(mint, side, amountIn, slippageBps);
        }

        @Override
        public Optional<WalletBalances> balances(BotId botId, String wallet) {
            return paper.balances(botId, wallet);
        }

        @Override
        public Set<String> capabilities() {
            return paper.capabilities();
        }

        synchronized List<Fill> fills() {
            return List.copyOf(fills);
        }

        synchronized List<OrderFailure> failures() {
            return List.copyOf(failures);
        }
    }
}
