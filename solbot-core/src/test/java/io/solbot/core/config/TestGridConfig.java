package io.solbot.core.config;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A config record exercising every binding and constraint feature, for the machinery's own tests. */
@CrossField
record TestGridConfig(
        @Valid @Flatten Common common,
        @Required @SolanaAddress String mint,
        @Between(min = "2", max = "1000") Integer levels,
        List<@SolanaAddress String> watch,
        @Valid Legs legs,
        Map<String, @Between(min = "0", max = "1") BigDecimal> rates,
        @OneOf({"ideal", "amm_depth"}) String model,
        Boolean enabled)
        implements CrossFieldRules, StrategyConfig {

    record Common(
            @Required @Between(min = "0.01", max = "99", unit = "%")
            BigDecimal slippage,

            @Required @Between(min = "1", max = "20") Integer maxTrades,

            @Required @Between(min = "0", minInclusive = false) @Alias({"snipeAmount", "amount"})
            BigDecimal amountToSpend) {}

    @CrossField
    record Legs(
            @Between(min = "1") Integer minParts,
            @Between(min = "1") Integer maxParts) implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (minParts != null && maxParts != null && maxParts < minParts) {
                rules.reject("maxParts", maxParts, "must be at least minParts (" + minParts + ")");
            }
        }
    }

    @Override
    public void check(Rules rules) {
        if (Boolean.FALSE.equals(enabled) && levels != null) {
            rules.reject("levels", levels, "must not be set when enabled is false");
        }
    }

    @Override
    public BotSettings settings() {
        return new BotSettings(
                Duration.ofSeconds(30),
                common.maxTrades(),
                Duration.ZERO,
                3,
                1,
                common.slippage().movePointRight(2).intValueExact(),
                Lamports.of(5_000),
                Mint.WRAPPED_SOL,
                TokenAmount.fromDecimal(common.amountToSpend(), 9));
    }

    @Override
    public List<String> warnings() {
        return List.of("no stop loss");
    }
}
