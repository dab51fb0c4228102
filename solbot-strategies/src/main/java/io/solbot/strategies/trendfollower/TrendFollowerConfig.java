package io.solbot.strategies.trendfollower;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.TradingConfig;
import io.solbot.strategies.common.Units;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;

/**
 * A trend follower. A dip threshold and an entry threshold cannot both be above 0.
 *
 * @param dipThreshold percent 0 to 100
 * @param delayBeforeBuyMs wait before each buy, ms, at least 0
 * @param emaPeriods EMA periods, each 1 to 1000, strictly increasing
 * @param trailingPct trailing stop as a fraction (0.02 = 2 %), greater than 0 and less than 1
 * @param sarEnabled stop and reverse
 * @param pyramidEnabled add to winning positions
 * @param riskPerAdd risk per pyramid add, a fraction, greater than 0, at most {@code maxRisk}
 * @param maxRisk total pyramid risk, a fraction, greater than 0, at most 1
 */
@CrossField
public record TrendFollowerConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,
        @Between(min = "0", max = "100", unit = "%") BigDecimal dipThreshold,
        @Between(min = "0", unit = "ms") Long delayBeforeBuyMs,
        List<@Between(min = "1", max = "1000") Integer> emaPeriods,

        @Between(min = "0", minInclusive = false, max = "1", maxInclusive = false)
        BigDecimal trailingPct,

        Boolean sarEnabled,
        Boolean pyramidEnabled,
        @Between(min = "0", minInclusive = false, max = "1") BigDecimal riskPerAdd,
        @Between(min = "0", minInclusive = false, max = "1") BigDecimal maxRisk)
        implements TradingConfig, CrossFieldRules {

    @Override
    public void check(Rules rules) {
        BigDecimal entry = sharedFields == null ? null : sharedFields.entryThreshold();
        if (!Units.isOff(dipThreshold) && !Units.isOff(entry)) {
            rules.reject(
                    "dipThreshold",
                    dipThreshold,
                    "must be 0 or left out when entryThreshold is above 0 (a trend follower buys rises or dips, not both)");
        }
        if (emaPeriods != null) {
            if (emaPeriods.isEmpty()) {
                rules.reject("emaPeriods", null, "must list at least one period");
            }
            for (int i = 1; i < emaPeriods.size(); i++) {
                Integer a = emaPeriods.get(i - 1);
                Integer b = emaPeriods.get(i);
                if (a != null && b != null && b <= a) {
                    rules.reject("emaPeriods", emaPeriods, "must be strictly increasing");
                    break;
                }
            }
        }
        if (riskPerAdd != null && maxRisk != null && riskPerAdd.compareTo(maxRisk) > 0) {
            rules.reject("riskPerAdd", riskPerAdd, "must be at most maxRisk (" + maxRisk + ")");
        }
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.BASIC_MODES);
        }
    }
}
