package io.solbot.strategies.breakout;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.Required;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.TradingConfig;
import jakarta.validation.Valid;
import java.math.BigDecimal;

/**
 * A breakout bot.
 *
 * @param breakoutThreshold minimum breakout, percent 0 to 100
 * @param minLiquidity minimum liquidity, USD
 * @param dipThreshold percent 0 to 100
 * @param squeezeThreshold band width that counts as a squeeze, a fraction greater than 0
 * @param expansionMultiplier band expansion that counts as a breakout, at least 1
 * @param squeezeLookback bars the squeeze is measured over, at least 1
 * @param minVolumeSurge volume multiple that confirms a breakout, greater than 0
 * @param fakeoutCooldownMs cooldown after a fakeout, ms, at least 0
 * @param timeOfDayFilter trade only between these UTC times
 * @param useSignals gate entries on the squeeze/expansion signal
 */
@CrossField
public record BreakoutConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,
        @Between(min = "0", max = "100", unit = "%") BigDecimal breakoutThreshold,
        @Between(min = "0", unit = "USD") BigDecimal minLiquidity,
        @Between(min = "0", max = "100", unit = "%") BigDecimal dipThreshold,
        @Between(min = "0", minInclusive = false) BigDecimal squeezeThreshold,
        @Between(min = "1") BigDecimal expansionMultiplier,
        @Between(min = "1") Integer squeezeLookback,
        @Between(min = "0", minInclusive = false) BigDecimal minVolumeSurge,
        @Between(min = "0", unit = "ms") Long fakeoutCooldownMs,
        @Valid TimeOfDay timeOfDayFilter,
        Boolean useSignals)
        implements TradingConfig, CrossFieldRules {

    /** A daily window, {@code "HH:MM"} each, UTC; it may wrap past midnight. */
    public record TimeOfDay(
            @Required
            @jakarta.validation.constraints.Pattern(
                    regexp = "([01][0-9]|2[0-3]):[0-5][0-9]",
                    message = "must be a time HH:MM (00:00 to 23:59)")
            String start,

            @Required
            @jakarta.validation.constraints.Pattern(
                    regexp = "([01][0-9]|2[0-3]):[0-5][0-9]",
                    message = "must be a time HH:MM (00:00 to 23:59)")
            String end) {}

    @Override
    public void check(Rules rules) {
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.BASIC_MODES);
        }
    }
}
