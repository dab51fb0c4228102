package io.solbot.strategies.limit;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/**
 * The {@code limit} strategy: a limit order on one token, buying at or below a price, selling at or above one, or
 * both, until it expires (see {@link LimitOrder}). Stateless and thread-safe.
 */
public final class LimitProvider implements StrategyProvider<LimitConfig> {
    public LimitProvider() {}

    @Override
    public String id() {
        return "limit";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "A limit order: buys at or below a price, sells at or above one, until it expires";
    }

    @Override
    public Class<LimitConfig> configType() {
        return LimitConfig.class;
    }

    /** Prices and the SOL price: its prices are in USD. */
    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRICES, Capability.SOL_USD);
    }

    @Override
    public Strategy create(LimitConfig config) {
        return new LimitOrder(config);
    }
}
