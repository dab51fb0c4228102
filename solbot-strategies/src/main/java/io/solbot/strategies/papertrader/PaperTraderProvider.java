package io.solbot.strategies.papertrader;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.strategies.common.internal.ConfigPlans;
import io.solbot.strategies.common.internal.TradingPlan;
import io.solbot.strategies.common.internal.TradingStrategy;
import java.util.Set;

/**
 * The {@code paper-trader} strategy: the sniper's pipeline, gates, defaults and exits, through whatever executor the
 * engine runs. On the paper executor its own simulation fields ({@code execModel}, {@code seed}, {@code latency},
 * {@code failureRates}, {@code partials}, {@code slippageBpsCap}, {@code maxDailyTrades}) set how its orders run,
 * laid over the executor's settings ({@link PaperTraderConfig#paperSettings}); other bots keep the executor's.
 */
public final class PaperTraderProvider implements StrategyProvider<PaperTraderConfig> {
    public PaperTraderProvider() {}

    @Override
    public String id() {
        return "paper-trader";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Sniper pipeline with simulated execution (ideal, amm_depth, jito_fallback)";
    }

    @Override
    public Class<PaperTraderConfig> configType() {
        return PaperTraderConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return ConfigPlans.CAPABILITIES;
    }

    @Override
    public Strategy create(PaperTraderConfig config) {
        return new TradingStrategy(plan(config));
    }

    static TradingPlan plan(PaperTraderConfig config) {
        return ConfigPlans.sniper(
                config, config.feedFields(), config.filterFields(), config.exitFields(), config.sniperFields());
    }
}
