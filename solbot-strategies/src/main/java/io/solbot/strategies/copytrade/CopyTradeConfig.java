package io.solbot.strategies.copytrade;

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
import io.solbot.strategies.common.MonitorFields;
import io.solbot.strategies.common.PlatformConfig;
import io.solbot.strategies.common.PlatformFields;
import io.solbot.strategies.common.SafetyChecks;
import io.solbot.strategies.common.Units;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy trader: mirrors the swaps of the wallets it follows, scaled, after a delay, within a size cap and the safety
 * checks (see {@link CopyTrade}).
 *
 * @param wallets the wallets to copy, base58 addresses, 1 to 20, none twice; required
 * @param scalePct each copied buy spends this share of the leader's SOL, percent, greater than 0 and at most 1000;
 *     this or {@code fixedSol}
 * @param fixedSol each copied buy spends this much SOL, whatever the leader spent; this or {@code scalePct}
 * @param maxSolPerBuy the most SOL a copied buy spends; required with {@code scalePct}, at least {@code fixedSol}
 *     with it (default {@code fixedSol})
 * @param copyDelayMs how long after the leader's swap the copy is placed, 0 to 3 600 000 ms (default 0: at the next
 *     tick)
 * @param maxCopyAgeMs a leader's buy not copied within this of the swap is dropped (the bot was down, or its buys
 *     kept being refused), 1000 to 86 400 000 ms, above {@code copyDelayMs} (default 60 000 or {@code copyDelayMs}
 *     plus 60 000); sells are mirrored however late
 * @param copySells mirror the leader's sells as the same share of this bot's position (default true)
 * @param maxOpenPositions tokens held at once, 1 to 100 (default 5); a leader's buy of another token past it is not
 *     copied
 * @param maxTrades copied buys in the bot's life at most, 1 to 1 000 000 (default 1000)
 * @param takeProfit sell the whole position once the price is this much above the entry, percent 0 to 1000; 0 or
 *     none is off
 * @param stopLoss sell the whole position once the price is this much below the entry, percent 0 to 100; 0 or none
 *     is off
 * @param safetyEnabled false switches every safety check off
 * @param safetyChecks which safety checks run
 * @param monitorFields {@code interval} (default 2 s), {@code slippage}, {@code priorityFeeLamports}, {@code
 *     haltOnFailures}
 */
@CrossField
public record CopyTradeConfig(
        @Required List<@SolanaAddress String> wallets,

        @Between(min = "0", minInclusive = false, max = "1000", unit = "%") @Decimals(2)
        BigDecimal scalePct,

        @Between(min = "0", minInclusive = false, max = "1000000000", unit = "SOL") @Decimals(9)
        BigDecimal fixedSol,

        @Between(min = "0", minInclusive = false, max = "1000000000", unit = "SOL") @Decimals(9)
        BigDecimal maxSolPerBuy,

        @Between(min = "0", max = "3600000", unit = "ms") Long copyDelayMs,

        @Between(min = "1000", max = "86400000", unit = "ms")
        Long maxCopyAgeMs,

        Boolean copySells,
        @Between(min = "1", max = "100") Integer maxOpenPositions,
        @Between(min = "1", max = "1000000") Integer maxTrades,
        @Between(min = "0", max = "1000", unit = "%") BigDecimal takeProfit,
        @Between(min = "0", max = "100", unit = "%") BigDecimal stopLoss,
        Boolean safetyEnabled,
        @Valid SafetyChecks safetyChecks,
        @Flatten @Valid MonitorFields monitorFields,
        @Flatten @Valid PlatformFields platformFields)
        implements PlatformConfig, CrossFieldRules {

    static final int MAX_WALLETS = 20;
    static final long DEFAULT_MAX_AGE_MS = 60_000;

    @Override
    public void check(Rules rules) {
        if (wallets != null) {
            if (wallets.isEmpty()) {
                rules.reject("wallets", null, "must list at least one wallet to copy");
            } else if (wallets.size() > MAX_WALLETS) {
                rules.reject("wallets", wallets.size() + " wallets", "must list at most " + MAX_WALLETS + " wallets");
            } else if (wallets.stream().distinct().count() < wallets.size()) {
                rules.reject("wallets", wallets, "must not name a wallet twice");
            }
        }
        if (scalePct == null && fixedSol == null) {
            rules.reject("scalePct", null, "is required (or fixedSol, the SOL each copied buy spends)");
        } else if (scalePct != null && fixedSol != null) {
            rules.reject("fixedSol", fixedSol, "must be left out when scalePct is given (one or the other)");
        }
        if (scalePct != null) {
            rules.require("maxSolPerBuy", maxSolPerBuy, "with scalePct (the most SOL a copied buy spends)");
        }
        if (fixedSol != null && maxSolPerBuy != null && maxSolPerBuy.compareTo(fixedSol) < 0) {
            rules.reject(
                    "maxSolPerBuy", maxSolPerBuy, "must be at least fixedSol (" + fixedSol.toPlainString() + " SOL)");
        }
        if (copyDelayMs != null && maxCopyAgeMs != null && maxCopyAgeMs <= copyDelayMs) {
            rules.reject("maxCopyAgeMs", maxCopyAgeMs, "must be above copyDelayMs (" + copyDelayMs + " ms)");
        }
    }

    /** The most a copied buy spends. */
    Lamports maxBuy() {
        return Lamports.ofSol(maxSolPerBuy != null ? maxSolPerBuy : fixedSol);
    }

    Duration delay() {
        return Duration.ofMillis(copyDelayMs == null ? 0 : copyDelayMs);
    }

    Duration maxAge() {
        return Duration.ofMillis(maxCopyAgeMs != null ? maxCopyAgeMs : delay().toMillis() + DEFAULT_MAX_AGE_MS);
    }

    boolean copiesSells() {
        return !Boolean.FALSE.equals(copySells);
    }

    int openPositions() {
        return maxOpenPositions == null ? 5 : maxOpenPositions;
    }

    /** Every copied buy is a trade; the positions of several tokens are held at once, each buy at most {@link #maxBuy}. */
    @Override
    public BotSettings settings() {
        BotSettings s = MonitorFields.orNone(monitorFields)
                .settings(Duration.ofSeconds(2), maxTrades == null ? 1000 : maxTrades, maxBuy());
        return new BotSettings(
                s.interval(),
                s.maxTrades(),
                s.cooldown(),
                s.maxFailuresInARow(),
                openPositions(),
                s.slippageBps(),
                s.priorityFee(),
                s.spendMint(),
                s.amountPerTrade());
    }

    @Override
    public SafetyChoice safety() {
        return SafetyChecks.choice(Boolean.FALSE.equals(safetyEnabled), safetyChecks);
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>(2);
        if (Units.isOff(stopLoss)) {
            out.add(
                    copiesSells()
                            ? "no stop loss (positions are sold when the leaders sell)"
                            : "no stop loss, and copySells is false: positions are sold by takeProfit only");
        }
        if (safety().equals(SafetyChoice.NONE)) {
            out.add("safety checks are off");
        }
        return out;
    }
}
