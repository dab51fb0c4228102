package io.solbot.core.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The price of one SOL in US dollars, to turn the USD thresholds of configs (volume, market cap, pool size, a
 * rebalancer's minimum move) into SOL and back. Conversions are exact, except {@link #lamportsFor}, which says how it
 * rounds. Immutable.
 *
 * @param usdPerSol dollars per whole SOL, more than zero
 */
public record SolUsd(BigDecimal usdPerSol) {
    /** @throws IllegalArgumentException if {@code usdPerSol} is not more than zero */
    public SolUsd {
        Objects.requireNonNull(usdPerSol, "usdPerSol");
        if (usdPerSol.signum() <= 0) {
            throw new IllegalArgumentException(
                    "the price of SOL must be more than 0 USD, but was " + usdPerSol.toPlainString());
        }
        usdPerSol = usdPerSol.stripTrailingZeros();
    }

    /** Parses {@code usdPerSol}, for example {@code "150"}. */
    public static SolUsd of(String usdPerSol) {
        return new SolUsd(new BigDecimal(usdPerSol));
    }

    /** What {@code amount} is worth in USD, exactly. */
    public BigDecimal usd(Lamports amount) {
        return amount.toSol().multiply(usdPerSol);
    }

    /** What {@code sol} whole SOL are worth in USD, exactly. */
    public BigDecimal usd(BigDecimal sol) {
        return sol.multiply(usdPerSol);
    }

    /** The USD price of a token that costs {@code price} SOL, exactly. */
    public BigDecimal usdPerToken(Price price) {
        return price.value().multiply(usdPerSol);
    }

    /**
     * The lamports that {@code usd} dollars buy, rounded down to a whole lamport.
     *
     * @throws ArithmeticException if the result does not fit a {@code long} of lamports
     */
    public Lamports lamportsFor(BigDecimal usd) {
        BigDecimal sol = usd.divide(usdPerSol, Lamports.SOL_DECIMALS, RoundingMode.FLOOR);
        return Lamports.of(sol.movePointRight(Lamports.SOL_DECIMALS).longValueExact());
    }

    @Override
    public String toString() {
        return usdPerSol.toPlainString() + " USD/SOL";
    }
}
