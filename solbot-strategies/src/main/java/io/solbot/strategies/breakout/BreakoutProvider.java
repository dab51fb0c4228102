package io.solbot.strategies.breakout;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code breakout} strategy: buys volume-backed breakouts out of a squeeze. Validates configs only in this version. */
public final class BreakoutProvider extends ValidationOnlyProvider<BreakoutConfig> {
    public BreakoutProvider() {
        super("breakout", "Buys volume-backed breakouts out of a squeeze", BreakoutConfig.class);
    }
}
