package io.solbot.strategies.schedulelauncher;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/**
 * The {@code schedule-launcher} strategy: from its start time, buys a token on an interval or at limit price tiers
 * (see {@link ScheduleLauncher}). It only buys. Stateless and thread-safe.
 */
public final class ScheduleLauncherProvider implements StrategyProvider<ScheduleLauncherConfig> {
    public ScheduleLauncherProvider() {}

    @Override
    public String id() {
        return "schedule-launcher";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Buys on a schedule (interval) or at limit price tiers";
    }

    @Override
    public Class<ScheduleLauncherConfig> configType() {
        return ScheduleLauncherConfig.class;
    }

    /** Prices and the SOL price, for the limit tiers (in USD). */
    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRICES, Capability.SOL_USD);
    }

    @Override
    public Strategy create(ScheduleLauncherConfig config) {
        return new ScheduleLauncher(config);
    }
}
