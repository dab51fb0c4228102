package io.solbot.strategies.scalper;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.strategies.common.Defaults;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.TradingConfig;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;

/**
 * A scalper bot. Its entry threshold is capped at 10 % (stricter than the shared 100 %).
 *
 * @param useSignals gate entries on the VWAP / mean-reversion signal
 * @param maxHoldSeconds hard hold timeout, seconds, at least 1
 * @param takeProfitPct in-process take profit as a fraction (0.03 = 3 %), greater than 0, at most 1
 * @param stopLossPct in-process stop loss as a fraction (0.01 = 1 %), greater than 0, at most 1
 * @param vwapDiscountPct with {@code useSignals}, how far below the VWAP of the price window the price must be to buy,
 *     percent 0 to 100 (0.5 unless set)
 */
@CrossField
public record ScalperConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,
        Boolean useSignals,
        @Between(min = "1", unit = "seconds") Integer maxHoldSeconds,
        @Between(min = "0", minInclusive = false, max = "1") BigDecimal takeProfitPct,
        @Between(min = "0", minInclusive = false, max = "1") BigDecimal stopLossPct,
        @Between(min = "0", max = "100", unit = "%") BigDecimal vwapDiscountPct)
        implements TradingConfig, CrossFieldRules {

    static final Defaults DEFAULTS = new Defaults(5, 60, 2, 0);

    @Override
    public Defaults defaults() {
        return DEFAULTS;
    }

    @Override
    public void check(Rules rules) {
        if (feedFields != null) {
            feedFields.requireSource(rules);
        }
        BigDecimal entry = sharedFields == null ? null : sharedFields.entryThresholdPercent();
        if (entry != null && entry.compareTo(BigDecimal.TEN) > 0) {
            rules.reject(
                    "entryThreshold",
                    sharedFields.entryThreshold(),
                    "must be at most 10 % for the scalper (values below 1 are fractions: 0.05 = 5 %)");
        }
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.BASIC_MODES);
        }
    }

    @Override
    public List<String> warnings() {
        List<String> out = new java.util.ArrayList<>(TradingConfig.super.warnings());
        if (stopLossPct != null) {
            out.removeIf(w -> w.startsWith("no stop loss"));
        }
        return out;
    }
}
