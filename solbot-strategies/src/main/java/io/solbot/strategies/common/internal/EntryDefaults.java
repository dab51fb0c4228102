package io.solbot.strategies.common.internal;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A strategy's runtime fallbacks for the pipeline's fields, used when its config leaves them out (the original's
 * values per strategy). Zero in a config is a value: {@code volumeThreshold: 0} switches the volume gate off.
 *
 * @param priceWindow the window of the price change (pump, dip)
 * @param entryPercent the pump a token needs, percent; null for no pump gate unless the config sets one
 * @param volumeUsd the volume a token needs over the volume window, USD; 0 for none
 * @param minPoolUsd the liquidity a token's pool needs, USD; 0 for none
 * @param maxImpact the price impact a buy may have, a fraction (0.15 = 15 %)
 * @param maxDailySol SOL spent per day at most
 */
public record EntryDefaults(
        Duration priceWindow,
        BigDecimal entryPercent,
        BigDecimal volumeUsd,
        BigDecimal minPoolUsd,
        BigDecimal maxImpact,
        BigDecimal maxDailySol) {
    /** The volume window when the config gives none: an hour. */
    public static final Duration VOLUME_WINDOW = Duration.ofHours(1);

    /** The sniper's (and paper trader's): 3 % over 5 minutes, 50 000 USD volume and pool, 15 % impact, 9 999 SOL a day. */
    public static final EntryDefaults SNIPER = new EntryDefaults(
            Duration.ofMinutes(5),
            new BigDecimal("3"),
            new BigDecimal("50000"),
            new BigDecimal("50000"),
            new BigDecimal("0.15"),
            new BigDecimal("9999"));
}
