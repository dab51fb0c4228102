package io.solbot.strategies.dipbuyer;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code dip-buyer} strategy: buys tokens that dropped at least dipThreshold % over the recovery window. Validates configs only in this version. */
public final class DipBuyerProvider extends ValidationOnlyProvider<DipBuyerConfig> {
    public DipBuyerProvider() {
        super(
                "dip-buyer",
                "Buys tokens that dropped at least dipThreshold % over the recovery window",
                DipBuyerConfig.class);
    }
}
