package io.solbot.strategies.dipbuyer;

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
import io.solbot.strategies.common.Window;
import jakarta.validation.Valid;
import java.math.BigDecimal;

/**
 * A dip buyer.
 *
 * @param dipThreshold the drop that triggers a buy, percent, greater than 0 and at most 99; required (the original
 *     treated 0 or a missing value as "dip gate off", so a dip buyer bought without any dip)
 * @param recoveryWindow window the drop is measured over, 1 to 1440 minutes
 */
@CrossField
public record DipBuyerConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,

        @Required @Between(min = "0", minInclusive = false, max = "99", unit = "%")
        BigDecimal dipThreshold,

        @Window String recoveryWindow)
        implements TradingConfig, CrossFieldRules {

    @Override
    public void check(Rules rules) {
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.BASIC_MODES);
        }
    }
}
