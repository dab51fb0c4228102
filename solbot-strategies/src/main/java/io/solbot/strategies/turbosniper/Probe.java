package io.solbot.strategies.turbosniper;

import static io.solbot.strategies.turbosniper.Enabled.WHEN_ENABLED;
import static io.solbot.strategies.turbosniper.Enabled.on;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import java.math.BigDecimal;

/**
 * Buy a {@code usd} probe first (greater than 0), abort above {@code abortOnImpactPct} impact (greater than 0, at
 * most 100 %), else buy {@code scaleFactor} times more (greater than 1) after {@code delayMs} (at least 0); all
 * four required when enabled.
 */
@CrossField
public record Probe(
        Boolean enabled,

        @Between(min = "0", minInclusive = false, unit = "USD")
        BigDecimal usd,

        @Between(min = "1", minInclusive = false) BigDecimal scaleFactor,

        @Between(min = "0", minInclusive = false, max = "100", unit = "%")
        BigDecimal abortOnImpactPct,

        @Between(min = "0", unit = "ms") Long delayMs)
        implements CrossFieldRules {
    @Override
    public void check(Rules rules) {
        if (on(enabled)) {
            rules.require("usd", usd, WHEN_ENABLED);
            rules.require("scaleFactor", scaleFactor, WHEN_ENABLED);
            rules.require("abortOnImpactPct", abortOnImpactPct, WHEN_ENABLED);
            rules.require("delayMs", delayMs, WHEN_ENABLED);
        }
    }
}
