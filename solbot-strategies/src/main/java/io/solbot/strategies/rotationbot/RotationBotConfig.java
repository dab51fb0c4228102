package io.solbot.strategies.rotationbot;

import io.solbot.core.config.Between;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Decimals;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.Required;
import io.solbot.core.config.SafetyChoice;
import io.solbot.core.config.SolanaAddress;
import io.solbot.strategies.common.Defaults;
import io.solbot.strategies.common.PlatformConfig;
import io.solbot.strategies.common.PlatformFields;
import io.solbot.strategies.common.SafetyChecks;
import io.solbot.strategies.common.Units;
import io.solbot.strategies.common.Window;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rotation bot (the original's own rules: no interval or amount; it sizes trades from live balances). Needs a
 * non-empty {@code tokens} list, or {@code sectors} or {@code wallets} with at least one token.
 *
 * @param slippage percent, 0.01 to 99; required
 * @param maxTrades 1 to 20; required
 * @param tokens the tokens to rotate between
 * @param sectors sector name → tokens
 * @param wallets wallet label → tokens, one rotation per wallet
 * @param rotationInterval ms between rotations, 1 000 to 3 600 000 (it is the bot's tick; the original allowed 0)
 * @param minMomentum minimum price change to rotate into, percent 0 to 100
 * @param priceChangeWindow window of the momentum, 1 to 1440 minutes
 * @param cooldown seconds before a token is bought again
 * @param maxRotations rotations at most, at least 1
 * @param gasBufferSol SOL kept for fees, at least 0
 */
@CrossField
public record RotationBotConfig(
        @SolanaAddress String tokenMint,

        @Required @Between(min = "0.01", max = "99", unit = "%") @Decimals(2)
        BigDecimal slippage,

        @Required @Between(min = "1", max = "20") Integer maxTrades,
        List<@SolanaAddress String> tokens,
        Map<String, List<@SolanaAddress String>> sectors,
        Map<String, List<@SolanaAddress String>> wallets,
        @Between(min = "1000", max = "3600000", unit = "ms") Long rotationInterval,
        @Between(min = "0", max = "100", unit = "%") BigDecimal minMomentum,
        @Window String priceChangeWindow,
        @Between(min = "0", unit = "seconds") @Decimals(3) BigDecimal cooldown,
        @Between(min = "1") Integer haltOnFailures,
        @Between(min = "1") Integer maxOpenTrades,
        @Between(min = "1") Integer maxRotations,
        @Between(min = "0", max = "100", unit = "%") BigDecimal takeProfit,
        @Between(min = "0", max = "100", unit = "%") BigDecimal stopLoss,
        @Between(min = "0", unit = "USD") BigDecimal targetPriceUSD,
        Boolean buyWithUSDC,

        @Between(min = "0", minInclusive = false, unit = "USDC") @Decimals(6)
        BigDecimal usdcAmount,

        Boolean safetyEnabled,
        @Valid SafetyChecks safetyChecks,
        @Between(min = "0", unit = "SOL") BigDecimal gasBufferSol,
        @Between(min = "0", max = "1") BigDecimal maxSlippage,

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long priorityFeeLamports,

        @Flatten @Valid PlatformFields platformFields)
        implements PlatformConfig, CrossFieldRules {
    private static final Defaults DEFAULTS = new Defaults(4, 60, 2, 0);

    @Override
    public void check(Rules rules) {
        boolean any = tokens != null && !tokens.isEmpty();
        any |= sectors != null && sectors.values().stream().anyMatch(l -> l != null && !l.isEmpty());
        any |= wallets != null && wallets.values().stream().anyMatch(l -> l != null && !l.isEmpty());
        if (!any) {
            rules.reject("tokens", null, "must list at least one token (or give sectors or wallets with tokens)");
        }
        if (Boolean.TRUE.equals(buyWithUSDC)) {
            rules.require("usdcAmount", usdcAmount, "when buyWithUSDC is true");
        }
    }

    @Override
    public BotSettings settings() {
        return DEFAULTS.balanceSized(
                Duration.ofMillis(rotationInterval == null ? 3_600_000 : rotationInterval),
                maxTrades,
                cooldown,
                haltOnFailures,
                maxOpenTrades,
                slippage,
                priorityFeeLamports);
    }

    /** With {@code wallets} (label → tokens), it rotates in each of those wallets, from their balances. */
    @Override
    public List<String> tradingWallets() {
        return wallets == null ? List.of() : List.copyOf(wallets.keySet());
    }

    @Override
    public SafetyChoice safety() {
        return SafetyChecks.choice(Boolean.FALSE.equals(safetyEnabled), safetyChecks);
    }

    @Override
    public List<String> warnings() {
        List<String> out = new ArrayList<>(2);
        if (Units.isOff(stopLoss)) {
            out.add("no stop loss (stopLoss is not set)");
        }
        if (Boolean.FALSE.equals(safetyEnabled) || (safetyChecks != null && safetyChecks.allOff())) {
            out.add("safety checks are off");
        }
        return out;
    }
}
