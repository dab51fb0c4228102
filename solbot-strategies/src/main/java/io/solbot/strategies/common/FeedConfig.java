package io.solbot.strategies.common;

import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.OneOf;
import io.solbot.core.config.SolanaAddress;
import java.util.List;

/**
 * Where a strategy finds tokens: a Birdeye list ({@code tokenFeed}) or the tokens it is given ({@code
 * monitoredTokens}). Left out, the feed is {@code monitored} when tokens are given, else {@code new} (what the
 * original launcher injected), except for the strategies that call {@link #requireSource}: a sniper, scalper or turbo
 * sniper given neither could never buy, and is refused.
 *
 * @param tokenFeed the list, as written; null when left out (see {@link #source()})
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

    /** The list to read: {@code tokenFeed}, or when left out {@code monitored} if tokens are given, else {@code new}. */
    public String source() {
        if (tokenFeed != null) {
            return tokenFeed.trim();
        }
        return hasMonitoredTokens() ? "monitored" : "new";
    }

    /** Whether {@code monitoredTokens} lists at least one token. */
    public boolean hasMonitoredTokens() {
        return monitoredTokens != null && !monitoredTokens.isEmpty();
    }

    /**
     * Reports, in one message naming both fields, a config that gives neither a {@code tokenFeed} nor a non-empty
     * {@code monitoredTokens}: the original validator's rule, which its turbo sniper never reached.
     */
    public void requireSource(Rules rules) {
        if (tokenFeed == null && !hasMonitoredTokens()) {
            rules.reject(
                    "tokenFeed",
                    null,
                    "or monitoredTokens is required: give a token feed (new, trending, ...) or at least one monitored"
                            + " token, else the bot could never buy");
        }
    }

    @Override
    public void check(Rules rules) {
        if ("monitored".equalsIgnoreCase(source()) && !hasMonitoredTokens()) {
            rules.reject("monitoredTokens", null, "must list at least one token when tokenFeed is monitored");
        }
        if (monitoredTokens != null && monitoredTokens.contains(null)) {
            rules.reject("monitoredTokens", null, "must not hold empty entries");
        }
    }
}
