package io.solbot.strategies.delayedsniper;

import io.solbot.core.config.Alias;
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
 * A delayed sniper.
 *
 * @param delayBeforeBuyMs wait before each buy, ms, at least 1; required. Also read as {@code delayMs}: the original
 *     required {@code delayMs} but its strategy read {@code delayBeforeBuyMs}, so the delay it checked was never used
 * @param scanInterval seconds between scans, at least 1
 * @param ignoreBlocks blocks to skip after launch, at least 0
 * @param breakoutPct warm-up rise required, a fraction (0.3 = 30 %), at least 0
 * @param pullbackPct warm-up pullback allowed, a fraction, 0 to 1
 */
@CrossField
public record DelayedSniperConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,

        @Required @Between(min = "1", unit = "ms") @Alias("delayMs")
        Long delayBeforeBuyMs,

        @Between(min = "1", unit = "seconds") Integer scanInterval,
        @Between(min = "0") Integer ignoreBlocks,
        @Between(min = "0") BigDecimal breakoutPct,
        @Between(min = "0", max = "1") BigDecimal pullbackPct)
        implements TradingConfig, CrossFieldRules {

    @Override
    public void check(Rules rules) {
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.BASIC_MODES);
        }
    }
}
