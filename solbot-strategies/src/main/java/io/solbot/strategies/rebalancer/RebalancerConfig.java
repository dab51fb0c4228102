package io.solbot.strategies.rebalancer;

import io.solbot.core.config.Alias;
import io.solbot.core.config.Between;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Decimals;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.Required;
import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.SolanaAddress;
import io.solbot.core.domain.Mint;
import io.solbot.strategies.common.Defaults;
import io.solbot.strategies.common.PlatformConfig;
import io.solbot.strategies.common.PlatformFields;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rebalancer (the original's own rules). Every rule applies with {@code autoWallet: true} too: the original
 * returned "valid" for such a config without checking anything.
 *
 * @param autoWallet let the platform pick the wallet
 * @param targetAllocations mint → weight, each weight greater than 0; required, non-empty; also read as {@code
 *     targetWeights}
 * @param rebalanceThreshold drift that triggers a rebalance, percent, greater than 0, at most 100; required
 * @param rebalanceInterval ms between checks, 1 000 to 3 600 000 (it is the bot's tick; the original allowed 0)
 * @param minSolBalance SOL below which the bot halts, at least 0.01
 * @param slippage percent, 0.01 to 99; required
 * @param maxRebalances cycles at most, 1 to 20; required
 * @param maxTradesPerCycle trades per cycle at most, 1 to 20
 * @param minTradeUsd moves smaller than this are skipped, USD
 */
@CrossField
public record RebalancerConfig(
        Boolean autoWallet,
        @SolanaAddress String tokenMint,
        @Alias("targetWeights") Map<String, @Between(min = "0", minInclusive = false) BigDecimal> targetAllocations,

        @Required @Between(min = "0", minInclusive = false, max = "100", unit = "%")
        BigDecimal rebalanceThreshold,

        @Between(min = "1000", max = "3600000", unit = "ms") Long rebalanceInterval,
        @Between(min = "0.01", unit = "SOL") BigDecimal minSolBalance,

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long priorityFeeLamports,

        Boolean skipSafety,

        @Required @Between(min = "0.01", max = "99", unit = "%") @Decimals(2)
        BigDecimal slippage,

        @Required @Between(min = "1", max = "20") Integer maxRebalances,
        @Between(min = "1", max = "20") Integer maxTradesPerCycle,
        @Between(min = "0", unit = "USD") BigDecimal targetPriceUSD,
        Boolean buyWithUSDC,

        @Between(min = "0", minInclusive = false, unit = "USDC") @Decimals(6)
        BigDecimal usdcAmount,

        @Between(min = "0", unit = "USD") BigDecimal minTradeUsd,
        @Between(min = "1") Integer maxOpenTrades,
        @Between(min = "1") Integer haltOnFailures,
        @Flatten @Valid PlatformFields platformFields)
        implements PlatformConfig, CrossFieldRules {
    /** No cooldown field: trades of one cycle follow each other. */
    private static final Defaults DEFAULTS = new Defaults(3, 0, 2, 0);

    @Override
    public void check(Rules rules) {
        if (targetAllocations == null || targetAllocations.isEmpty()) {
            rules.reject("targetAllocations", null, "is required: mint → weight, at least one (or targetWeights)");
        } else {
            for (String mint : targetAllocations.keySet()) {
                if (!Mint.isValid(mint)) {
                    rules.reject(
                            "targetAllocations[" + mint + "]",
                            mint,
                            "must be keyed by a Solana address (base58 that decodes to 32 bytes)");
                }
            }
        }
        if (Boolean.TRUE.equals(buyWithUSDC)) {
            rules.require("usdcAmount", usdcAmount, "when buyWithUSDC is true");
        }
    }

    @Override
    public BotSettings settings() {
        int perCycle = maxTradesPerCycle != null ? maxTradesPerCycle : Math.max(1, targetAllocations.size());
        return DEFAULTS.balanceSized(
                Duration.ofMillis(rebalanceInterval == null ? 600_000 : rebalanceInterval),
                maxRebalances * perCycle,
                null, // no cooldown field: none
                haltOnFailures,
                maxOpenTrades,
                slippage,
                priorityFeeLamports);
    }

    /** None when {@code skipSafety}; otherwise every check. */
    @Override
    public SafetyChoice safety() {
        return Boolean.TRUE.equals(skipSafety) ? SafetyChoice.NONE : SafetyChoice.ALL;
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>(1);
        if (Boolean.TRUE.equals(skipSafety)) {
            out.add("safety checks are off (skipSafety)");
        }
        return out;
    }
}
