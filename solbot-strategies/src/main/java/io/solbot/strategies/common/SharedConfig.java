package io.solbot.strategies.common;

import io.solbot.core.config.Alias;
import io.solbot.core.config.Between;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Decimals;
import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.SolanaAddress;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields every trading strategy shares (the original's "shared" validator plus the engine settings), in one
 * place. Strategies include it with {@code @Flatten @Valid SharedConfig sharedFields}, so its fields sit beside the
 * strategy's own in config files.
 *
 * <p>Required: {@code slippage}, {@code interval}, {@code maxTrades}, and {@code amountToSpend} (or, with {@code
 * buyWithUSDC: true}, {@code usdcAmount}).
 *
 * @param tokenMint an optional target token
 * @param entryThreshold minimum price rise to buy, as written: percent, but below 1 a fraction (0.03 = 3 %); see
 *     {@link #entryThresholdPercent()}
 * @param volumeThreshold minimum traded volume, USD
 * @param slippage slippage allowed per swap, percent, 0.01 to 99, at most 2 decimals (it becomes basis points)
 * @param interval seconds between ticks, 1 to 3600, at most 3 decimals
 * @param maxTrades trades before the bot stops, 1 to 20
 * @param amountToSpend SOL per buy, greater than 0 and at most {@link Units#MAX_SOL}, at most 9 decimals; also read as {@code snipeAmount}, {@code
 *     spendAmount}, {@code amount} or {@code scalpAmount}
 * @param takeProfit take profit, percent 0 to 100; 0 is off
 * @param stopLoss stop loss, percent 0 to 100; 0 is off
 * @param tpPercent share of the position sold at the take profit, percent
 * @param slPercent share of the position sold at the stop loss, percent
 * @param targetPriceUSD buy only at or below this price, USD
 * @param buyWithUSDC spend USDC instead of SOL
 * @param usdcAmount USDC per buy when {@code buyWithUSDC}, greater than 0, at most 6 decimals
 * @param safetyEnabled false switches every safety check off
 * @param disableSafety true switches every safety check off
 * @param safetyChecks which safety checks run
 * @param cooldown seconds before the same token is traded again, at least 0
 * @param haltOnFailures consecutive failures before the bot halts, at least 1
 * @param maxOpenTrades positions held at once, at least 1
 * @param maxDailyVolume SOL spent per day at most, greater than 0
 * @param priorityFeeLamports priority fee per transaction, lamports, 0 to 1 000 000 000 (1 SOL)
 * @param maxSlippage maximum price impact of a quote, a fraction 0 to 1 (0.15 = 15 %)
 * @param dryRun simulate buys instead of sending them
 * @param useTargetToken the original launcher's switch to keep {@code tokenMint} for feed strategies (kept, not used)
 * @param walletLabel the wallet to trade from
 * @param walletId the original platform's wallet id (kept, not used)
 * @param userId the original platform's user id (kept, not used)
 * @param botId the original platform's bot id (kept, not used; the bots file names bots)
 */
@CrossField
public record SharedConfig(
        @SolanaAddress String tokenMint,
        @Between(min = "0", max = "100", unit = "%") BigDecimal entryThreshold,
        @Between(min = "0", unit = "USD") BigDecimal volumeThreshold,

        @Between(min = "0.01", max = "99", unit = "%") @Decimals(2)
        BigDecimal slippage,

        @Between(min = "1", max = "3600", unit = "seconds") @Decimals(3)
        BigDecimal interval,

        @Between(min = "1", max = "20") Integer maxTrades,

        @Between(min = "0", minInclusive = false, unit = "SOL")
        @Decimals(9)
        @Alias({"snipeAmount", "spendAmount", "amount", "scalpAmount"})
        BigDecimal amountToSpend,

        @Between(min = "0", max = "100", unit = "%") BigDecimal takeProfit,
        @Between(min = "0", max = "100", unit = "%") BigDecimal stopLoss,
        @Between(min = "0", max = "100", unit = "%") BigDecimal tpPercent,
        @Between(min = "0", max = "100", unit = "%") BigDecimal slPercent,
        @Between(min = "0", unit = "USD") BigDecimal targetPriceUSD,
        Boolean buyWithUSDC,

        @Between(min = "0", minInclusive = false, unit = "USDC") @Decimals(6)
        BigDecimal usdcAmount,

        Boolean safetyEnabled,
        Boolean disableSafety,
        @Valid SafetyChecks safetyChecks,
        @Between(min = "0", unit = "seconds") @Decimals(3) BigDecimal cooldown,
        @Between(min = "1") Integer haltOnFailures,
        @Between(min = "1") Integer maxOpenTrades,

        @Between(min = "0", minInclusive = false, unit = "SOL")
        BigDecimal maxDailyVolume,

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long priorityFeeLamports,

        @Between(min = "0", max = "1") BigDecimal maxSlippage,
        Boolean dryRun,
        Boolean useTargetToken,
        String walletLabel,
        String walletId,
        String userId,
        String botId)
        implements CrossFieldRules {

    /** The entry threshold in percent: the written value, with one below 1 read as a fraction (0.03 = 3 %). */
    public BigDecimal entryThresholdPercent() {
        return Units.percentFromThreshold(entryThreshold);
    }

    @Override
    public void check(Rules rules) {
        rules.require("slippage", slippage, "");
        rules.require("interval", interval, "(seconds between ticks, 1 to 3600)");
        rules.require("maxTrades", maxTrades, "(1 to 20)");
        if (Boolean.TRUE.equals(buyWithUSDC)) {
            rules.require("usdcAmount", usdcAmount, "when buyWithUSDC is true");
        } else {
            rules.require("amountToSpend", amountToSpend, "(SOL per buy; or snipeAmount, spendAmount, amount)");
        }
        if (amountToSpend != null && amountToSpend.compareTo(Units.MAX_SOL) > 0) {
            rules.reject("amountToSpend", amountToSpend, Units.MAX_SOL_RULE);
        }
    }

    /** Whether the config switches token safety checks off, in any of the original's three ways. */
    public boolean safetyOff() {
        return Boolean.FALSE.equals(safetyEnabled)
                || Boolean.TRUE.equals(disableSafety)
                || (safetyChecks != null && safetyChecks.allOff());
    }

    /** Which safety checks guard the bot's buys: none when {@link #safetyOff()}, else those {@code safetyChecks} leaves on. */
    public SafetyChoice safety() {
        return SafetyChecks.choice(safetyOff(), safetyChecks);
    }

    /** Whether a stop loss is set (a {@code stopLoss} above 0). */
    public boolean hasStopLoss() {
        return !Units.isOff(stopLoss);
    }

    /** The engine settings; for a validated config only. */
    public BotSettings settings(Defaults defaults) {
        boolean usdc = Boolean.TRUE.equals(buyWithUSDC);
        return new BotSettings(
                Units.seconds(interval),
                maxTrades,
                cooldown == null ? Duration.ofSeconds(defaults.cooldownSeconds()) : Units.seconds(cooldown),
                haltOnFailures == null ? defaults.haltOnFailures() : haltOnFailures,
                maxOpenTrades == null ? defaults.maxOpenTrades() : maxOpenTrades,
                Units.bps(slippage),
                Lamports.of(priorityFeeLamports == null ? defaults.priorityFeeLamports() : priorityFeeLamports),
                usdc ? Mint.USDC : Mint.WRAPPED_SOL,
                usdc ? TokenAmount.fromDecimal(usdcAmount, 6) : TokenAmount.fromDecimal(amountToSpend, 9));
    }

    /** Risky but legal choices. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>(2);
        if (!hasStopLoss()) {
            out.add("no stop loss (stopLoss is not set)");
        }
        if (safetyOff()) {
            out.add("safety checks are off");
        }
        return out;
    }
}
