package io.solbot.strategies.rebalancer;

import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyProvider;
import java.util.Set;

/**
 * The {@code rebalancer} strategy: keeps a wallet at target weights. Each tick (every {@code rebalanceInterval}) it
 * weighs the wallet's SOL above its floor and its target tokens at their prices, and moves a token whose weight
 * drifted from its target by more than {@code rebalanceThreshold} points back to it: sells first, then, once they are
 * done, buys from what the wallet then holds. Reads prices, the wallet's balances and the SOL price (for {@code
 * minTradeUsd}). Stateless and thread-safe.
 */
public final class RebalancerProvider implements StrategyProvider<RebalancerConfig> {
    public RebalancerProvider() {}

    @Override
    public String id() {
        return "rebalancer";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION;
    }

    @Override
    public String description() {
        return "Keeps a wallet at target weights";
    }

    @Override
    public Class<RebalancerConfig> configType() {
        return RebalancerConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRICES, Capability.WALLET_BALANCES, Capability.SOL_USD);
    }

    @Override
    public Strategy create(RebalancerConfig config) {
        return new Rebalancer(config);
    }
}
