package io.solbot.strategies.rebalancer;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code rebalancer} strategy: keeps a wallet at target weights. Validates configs only in this version. */
public final class RebalancerProvider extends ValidationOnlyProvider<RebalancerConfig> {
    public RebalancerProvider() {
        super("rebalancer", "Keeps a wallet at target weights", RebalancerConfig.class);
    }
}
