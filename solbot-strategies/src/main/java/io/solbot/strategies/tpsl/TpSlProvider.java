package io.solbot.strategies.tpsl;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/**
 * The {@code tp-sl} strategy: buys a position in a token, then sells it by take-profit and stop-loss rules, each a
 * share of the position (see {@link TpSl}). Stateless and thread-safe.
 */
public final class TpSlProvider implements StrategyProvider<TpSlConfig> {
    public TpSlProvider() {}

    @Override
    public String id() {
        return "tp-sl";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Buys a position, then sells it by take-profit and stop-loss rules, each a share of it";
    }

    @Override
    public Class<TpSlConfig> configType() {
        return TpSlConfig.class;
    }

    /** Prices, and the SOL price for an {@code entryPrice} in USD. */
    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRICES, Capability.SOL_USD);
    }

    @Override
    public Strategy create(TpSlConfig config) {
        return new TpSl(config);
    }
}
