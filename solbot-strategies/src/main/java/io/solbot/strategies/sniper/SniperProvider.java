package io.solbot.strategies.sniper;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code sniper} strategy: buys new or trending tokens that pumped with enough volume and liquidity and pass safety. Validates configs only in this version. */
public final class SniperProvider extends ValidationOnlyProvider<SniperConfig> {
    public SniperProvider() {
        super(
                "sniper",
                "Buys new or trending tokens that pumped with enough volume and liquidity and pass safety",
                SniperConfig.class);
    }
}
