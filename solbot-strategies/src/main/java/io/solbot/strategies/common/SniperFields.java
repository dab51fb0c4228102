package io.solbot.strategies.common;

import io.solbot.core.config.Between;
import java.math.BigDecimal;

/**
 * The sniper's own fields, which the paper traders and the turbo sniper accept too, flat in the config file. Included
 * with {@code @Flatten @Valid}.
 *
 * @param dipThreshold percent 0 to 100; accepted and range-checked as the original did (the sniper's loop ignores it)
 * @param recoveryWindow window of the dip check, 1 to 1440 minutes
 * @param delayBeforeBuyMs wait before each buy, ms, at least 0
 */
public record SniperFields(
        @Between(min = "0", max = "100", unit = "%") BigDecimal dipThreshold,
        @Window String recoveryWindow,
        @Between(min = "0", unit = "ms") Long delayBeforeBuyMs) {}
