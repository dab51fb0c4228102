package io.solbot.strategies.common;

import io.solbot.core.config.Between;
import java.math.BigDecimal;

/**
 * The turbo strategies' flat smart-exit fields, which the original's turbo validators read instead of the nested
 * {@code smartExit} object: {@code smartExitMode: time} is met by {@code smartExitTimeMins}, {@code volume} by {@code
 * smartVolLookbackSec} with {@code smartVolThreshold}, {@code liquidity} by {@code smartLiqLookbackSec} with {@code
 * smartLiqDropPct}. Included with {@code @Flatten @Valid}; {@link ExitConfig#checkMode(io.solbot.core.config.CrossFieldRules.Rules,
 * java.util.Set, TurboExitFields)} applies the mode rules.
 *
 * @param smartExitTimeMins time exit, 1 to 1440 minutes
 * @param smartVolLookbackSec volume-exit lookback, 5 to 600 s
 * @param smartVolThreshold volume-exit threshold, quote units, at least 0
 * @param smartLiqLookbackSec liquidity-exit lookback, 5 to 600 s
 * @param smartLiqDropPct liquidity-exit drop, percent 0 to 100
 */
public record TurboExitFields(
        @Between(min = "1", max = "1440", unit = "minutes") Integer smartExitTimeMins,
        @Between(min = "5", max = "600", unit = "seconds") Integer smartVolLookbackSec,
        @Between(min = "0") BigDecimal smartVolThreshold,
        @Between(min = "5", max = "600", unit = "seconds") Integer smartLiqLookbackSec,
        @Between(min = "0", max = "100", unit = "%") BigDecimal smartLiqDropPct) {}
