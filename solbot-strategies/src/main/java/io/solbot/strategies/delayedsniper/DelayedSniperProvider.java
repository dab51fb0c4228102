package io.solbot.strategies.delayedsniper;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code delayed-sniper} strategy: sniper that skips the first blocks after launch and waits before buying. Validates configs only in this version. */
public final class DelayedSniperProvider extends ValidationOnlyProvider<DelayedSniperConfig> {
    public DelayedSniperProvider() {
        super(
                "delayed-sniper",
                "Sniper that skips the first blocks after launch and waits before buying",
                DelayedSniperConfig.class);
    }
}
