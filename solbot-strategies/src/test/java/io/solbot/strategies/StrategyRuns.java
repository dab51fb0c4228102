package io.solbot.strategies;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.engine.StartedBots;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.plugin.StrategyRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * For the built-in strategies' tests: a config record loaded from a bots file, as the engine gets it, and a backtest
 * of a bots file through the engine on a seeded simulated market with the paper executor.
 */
public final class StrategyRuns {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
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
     * end, the paper wallets as they ended, and the run's {@linkplain Backtest.Result#fingerprint() fingerprint}.
     */
    public record Run(
            List<Fill> fills,
            List<OrderFailure> failures,
            List<BotStatus> statuses,
            Wallets wallets,
            String fingerprint) {}

    /** The paper executor's wallets at the end of a run. */
    public interface Wallets {
        WalletBalances of(String botId, String label);
    }

    /**
     * Backtests {@code botsYaml} (a whole bots file) for {@code duration} on a random market of seed {@code seed}
     * listing BONK, JUP and WIF, with the paper executor's defaults (seed 7) changed by {@code paper}, in steps of
     * one second.
     */
    public static Run backtest(String botsYaml, long seed, Duration duration, UnaryOperator<PaperSettings> paper) {
        return backtest(botsYaml, RandomMarketSettings.defaults(seed, START), duration, paper);
    }

    /**
     * Backtests {@code botsYaml} for {@code duration} on a random market of {@code settings} (which should start at
     * {@link #START}) listing BONK, JUP and WIF, with the paper executor's defaults (seed 7) changed by {@code paper},
     * in steps of one second.
     */
    public static Run backtest(
            String botsYaml, RandomMarketSettings settings, Duration duration, UnaryOperator<PaperSettings> paper) {
        ConfigReport bots = LOADER.parse(botsYaml, "bots.yaml");
        try (SimulatedMarket market = SimulatedMarket.random(settings, Listing.WELL_KNOWN);
                Backtest backtest = Backtest.builder(market)
                        .paper(paper.apply(PaperSettings.defaults(7)))
                        .engine(b -> b.strategies(REGISTRY).seed(1))
                        .build()) {
            StartedBots started = backtest.engine().startAll(bots);
            if (!started.allStarted()) {
                throw new IllegalStateException("bots not started: " + started.notStarted());
            }
            Backtest.Result result = backtest.runUntil(START.plus(duration));
            return new Run(
                    result.fills(),
                    result.failures(),
                    backtest.engine().statuses(),
                    (bot, label) -> backtest.wallet(BotId.of(bot), label),
                    result.fingerprint());
        }
    }
}
