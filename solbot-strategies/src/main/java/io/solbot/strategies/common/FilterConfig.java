package io.solbot.strategies.common;

import io.solbot.core.config.Alias;
import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import java.math.BigDecimal;

/**
 * The token filters of the common pipeline.
 *
 * @param minMarketCap minimum market cap, USD
 * @param maxMarketCap maximum market cap, USD, at least {@code minMarketCap}
 * @param minTokenAgeMinutes minimum token age, 1 to 1440 minutes
 * @param maxTokenAgeMinutes maximum token age, 1 to 1440 minutes, at least {@code minTokenAgeMinutes}
 * @param minPoolUsd minimum pool liquidity, USD
 * @param priceWindow the window of the price change, 1 to 1440 minutes ({@code "5m"})
 * @param volumeWindow the window of the volume, 1 to 1440 minutes ({@code "1h"})
 * @param volumeSpikeMultiplier volume must be this multiple of its average, at least 1; also read as {@code
 *     volumeSpikeMult} (the original validated one name and read the other)
 */
@CrossField
public record FilterConfig(
        @Between(min = "0", unit = "USD") BigDecimal minMarketCap,
        @Between(min = "0", unit = "USD") BigDecimal maxMarketCap,
        @Between(min = "1", max = "1440", unit = "minutes") Integer minTokenAgeMinutes,
        @Between(min = "1", max = "1440", unit = "minutes") Integer maxTokenAgeMinutes,
        @Between(min = "0", unit = "USD") BigDecimal minPoolUsd,
        @Window String priceWindow,
        @Window String volumeWindow,
        @Between(min = "1") @Alias("volumeSpikeMult") BigDecimal volumeSpikeMultiplier)
        implements CrossFieldRules {

    @Override
    public void check(Rules rules) {
        if (minMarketCap != null && maxMarketCap != null && maxMarketCap.compareTo(minMarketCap) < 0) {
            rules.reject("maxMarketCap", maxMarketCap, "must be at least minMarketCap (" + minMarketCap + ")");
        }
        if (minTokenAgeMinutes != null && maxTokenAgeMinutes != null && maxTokenAgeMinutes < minTokenAgeMinutes) {
            rules.reject(
                    "maxTokenAgeMinutes",
                    maxTokenAgeMinutes,
                    "must be at least minTokenAgeMinutes (" + minTokenAgeMinutes + ")");
        }
    }
}
