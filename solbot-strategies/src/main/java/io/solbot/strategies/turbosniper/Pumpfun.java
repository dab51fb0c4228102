package io.solbot.strategies.turbosniper;

import static io.solbot.strategies.turbosniper.Enabled.WHEN_ENABLED;
import static io.solbot.strategies.turbosniper.Enabled.on;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import java.math.BigDecimal;

/**
 * The pump.fun listener: snipe a launch when its bonding curve passes {@code thresholdPct} (a fraction 0 to 1)
 * with at least {@code minSolLiquidity} SOL, then wait {@code cooldownSec} seconds; all three required when
 * enabled.
 */
@CrossField
public record Pumpfun(
        Boolean enabled,
        @Between(min = "0", max = "1") BigDecimal thresholdPct,
        @Between(min = "0", unit = "SOL") BigDecimal minSolLiquidity,
        @Between(min = "0", unit = "seconds") Integer cooldownSec)
        implements CrossFieldRules {
    @Override
    public void check(Rules rules) {
        if (on(enabled)) {
            rules.require("thresholdPct", thresholdPct, WHEN_ENABLED);
            rules.require("minSolLiquidity", minSolLiquidity, WHEN_ENABLED);
            rules.require("cooldownSec", cooldownSec, WHEN_ENABLED);
        }
    }
}
