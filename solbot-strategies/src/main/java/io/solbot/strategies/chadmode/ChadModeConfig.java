package io.solbot.strategies.chadmode;

import io.solbot.core.config.Between;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.SolanaAddress;
import io.solbot.core.config.TradeFees;
import io.solbot.core.domain.Lamports;
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
 * @param slippageMaxPct cap of the escalating slippage, percent, 0.01 to 99, at least {@code slippage} (default 10)
 * @param feeEscalationLamports priority fee added per failed attempt, lamports, 0 to 1 000 000 000 (default 5 000);
 *     the priority fee itself defaults to 10 000 lamports, as in the original
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

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long feeEscalationLamports,

        @Valid AutoSell autoSell)
        implements TradingConfig, CrossFieldRules {

    /** The original's runtime fallbacks; its priority fee was 10 000 lamports when left out. */
    static final Defaults DEFAULTS = new Defaults(4, 0, 2, 10_000);

    /** Quote attempts per buy; each failed one raises the fee by {@code feeEscalationLamports} (the original's 4). */
    static final int ATTEMPTS = 4;

    /** The fee escalation per failed attempt when left out: the original's 5 000 lamports. */
    static final long DEFAULT_FEE_ESCALATION = 5_000;

    /** Slippage cap of the escalation when left out: the original's 10 %. */
    static final BigDecimal DEFAULT_SLIPPAGE_MAX = BigDecimal.TEN;

    private static final BigDecimal MIN_SLIPPAGE = new BigDecimal("0.01");

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
        // a cap outside 0.01 to 99 % is reported by its range rule alone
        if (slippageMaxPct != null
                && slippage != null
                && slippageMaxPct.compareTo(MIN_SLIPPAGE) >= 0
                && slippageMaxPct.compareTo(slippage) < 0) {
            rules.reject("slippageMaxPct", slippageMaxPct, "must be at least slippage (" + slippage + ")");
        }
    }

    /** A buy and a sell, each at most the priority fee escalated over every failed attempt (3 of 4). */
    @Override
    public TradeFees tradeFees() {
        long step = feeEscalationLamports == null ? DEFAULT_FEE_ESCALATION : feeEscalationLamports;
        Lamports base = settings().priorityFee();
        return TradeFees.buyAndSell(base.plus(Lamports.of(step).times(ATTEMPTS - 1)));
    }

    /** None: chad mode never runs safety checks, whatever its shared fields say. */
    @Override
    public SafetyChoice safety() {
        return SafetyChoice.NONE;
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>(TradingConfig.super.warnings());
        BigDecimal cap = slippageMaxPct == null ? DEFAULT_SLIPPAGE_MAX : slippageMaxPct;
        if (cap.compareTo(BigDecimal.TEN) > 0) {
            out.add("slippage escalates up to " + cap.stripTrailingZeros().toPlainString()
                    + " % (slippageMaxPct), above 10 %");
        }
        if (!out.contains("safety checks are off")) {
            out.add("safety checks are off (chad mode never runs them)");
        }
        return out;
    }
}
