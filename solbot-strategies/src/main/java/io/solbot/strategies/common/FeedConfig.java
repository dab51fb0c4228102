package io.solbot.strategies.common;

import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.OneOf;
import io.solbot.core.config.SolanaAddress;
import java.util.List;

/**
 * Where a strategy finds tokens: a Birdeye list ({@code tokenFeed}) or the tokens it is given ({@code
 * monitoredTokens}). Left out, the feed is {@code monitored} when tokens are given, else {@code new} (what the
 * original launcher injected).
 */
@CrossField
public record FeedConfig(
        @OneOf({
            "new",
            "trending",
            "high-liquidity",
            "mid-cap-growth",
            "price-surge",
            "volume-spike",
            "high-trade",
            "recent-good-liquidity",
            "all",
            "monitored"
        })
        String tokenFeed,

        Boolean overrideMonitored,
        List<@SolanaAddress String> monitoredTokens)
        implements CrossFieldRules {

    public FeedConfig {
        if (tokenFeed == null) {
            tokenFeed = monitoredTokens != null && !monitoredTokens.isEmpty() ? "monitored" : "new";
        }
    }

    @Override
    public void check(Rules rules) {
        if ("monitored".equalsIgnoreCase(tokenFeed.trim()) && (monitoredTokens == null || monitoredTokens.isEmpty())) {
            rules.reject("monitoredTokens", null, "must list at least one token when tokenFeed is monitored");
        }
        if (monitoredTokens != null && monitoredTokens.contains(null)) {
            rules.reject("monitoredTokens", null, "must not hold empty entries");
        }
    }
}
