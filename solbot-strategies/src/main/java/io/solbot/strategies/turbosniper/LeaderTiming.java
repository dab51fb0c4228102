package io.solbot.strategies.turbosniper;

import static io.solbot.strategies.turbosniper.Enabled.WHEN_ENABLED;
import static io.solbot.strategies.turbosniper.Enabled.on;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;

/**
 * Fire a buy {@code preflightMs} (at least 1 ms) before the leader's slot, within {@code windowSlots} (at least 1)
 * slots; both are required when enabled.
 */
@CrossField
public record LeaderTiming(
        Boolean enabled,
        @Between(min = "1", unit = "ms") Long preflightMs,
        @Between(min = "1", unit = "slots") Integer windowSlots)
        implements CrossFieldRules {
    @Override
    public void check(Rules rules) {
        if (on(enabled)) {
            rules.require("preflightMs", preflightMs, WHEN_ENABLED);
            rules.require("windowSlots", windowSlots, WHEN_ENABLED);
        }
    }
}
