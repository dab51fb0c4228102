package com.example.macross;

import io.solbot.core.config.Between;
import io.solbot.core.config.Decimals;
import io.solbot.core.config.Required;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import java.math.BigDecimal;

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
 */
public record MaCrossConfig(
        @Required Mint mint,
        @Required @Between(min = "2", max = "1000") Integer window,

        @Required @Between(min = "0", minInclusive = false, unit = "SOL") @Decimals(9)
        BigDecimal amountSol,

        @Required @Between(min = "0", minInclusive = false, unit = "%")
        BigDecimal takeProfitPct,

        @Required @Between(min = "0", minInclusive = false, max = "100", maxInclusive = false, unit = "%")
        BigDecimal stopLossPct) {

    /** The amount per buy in lamports; for a validated config. */
    public Lamports amount() {
        return Lamports.ofSol(amountSol);
    }
}
