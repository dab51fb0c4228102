package io.solbot.strategies.grid;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/**
 * The {@code grid} strategy: buys a token at evenly spaced levels as its price falls through them and sells each lot
 * a level higher, moving the grid when the price leaves it (see {@link Grid}). Stateless and thread-safe.
 */
public final class GridProvider implements StrategyProvider<GridConfig> {
    public GridProvider() {}

    @Override
    public String id() {
        return "grid";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Buys at evenly spaced levels as the price falls and sells each lot a level higher";
    }

    @Override
    public Class<GridConfig> configType() {
        return GridConfig.class;
    }

    /** Prices and the SOL price: its levels are in USD. */
    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRICES, Capability.SOL_USD);
    }

    @Override
    public Strategy create(GridConfig config) {
        return new Grid(config);
    }
}
