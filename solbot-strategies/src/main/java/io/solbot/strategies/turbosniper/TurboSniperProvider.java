package io.solbot.strategies.turbosniper;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code turbo-sniper} strategy: low-latency sniper: priority fees, Jito bundles, smart exits. Validates configs only in this version. */
public final class TurboSniperProvider extends ValidationOnlyProvider<TurboSniperConfig> {
    public TurboSniperProvider() {
        super("turbo-sniper", "Low-latency sniper: priority fees, Jito bundles, smart exits", TurboSniperConfig.class);
    }
}
