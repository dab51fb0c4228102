package io.solbot.strategies.dca;

import io.solbot.core.config.Alias;
import io.solbot.core.config.Between;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.CrossField;
import io.solbot.core.config.CrossFieldRules;
import io.solbot.core.config.Decimals;
import io.solbot.core.config.Flatten;
import io.solbot.core.config.Required;
import io.solbot.core.config.SolanaAddress;
import io.solbot.core.domain.Lamports;
import io.solbot.strategies.common.MonitorFields;
import io.solbot.strategies.common.PlatformConfig;
import io.solbot.strategies.common.PlatformFields;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * A DCA (dollar-cost averaging) order, as the original's {@code DcaOrder}: {@code numBuys} buys of one token, one
 * every {@code freqHours}, each {@code amountPerBuy} SOL (or {@code amount / numBuys}), skipped while the price in USD
 * is above {@code stopAbove} or below {@code stopBelow}.
 *
 * @param tokenMint the token to buy; required (also {@code mint}, {@code outputMint})
 * @param amountPerBuy SOL per buy, greater than 0; this or {@code amount}
 * @param amount SOL over all buys, greater than 0, split evenly; this or {@code amountPerBuy}
 * @param numBuys buys in all, 1 to 10 000; required
 * @param freqHours hours between buys, 0.01 (36 s) to 720; required
 * @param stopAbove no buy while the price is above this, USD per token
 * @param stopBelow no buy while the price is below this, USD per token, below {@code stopAbove}
 * @param monitorFields {@code interval} (default a tenth of {@code freqHours}, 1 to 60 s), {@code slippage}, {@code
 *     priorityFeeLamports}, {@code haltOnFailures}
 */
@CrossField
public record DcaConfig(
        @Required @SolanaAddress @Alias({"mint", "outputMint"})
        String tokenMint,

        @Between(min = "0", minInclusive = false, max = "1000000000", unit = "SOL") @Decimals(9)
        BigDecimal amountPerBuy,

        @Between(min = "0", minInclusive = false, max = "1000000000", unit = "SOL") @Decimals(9)
        BigDecimal amount,

        @Required @Between(min = "1", max = "10000") Integer numBuys,

        @Required @Between(min = "0.01", max = "720", unit = "hours")
        BigDecimal freqHours,

        @Between(min = "0", minInclusive = false, unit = "USD")
        BigDecimal stopAbove,

        @Between(min = "0", minInclusive = false, unit = "USD")
        BigDecimal stopBelow,

        @Flatten @Valid MonitorFields monitorFields,
        @Flatten @Valid PlatformFields platformFields)
        implements PlatformConfig, CrossFieldRules {

    @Override
    public void check(Rules rules) {
        if (amountPerBuy == null && amount == null) {
            rules.reject("amountPerBuy", null, "is required (or amount, split over numBuys)");
        } else if (amountPerBuy != null && amount != null) {
            rules.reject("amount", amount, "must be left out when amountPerBuy is given (one or the other)");
        }
        if (stopAbove != null && stopBelow != null && stopBelow.compareTo(stopAbove) >= 0) {
            rules.reject("stopBelow", stopBelow, "must be below stopAbove (" + stopAbove.toPlainString() + ")");
        }
        if (amount != null
                && numBuys != null
                && numBuys > 0
                && perBuy(amount, numBuys).signum() == 0) {
            rules.reject("amount", amount, "is less than a lamport per buy over " + numBuys + " buys");
        }
    }

    private static BigDecimal perBuy(BigDecimal total, int buys) {
        return total.divide(BigDecimal.valueOf(buys), 9, RoundingMode.DOWN);
    }

    /** What each buy spends. */
    Lamports perBuy() {
        return Lamports.ofSol(amountPerBuy != null ? amountPerBuy : perBuy(amount, numBuys));
    }

    /** The time between two buys. */
    Duration frequency() {
        return Duration.ofMillis(
                freqHours.multiply(BigDecimal.valueOf(3_600_000)).longValue());
    }

    /**
     * Ticks every tenth of the frequency, between 1 s and 60 s, unless {@code interval} says: a buy goes out within
     * that of its time. Each buy is a trade ({@code maxTrades} = {@code numBuys}), of one token.
     */
    @Override
    public BotSettings settings() {
        long tick = Math.clamp(frequency().toSeconds() / 10, 1, 60);
        return MonitorFields.orNone(monitorFields).settings(Duration.ofSeconds(tick), numBuys, perBuy());
    }

    @Override
    public List<String> warnings() {
        return List.of("no stop loss (a DCA order only buys)");
    }
}
