package io.solbot.strategies.chadmode;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.SolanaAddress;
import io.solbot.strategies.common.Defaults;
import io.solbot.strategies.common.SharedConfig;
import io.solbot.strategies.common.TradingConfig;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A chad-mode bot: no token feed and no safety checks; it buys the given mint(s) with escalating slippage and fees,
 * then auto-sells. Needs {@code outputMint} or a non-empty {@code outputMints}, each a Solana address (the original
 * checked only that they were non-empty text).
 *
 * @param outputMint the token to buy
 * @param outputMints several tokens to buy
 * @param minVolumeRequired minimum volume, USD, at least 0
 * @param panicDumpPct share dumped on panic, percent 0 to 100
 * @param slippageMaxPct cap of the escalating slippage, percent, 0.01 to 99, at least {@code slippage}
 * @param feeEscalationLamports priority fee added per failed attempt, lamports, at least 0
 * @param autoSell the sell after each buy
 */
@CrossField
public record ChadModeConfig(
        @Flatten @Valid SharedConfig sharedFields,
        @SolanaAddress String outputMint,
        List<@SolanaAddress String> outputMints,
        @Between(min = "0", unit = "USD") BigDecimal minVolumeRequired,
        @Between(min = "0", max = "100", unit = "%") BigDecimal panicDumpPct,
        @Between(min = "0.01", max = "99", unit = "%") BigDecimal slippageMaxPct,
        @Between(min = "0", unit = "lamports") Long feeEscalationLamports,
        @Valid AutoSell autoSell)
        implements TradingConfig, CrossFieldRules {

    static final Defaults DEFAULTS = new Defaults(4, 0, 2);

    /**
     * The automatic sell after a buy.
     *
     * @param enabled on unless false
     * @param delay wait before selling, ms, at least 0
     * @param dumpPct share sold, percent, greater than 0 and at most 100
     * @param randomJitterMs random extra wait, ms, at least 0
     * @param randomDelayRange a random wait between two bounds, ms: [min, max], min at least 0, max at least min
     */
    @CrossField
    public record AutoSell(
            Boolean enabled,
            @Between(min = "0", unit = "ms") Long delay,

            @Between(min = "0", minInclusive = false, max = "100", unit = "%")
            BigDecimal dumpPct,

            @Between(min = "0", unit = "ms") Long randomJitterMs,
            List<Long> randomDelayRange)
            implements CrossFieldRules {
        @Override
        public void check(Rules rules) {
            if (randomDelayRange == null) {
                return;
            }
            if (randomDelayRange.size() != 2 || randomDelayRange.contains(null)) {
                rules.reject("randomDelayRange", randomDelayRange, "must be two numbers [min, max] in ms");
            } else if (randomDelayRange.get(0) < 0) {
                rules.reject("randomDelayRange", randomDelayRange, "must have a min of at least 0");
            } else if (randomDelayRange.get(1) < randomDelayRange.get(0)) {
                rules.reject("randomDelayRange", randomDelayRange, "must have a max of at least its min");
            }
        }
    }

    @Override
    public Defaults defaults() {
        return DEFAULTS;
    }

    @Override
    public void check(Rules rules) {
        if (outputMint == null && (outputMints == null || outputMints.isEmpty())) {
            rules.reject("outputMint", null, "is required (or a non-empty outputMints list): the token to buy");
        }
        BigDecimal slippage = sharedFields == null ? null : sharedFields.slippage();
        if (slippageMaxPct != null && slippage != null && slippageMaxPct.compareTo(slippage) < 0) {
            rules.reject("slippageMaxPct", slippageMaxPct, "must be at least slippage (" + slippage + ")");
        }
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>(TradingConfig.super.warnings());
        if (!out.contains("safety checks are off")) {
            out.add("safety checks are off (chad mode never runs them)");
        }
        return out;
    }
}
