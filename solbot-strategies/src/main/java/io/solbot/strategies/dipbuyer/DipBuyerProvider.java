package io.solbot.strategies.dipbuyer;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.internal.ConfigPlans;
import io.solbot.strategies.common.internal.EntryDefaults;
import io.solbot.strategies.common.internal.Gates;
import io.solbot.strategies.common.internal.TradingPlan;
import io.solbot.strategies.common.internal.TradingStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code dip-buyer} strategy: the sniper's pipeline with the dip gate in place of the pump gate: it buys a token
 * whose change over {@code recoveryWindow} (5 min) is at or below −{@code dipThreshold} %; volume (50 000 USD over 1 h),
 * liquidity (50 000 USD) and price impact (15 %) as the sniper.
 */
public final class DipBuyerProvider implements StrategyProvider<DipBuyerConfig> {
    static final Duration RECOVERY_WINDOW = Duration.ofMinutes(5);

    public DipBuyerProvider() {}

    @Override
    public String id() {
        return "dip-buyer";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Buys tokens that dropped at least dipThreshold % over the recovery window";
    }

    @Override
    public Class<DipBuyerConfig> configType() {
        return DipBuyerConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return ConfigPlans.CAPABILITIES;
    }

    @Override
    public Strategy create(DipBuyerConfig config) {
        return new TradingStrategy(plan(config));
    }

    static TradingPlan plan(DipBuyerConfig config) {
        FilterConfig filter = ConfigPlans.orEmpty(config.filterFields());
        EntryDefaults defaults = EntryDefaults.SNIPER;
        Duration window = ConfigPlans.window(config.recoveryWindow(), RECOVERY_WINDOW);
        return ConfigPlans.plan(
                config,
                config.feedFields(),
                defaults,
                ConfigPlans.gates(
                        config.sharedFields(), filter, defaults, List.of(Gates.dip(window, config.dipThreshold()))),
                ConfigPlans.exits(config.sharedFields(), config.exitFields()));
    }
}
