package io.solbot.strategies.copytrade;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/**
 * The {@code copy-trade} strategy: mirrors other wallets' swaps, scaled, after a delay, within a size cap and the
 * safety verdict (see {@link CopyTrade}). Stateless and thread-safe.
 */
public final class CopyTradeProvider implements StrategyProvider<CopyTradeConfig> {
    public CopyTradeProvider() {}

    @Override
    public String id() {
        return "copy-trade";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Mirrors other wallets' buys and sells, scaled and capped, after a delay, within the safety checks";
    }

    @Override
    public Class<CopyTradeConfig> configType() {
        return CopyTradeConfig.class;
    }

    /** The leaders' swaps, and prices for the take profit and stop loss. */
    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.WALLET_SWAPS, Capability.PRICES);
    }

    @Override
    public Strategy create(CopyTradeConfig config) {
        return new CopyTrade(config);
    }
}
