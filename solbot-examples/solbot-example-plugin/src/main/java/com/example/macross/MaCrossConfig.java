package com.example.macross;

import io.solbot.core.config.Between;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.Decimals;
import io.solbot.core.config.Required;
import io.solbot.core.config.StrategyConfig;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * The config of one moving-average-cross bot. Its rules are Bean Validation constraints, checked by the bots-file
 * loader (or {@code ConfigValidator}) before the engine creates a strategy, all violations at once; a bots file writes
 * {@code mint} as the address text.
 *
 * @param mint the token to trade
 * @param window how many ticks the moving average spans, 2 to 1000
 * @param amountSol SOL to spend on each buy, greater than 0, at most 9 decimals (whole lamports)
 * @param takeProfitPct sell when the price is this many percent above the entry, greater than 0
 * @param stopLossPct sell when the price is this many percent below the entry, between 0 and 100 (exclusive)
 * @param interval seconds between ticks, 1 to 3600; 5 when not given
 * @param maxTrades buys after which the bot stops, 1 to 1000; 20 when not given
 * @param slippage the most the price may move against an order, in percent, 0.01 to 50; 1 when not given
 */
public record MaCrossConfig(
        @Required Mint mint,
        @Required @Between(min = "2", max = "1000") Integer window,

        @Required @Between(min = "0", minInclusive = false, unit = "SOL") @Decimals(9)
        BigDecimal amountSol,

        @Required @Between(min = "0", minInclusive = false, unit = "%")
        BigDecimal takeProfitPct,

        @Required @Between(min = "0", minInclusive = false, max = "100", maxInclusive = false, unit = "%")
        BigDecimal stopLossPct,

        @Between(min = "1", max = "3600", unit = "s") Integer interval,
        @Between(min = "1", max = "1000") Integer maxTrades,

        @Between(min = "0.01", max = "50", unit = "%") @Decimals(2)
        BigDecimal slippage)
        implements StrategyConfig {

    /** A config with the default interval, maximum trades and slippage. */
    public MaCrossConfig(
            Mint mint, int window, BigDecimal amountSol, BigDecimal takeProfitPct, BigDecimal stopLossPct) {
        this(mint, window, amountSol, takeProfitPct, stopLossPct, null, null, null);
    }

    /** The amount per buy in lamports; for a validated config. */
    public Lamports amount() {
        return Lamports.ofSol(amountSol);
    }

    @Override
    public BotSettings settings() {
        int trades = maxTrades == null ? 20 : maxTrades;
        return new BotSettings(
                Duration.ofSeconds(interval == null ? 5 : interval),
                trades,
                Duration.ZERO,
                3,
                1,
                (slippage == null ? BigDecimal.ONE : slippage)
                        .movePointRight(2)
                        .setScale(0, RoundingMode.UNNECESSARY)
                        .intValueExact(),
                Lamports.ZERO,
                Mint.WRAPPED_SOL,
                amount().toTokenAmount());
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }
}
