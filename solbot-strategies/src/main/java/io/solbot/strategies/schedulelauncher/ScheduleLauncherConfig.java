package io.solbot.strategies.schedulelauncher;

import io.solbot.core.config.Alias;
import io.solbot.core.config.Between;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Decimals;
import io.solbot.core.config.OneOf;
import io.solbot.core.config.Required;
import io.solbot.core.config.SolanaAddress;
import io.solbot.core.config.StrategyConfig;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;
import io.solbot.strategies.common.Units;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * A schedule launcher. {@code buyMode: interval} spends {@code amountToSpend} in {@code maxTrades} equal buys every
 * {@code interval} seconds; {@code buyMode: limit} buys each tier of {@code limitConfigs} at its price.
 *
 * @param outputMint the token to buy, a Solana address (the original checked only for non-empty text); required
 * @param slippage percent, 0.01 to 99 (the original allowed 0 to 100)
 * @param name 2 to 32 characters
 * @param buyMode {@code interval} (default) or {@code limit}
 * @param amountToSpend total SOL over all interval buys, at least 0.01
 * @param interval seconds between interval buys, 10 to 3600
 * @param maxTrades interval buys, 1 to 25, a whole number
 * @param limitConfigs 1 to 10 tiers of price and amount
 * @param startTime when to start, ISO-8601 with an offset ({@code 2026-12-01T09:00:00Z})
 */
@CrossField
public record ScheduleLauncherConfig(
        @Required @SolanaAddress String outputMint,

        @Between(min = "0.01", max = "99", unit = "%") @Decimals(2)
        BigDecimal slippage,

        @Size(min = 2, max = 32, message = "must be 2 to 32 characters")
        String name,

        @OneOf({"interval", "limit"}) String buyMode,

        @Between(min = "0.01", max = "1000000000", unit = "SOL")
        @Decimals(9)
        @Alias({"snipeAmount", "spendAmount", "amount"})
        BigDecimal amountToSpend,

        @Between(min = "10", max = "3600", unit = "seconds") Integer interval,
        @Between(min = "1", max = "25") Integer maxTrades,
        List<@Valid LimitTier> limitConfigs,
        String startTime,
        Boolean isRestart,

        @Between(min = "0", max = "1000000000", unit = "lamports")
        Long priorityFeeLamports,

        @Between(min = "1") Integer haltOnFailures,
        Boolean dryRun,
        String walletLabel,
        String walletId,
        String userId,
        String botId)
        implements StrategyConfig, CrossFieldRules {

    /** A limit tier: buy {@code amount} SOL when the price is at or below {@code price} USD. */
    public record LimitTier(
            @Required @Between(min = "0.0001", unit = "USD") BigDecimal price,

            @Required @Between(min = "0.01", max = "1000000000", unit = "SOL") @Decimals(9)
            BigDecimal amount) {}

    boolean limitMode() {
        return buyMode != null && buyMode.trim().toLowerCase(Locale.ROOT).equals("limit");
    }

    @Override
    public void check(Rules rules) {
        if (limitMode()) {
            if (limitConfigs == null || limitConfigs.isEmpty() || limitConfigs.size() > 10) {
                rules.reject(
                        "limitConfigs",
                        limitConfigs == null ? null : limitConfigs.size() + " tiers",
                        "must hold 1 to 10 tiers when buyMode is limit");
            } else if (limitConfigs.contains(null)) {
                rules.reject("limitConfigs", null, "must not hold empty tiers");
            }
        } else {
            rules.require("amountToSpend", amountToSpend, "when buyMode is interval");
            rules.require("interval", interval, "when buyMode is interval (10 to 3600 seconds)");
            rules.require("maxTrades", maxTrades, "when buyMode is interval (1 to 25)");
        }
        if (startTime != null) {
            try {
                OffsetDateTime.parse(startTime.trim());
            } catch (DateTimeParseException e) {
                rules.reject(
                        "startTime", startTime, "must be a date and time with an offset, like 2026-12-01T09:00:00Z");
            }
        }
    }

    @Override
    public BotSettings settings() {
        BigDecimal slip = slippage == null ? BigDecimal.ONE : slippage;
        Lamports fee = Lamports.of(priorityFeeLamports == null ? 0 : priorityFeeLamports);
        int halt = haltOnFailures == null ? 3 : haltOnFailures;
        if (limitMode()) {
            BigDecimal largest = limitConfigs.stream().map(LimitTier::amount).reduce(BigDecimal.ZERO, BigDecimal::max);
            return new BotSettings(
                    Duration.ofSeconds(10),
                    limitConfigs.size(),
                    Duration.ZERO,
                    halt,
                    limitConfigs.size(),
                    Units.bps(slip),
                    fee,
                    Mint.WRAPPED_SOL,
                    TokenAmount.fromDecimal(largest, 9));
        }
        BigDecimal perTrade = amountToSpend.divide(BigDecimal.valueOf(maxTrades), 9, RoundingMode.DOWN);
        return new BotSettings(
                Duration.ofSeconds(interval),
                maxTrades,
                Duration.ZERO,
                halt,
                1,
                Units.bps(slip),
                fee,
                Mint.WRAPPED_SOL,
                TokenAmount.fromDecimal(perTrade, 9));
    }

    @Override
    public String wallet() {
        return walletLabel;
    }

    @Override
    public List<String> warnings() {
        return List.of("no stop loss (the schedule launcher only buys)");
    }
}
