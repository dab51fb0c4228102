package io.solbot.strategies.stealthbot;

import io.solbot.core.config.Between;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Decimals;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.Required;
import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.SolanaAddress;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import io.solbot.strategies.common.PlatformConfig;
import io.solbot.strategies.common.PlatformFields;
import io.solbot.strategies.common.SafetyChecks;
import io.solbot.strategies.common.Units;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stealth bot: buys one token from many wallets.
 *
 * @param wallets wallet labels, at least one, none blank or named twice; required
 * @param tokenMint the token; required
 * @param positionSize SOL per wallet, greater than 0 and at most 1 000 000 000 (a bound the original lacked); required
 * @param slippage percent, greater than 0 and at most 99 (default 1); NaN is not a number (the original let it through)
 * @param delayMinMs shortest random wait per wallet, ms
 * @param delayMaxMs longest random wait per wallet, ms, at least {@code delayMinMs}
 * @param sizeJitterPct random size change, ± percent 0 to 100
 * @param slippageJitterPct random slippage change, ± percent 0 to 100
 * @param autoForward {@code off} or when to forward bought tokens; anything but off needs {@code forwardDest}
 * @param forwardDest where to forward, a Solana address
 * @param solFloorLamports SOL kept in each wallet when forwarding, lamports, at most 10^18 (1 000 000 000 SOL)
 * @param loop false (or no rotationInterval) runs once
 * @param rotationInterval ms between runs, 0 (once) or 1 000 to 3 600 000
 * @param maxDailyVolume SOL spent per UTC day at most, greater than 0 (default 100); a bot buys from each wallet once,
 *     so it bounds the whole run
 */
@CrossField
public record StealthBotConfig(
        @Required List<String> wallets,
        @Required @SolanaAddress String tokenMint,

        @Required @Between(min = "0", minInclusive = false, max = "1000000000", unit = "SOL") @Decimals(9)
        BigDecimal positionSize,

        @Between(min = "0", minInclusive = false, max = "99", unit = "%") @Decimals(2)
        BigDecimal slippage,

        @Between(min = "0", unit = "ms") Long delayMinMs,
        @Between(min = "0", unit = "ms") Long delayMaxMs,
        @Between(min = "0", max = "100", unit = "%") BigDecimal sizeJitterPct,
        @Between(min = "0", max = "100", unit = "%") BigDecimal slippageJitterPct,
        String autoForward,
        @SolanaAddress String forwardDest,

        @Between(min = "0", max = "1000000000000000000", unit = "lamports")
        Long solFloorLamports,

        Boolean forwardAllSpl,
        Boolean loop,
        @Between(min = "0", max = "3600000", unit = "ms") Long rotationInterval,
        @Between(min = "0", max = "1") BigDecimal maxSlippage,

        @Between(min = "0", minInclusive = false, unit = "SOL")
        BigDecimal maxDailyVolume,

        @Between(min = "1") Integer haltOnFailures,

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long priorityFeeLamports,

        Boolean safetyEnabled,
        @Valid SafetyChecks safetyChecks,
        @Flatten @Valid PlatformFields platformFields)
        implements PlatformConfig, CrossFieldRules {

    @Override
    public void check(Rules rules) {
        if (wallets != null) {
            if (wallets.isEmpty()) {
                rules.reject("wallets", null, "must list at least one wallet label");
            } else if (wallets.stream().anyMatch(w -> w == null || w.isBlank())) {
                rules.reject("wallets", wallets, "must not hold empty labels");
            } else if (wallets.stream().map(String::trim).distinct().count() < wallets.size()) {
                rules.reject("wallets", wallets, "must not name a wallet twice");
            }
        }
        if (delayMinMs != null && delayMaxMs != null && delayMaxMs < delayMinMs) {
            rules.reject("delayMaxMs", delayMaxMs, "must be at least delayMinMs (" + delayMinMs + ")");
        }
        if (autoForward != null && !autoForward.trim().equalsIgnoreCase("off") && forwardDest == null) {
            rules.reject("forwardDest", null, "is required when autoForward is " + autoForward);
        }
        if (rotationInterval != null && rotationInterval > 0 && rotationInterval < 1000) {
            rules.reject("rotationInterval", rotationInterval, "must be 0 (run once) or at least 1000 ms");
        }
    }

    /** Each wallet's buy at most: position size plus its jitter, rounded up to a lamport. */
    private BigDecimal maxPerWallet() {
        BigDecimal jitter = sizeJitterPct == null ? BigDecimal.ZERO : sizeJitterPct.movePointLeft(2);
        return positionSize.multiply(BigDecimal.ONE.add(jitter)).setScale(9, RoundingMode.UP);
    }

    @Override
    public BotSettings settings() {
        boolean repeats = !Boolean.FALSE.equals(loop) && rotationInterval != null && rotationInterval > 0;
        BigDecimal slip = slippage == null ? BigDecimal.ONE : slippage;
        return new BotSettings(
                repeats ? Duration.ofMillis(rotationInterval) : Duration.ofSeconds(1),
                wallets.size(),
                Duration.ZERO,
                haltOnFailures == null ? 4 : haltOnFailures,
                wallets.size(),
                Math.min(9_900, Units.bps(slip)),
                Lamports.of(priorityFeeLamports == null ? 0 : priorityFeeLamports),
                Mint.WRAPPED_SOL,
                TokenAmount.fromDecimal(maxPerWallet(), 9));
    }

    /** Each wallet of {@code wallets} buys once per run: the plan puts one trade on each. */
    @Override
    public List<String> tradingWallets() {
        return wallets.stream().map(String::trim).toList();
    }

    @Override
    public SafetyChoice safety() {
        return SafetyChecks.choice(Boolean.FALSE.equals(safetyEnabled), safetyChecks);
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>(2);
        out.add("no stop loss (the stealth bot only buys)");
        if (Boolean.FALSE.equals(safetyEnabled) || (safetyChecks != null && safetyChecks.allOff())) {
            out.add("safety checks are off");
        }
        return out;
    }
}
