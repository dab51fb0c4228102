package io.solbot.strategies.sniper;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.strategies.common.internal.ConfigPlans;
import io.solbot.strategies.common.internal.TradingPlan;
import io.solbot.strategies.common.internal.TradingStrategy;
import java.util.Set;

/**
 * The {@code sniper} strategy: each tick, the exits over its positions, then the tokens of its feed (or its monitored
 * list) through the gates token age → pump ({@code entryThreshold}, 3 %, over {@code priceWindow}, 5 min) → volume
 * ({@code volumeThreshold}, 50 000 USD over {@code volumeWindow}, 1 h) → volume spike → target price → market cap →
 * liquidity ({@code minPoolUsd}, 50 000 USD) → safety → price impact ({@code maxSlippage}, 15 %) → buy {@code
 * amountToSpend}.
 */
public final class SniperProvider implements StrategyProvider<SniperConfig> {
    public SniperProvider() {}

    @Override
    public String id() {
        return "sniper";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Buys new or trending tokens that pumped with enough volume and liquidity and pass safety";
    }

    @Override
    public Class<SniperConfig> configType() {
        return SniperConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return ConfigPlans.CAPABILITIES;
    }

    @Override
    public Strategy create(SniperConfig config) {
        return new TradingStrategy(plan(config));
    }

    static TradingPlan plan(SniperConfig config) {
        return ConfigPlans.sniper(
                config, config.feedFields(), config.filterFields(), config.exitFields(), config.sniperFields());
    }
}
