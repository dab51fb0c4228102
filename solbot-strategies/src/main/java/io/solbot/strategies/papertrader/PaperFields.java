package io.solbot.strategies.papertrader;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.OneOf;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The simulation settings of the paper traders.
 *
 * @param maxDailyTrades trades per day at most, at least 1 (the original let 0 through as "unset")
 * @param execModel {@code ideal}, {@code amm_depth} or {@code jito_fallback}
 * @param seed the random seed, so runs repeat exactly
 * @param slippageBpsCap simulated slippage cap, bps, at least 0
 * @param latency simulated latency per stage
 * @param failureRates simulated failure probability per stage, each 0 to 1
 * @param partials simulated partial fills
 * @param enableShadowMode also record what live execution would have done
 * @param paperRunId names the run; default a random UUID
 */
public record PaperFields(
        @Between(min = "1") Integer maxDailyTrades,
        @OneOf({"ideal", "amm_depth", "jito_fallback"}) String execModel,
        String seed,
        @Between(min = "0", unit = "bps") Integer slippageBpsCap,
        @Valid Latency latency,
        Map<String, @Between(min = "0", max = "1") BigDecimal> failureRates,
        @Valid Partials partials,
        Boolean enableShadowMode,
        String paperRunId) {

    /** Simulated latency per stage, ms, each at least 0. */
    public record Latency(
            @Between(min = "0", unit = "ms") Long quoteMs,
            @Between(min = "0", unit = "ms") Long buildMs,
            @Between(min = "0", unit = "ms") Long sendMs,
            @Between(min = "0", unit = "ms") Long landMs) {}

    /** Each fill splits into {@code minParts} to {@code maxParts} parts; both at least 1, max at least min. */
    @CrossField
    public record Partials(
            @Between(min = "1") Integer minParts,
            @Between(min = "1") Integer maxParts) implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (minParts != null && maxParts != null && maxParts < minParts) {
                rules.reject("maxParts", maxParts, "must be at least minParts (" + minParts + ")");
            }
        }
    }
}
