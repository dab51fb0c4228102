package io.solbot.strategies.sniper;

import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.SniperFields;
import io.solbot.strategies.common.TradingConfig;
import jakarta.validation.Valid;

/**
 * A sniper bot: the shared fields, a token feed, filters and smart exits, plus its own ({@link SniperFields}).
 */
@CrossField
public record SniperConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,
        @Flatten @Valid SniperFields sniperFields)
        implements TradingConfig, CrossFieldRules {

    @Override
    public void check(Rules rules) {
        if (feedFields != null) {
            feedFields.requireSource(rules);
        }
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.BASIC_MODES);
        }
    }
}
