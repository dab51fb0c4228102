package io.solbot.strategies.papertrader;

import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.core.execution.PaperSettings;
import io.solbot.strategies.common.ExitConfig;
import io.solbot.strategies.common.FeedConfig;
import io.solbot.strategies.common.FilterConfig;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.SniperFields;
import io.solbot.strategies.common.TradingConfig;
import jakarta.validation.Valid;

/**
 * A paper trader: the sniper's fields with simulated execution.
 *
 * @param paper the simulation settings
 * @param sniperFields the sniper's own fields
 */
@CrossField
public record PaperTraderConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @Flatten @Valid FeedConfig feedFields,
        @Flatten @Valid FilterConfig filterFields,
        @Flatten @Valid ExitConfig exitFields,
        @Flatten @Valid PaperFields paper,
        @Flatten @Valid SniperFields sniperFields)
        implements TradingConfig, CrossFieldRules {

    /** The executor's simulation with this bot's {@code execModel}, latency, failure rates, partials and limits. */
    @Override
    public PaperSettings paperSettings(PaperSettings executor) {
        return paper == null ? executor : paper.applyTo(executor);
    }

    @Override
    public void check(Rules rules) {
        if (exitFields != null) {
            exitFields.checkMode(rules, ExitConfig.BASIC_MODES);
        }
    }
}
