package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Between;
import java.math.BigDecimal;

/**
 * Size a buy so that its price impact stays at most {@code maxImpactPct} (greater than 0, at most 100 %) and it
 * takes at most {@code maxPoolPct} of the pool (a fraction greater than 0, at most 1), and skip buys below {@code
 * minUsd} USD.
 */
public record Sizing(
        @Between(min = "0", minInclusive = false, max = "100", unit = "%")
        BigDecimal maxImpactPct,

        @Between(min = "0", minInclusive = false, max = "1") BigDecimal maxPoolPct,

        @Between(min = "0", unit = "USD") BigDecimal minUsd) {}
