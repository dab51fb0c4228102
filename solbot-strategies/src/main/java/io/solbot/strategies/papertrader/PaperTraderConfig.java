package io.solbot.strategies.papertrader;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.TradingConfig;
import io.solbot.strategies.common.Window;
import jakarta.validation.Valid;
import java.math.BigDecimal;

/**
 * A paper trader: the sniper's fields with simulated execution.
 *
 * @param paper the simulation settings
 * @param dipThreshold percent 0 to 100
 * @param recoveryWindow 1 to 1440 minutes
 * @param delayBeforeBuyMs wait before each buy, ms, at least 0
 */
@CrossField
public record PaperTraderConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,
        @Flatten @Valid PaperFields paper,
        @Between(min = "0", max = "100", unit = "%") BigDecimal dipThreshold,
        @Window String recoveryWindow,
        @Between(min = "0", unit = "ms") Long delayBeforeBuyMs)
        implements TradingConfig, CrossFieldRules {

    @Override
    public void check(Rules rules) {
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.BASIC_MODES);
        }
    }
}
