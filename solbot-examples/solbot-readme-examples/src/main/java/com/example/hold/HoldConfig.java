package com.example.hold;

import io.solbot.core.config.Between;
import io.solbot.core.config.BotSettings;
import io.solbot.core.config.Decimals;
import io.solbot.core.config.Required;
import io.solbot.core.config.StrategyConfig;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * One bot of the {@code hold} strategy. The loader checks these constraints, all of them, before the engine calls
 * {@code create}; a bots file writes {@code mint} as the address text.
 *
 * @param interval seconds between ticks; 5 when not given
 * @param maxTrades buys after which the bot stops; 10 when not given
 */
public record HoldConfig(
        @Required Mint mint,

        @Required @Between(min = "0", minInclusive = false, unit = "SOL") @Decimals(9)
        BigDecimal amountSol,

        @Required @Between(min = "0", minInclusive = false, unit = "%")
        BigDecimal takeProfitPct,

        @Required @Between(min = "0", minInclusive = false, max = "100", maxInclusive = false, unit = "%")
        BigDecimal stopLossPct,

        @Required @Between(min = "1", max = "86400", unit = "s")
        Integer holdSeconds,

        @Between(min = "1", max = "3600", unit = "s") Integer interval,
        @Between(min = "1", max = "1000") Integer maxTrades)
        implements StrategyConfig {

    /** What the engine enforces around the strategy: its interval, its trades, the SOL of one buy. */
    @Override
    public BotSettings settings() {
        return BotSettings.spendingSol(
                Lamports.ofSol(amountSol),
                Duration.ofSeconds(interval == null ? 5 : interval),
                maxTrades == null ? 10 : maxTrades);
    }
}
