package io.solbot.strategies.trendfollower;

import io.solbot.strategies.common.ValidationOnlyProvider;

/** The {@code trend-follower} strategy: buys aligned EMA trends with a trailing stop. Validates configs only in this version. */
public final class TrendFollowerProvider extends ValidationOnlyProvider<TrendFollowerConfig> {
    public TrendFollowerProvider() {
        super("trend-follower", "Buys aligned EMA trends with a trailing stop", TrendFollowerConfig.class);
    }
}
