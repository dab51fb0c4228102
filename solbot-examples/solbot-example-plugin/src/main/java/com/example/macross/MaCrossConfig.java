package com.example.macross;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import java.math.BigDecimal;

/**
 * The config of one moving-average-cross bot.
 *
 * @param mint the token to trade
 * @param window how many ticks the moving average spans, 2 to 1000
 * @param amountSol SOL to spend on each buy, greater than 0
 * @param takeProfitPct sell when the price is this many percent above the entry, greater than 0
 * @param stopLossPct sell when the price is this many percent below the entry, between 0 and 100 (exclusive)
 */
public record MaCrossConfig(
        Mint mint, int window, BigDecimal amountSol, BigDecimal takeProfitPct, BigDecimal stopLossPct) {

    /** @throws IllegalArgumentException naming the first field that is out of range, and its value */
    public MaCrossConfig {
        if (mint == null) {
            throw new IllegalArgumentException("mint must be set");
        }
        if (window < 2 || window > 1000) {
            throw new IllegalArgumentException("window must be between 2 and 1000, but was " + window);
        }
        if (amountSol == null || amountSol.signum() <= 0) {
            throw new IllegalArgumentException("amountSol must be greater than 0, but was " + amountSol);
        }
        if (takeProfitPct == null || takeProfitPct.signum() <= 0) {
            throw new IllegalArgumentException("takeProfitPct must be greater than 0, but was " + takeProfitPct);
        }
        if (stopLossPct == null || stopLossPct.signum() <= 0 || stopLossPct.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException(
                    "stopLossPct must be between 0 and 100 (exclusive), but was " + stopLossPct);
        }
        // checks that the amount is a whole number of lamports
        Lamports.ofSol(amountSol);
    }

    /** The amount per buy in lamports. */
    public Lamports amount() {
        return Lamports.ofSol(amountSol);
    }
}
