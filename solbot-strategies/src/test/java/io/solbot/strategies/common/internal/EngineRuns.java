package io.solbot.strategies.common.internal;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.spi.StrategyProvider;
import java.time.Duration;
import java.time.Instant;

/** Runs one bot of a built-in strategy in a real engine on a random simulated market (a backtest). */
public final class EngineRuns {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private EngineRuns() {}

    /**
     * Runs a bot of {@code provider} with {@code config} for {@code duration} on a random market of {@code seed} (the
     * well-known tokens and launches), with the default paper executor.
     */
    public static <C> Backtest.Result run(StrategyProvider<C> provider, C config, long seed, Duration duration) {
        RandomMarketSettings settings = RandomMarketSettings.defaults(seed, START);
        try (SimulatedMarket market = SimulatedMarket.random(settings, Listing.WELL_KNOWN);
                Backtest backtest = Backtest.builder(market)
                        .paper(PaperSettings.defaults(seed))
                        .engine(engine -> engine.strategyProvider(provider).seed(seed))
                        .build()) {
            backtest.engine()
                    .start(BotSpec.builder(BotId.of(provider.id() + "-1"), provider.id(), config)
                            .build());
            return backtest.runUntil(START.plus(duration));
        }
    }
}
