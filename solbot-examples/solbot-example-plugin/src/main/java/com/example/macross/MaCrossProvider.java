package com.example.macross;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/** Registers the moving-average-cross strategy under the id {@code ma-cross}. */
public final class MaCrossProvider implements StrategyProvider<MaCrossConfig> {
    @Override
    public String id() {
        return "ma-cross";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Buys when the price crosses above its moving average; sells on take profit or stop loss";
    }

    @Override
    public Class<MaCrossConfig> configType() {
        return MaCrossConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRICES);
    }

    @Override
    public Strategy create(MaCrossConfig config) {
        return new MaCrossStrategy(config);
    }
}
