package io.solbot.strategies.dca;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/**
 * The {@code dca} strategy: buys one token on a fixed schedule, a fixed amount each time, within price guards; missed
 * buys are reported, not bunched (see {@link Dca}). Stateless and thread-safe.
 */
public final class DcaProvider implements StrategyProvider<DcaConfig> {
    public DcaProvider() {}

    @Override
    public String id() {
        return "dca";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Buys a token on a fixed schedule, a fixed amount each time, within price guards";
    }

    @Override
    public Class<DcaConfig> configType() {
        return DcaConfig.class;
    }

    /** Prices and the SOL price, for the guards (in USD). */
    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRICES, Capability.SOL_USD);
    }

    @Override
    public Strategy create(DcaConfig config) {
        return new Dca(config);
    }
}
