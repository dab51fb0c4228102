package io.solbot.strategies.turbosniper;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import java.math.BigDecimal;

/**
 * The original's nested LP gate: pools below {@code minPoolUsd} USD are skipped, and a pool is probed with a
 * {@code liqProbeSmallSol} and a {@code liqProbeLargeSol} quote (both greater than 0, small at most large) whose
 * impact must stay at most {@code maxImpactPctAtLarge} (0 to 100 %).
 */
@CrossField
public record LiqGate(
        @Between(min = "0", unit = "USD") BigDecimal minPoolUsd,
        @Between(min = "0", max = "100", unit = "%") BigDecimal maxImpactPctAtLarge,

        @Between(min = "0", minInclusive = false, unit = "SOL")
        BigDecimal liqProbeSmallSol,

        @Between(min = "0", minInclusive = false, unit = "SOL")
        BigDecimal liqProbeLargeSol)
        implements CrossFieldRules {
    @Override
    public void check(Rules rules) {
        if (liqProbeSmallSol != null && liqProbeLargeSol != null && liqProbeLargeSol.compareTo(liqProbeSmallSol) < 0) {
            rules.reject(
                    "liqProbeLargeSol",
                    liqProbeLargeSol,
                    "must be at least liqProbeSmallSol (" + liqProbeSmallSol.toPlainString() + ")");
        }
    }
}
