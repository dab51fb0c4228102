package io.solbot.core.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact amount of SOL in lamports (10^-9 SOL), the unit of balances, fees and tips. All of Solana's SOL supply
 * fits a {@code long} many times over, so this is a {@code long}, and every operation fails on overflow rather than
 * wrapping around. May be negative (a difference, a PnL). Immutable.
 *
 * @param value the number of lamports
 */
public record Lamports(long value) implements Comparable<Lamports> {
    /** Lamports in one SOL. */
    public static final long PER_SOL = 1_000_000_000L;

    /** SOL has 9 decimals. */
    public static final int SOL_DECIMALS = 9;

    public static final Lamports ZERO = new Lamports(0);
    /** Solana's base fee: 5 000 lamports per signature, paid by every transaction that lands (one signature here). */
    public static final Lamports SIGNATURE_FEE = new Lamports(5_000);

    public static Lamports of(long value) {
        return new Lamports(value);
    }

    /**
     * Parses an amount of whole SOL, for example {@code "0.005"} is 5 000 000 lamports.
     *
     * @throws IllegalArgumentException if {@code sol} is not a decimal number, has more than 9 decimals, or does not
     *     fit a {@code long} of lamports
     */
    public static Lamports ofSol(String sol) {
        return fromTokenAmount(TokenAmount.parse(sol, SOL_DECIMALS));
    }

    /** The lamports of {@code sol} whole SOL; see {@link #ofSol(String)}. */
    public static Lamports ofSol(BigDecimal sol) {
        return fromTokenAmount(TokenAmount.fromDecimal(sol, SOL_DECIMALS));
    }

    /**
     * The lamports in a 9-decimal amount (wrapped SOL).
     *
     * @throws IllegalArgumentException if {@code amount} does not have 9 decimals or does not fit a {@code long}
     */
    public static Lamports fromTokenAmount(TokenAmount amount) {
        if (amount.decimals() != SOL_DECIMALS) {
            throw new IllegalArgumentException(
                    "an amount of SOL has 9 decimals, but this one has " + amount.decimals());
        }
        try {
            return new Lamports(amount.raw().longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(amount + " SOL does not fit in lamports", e);
        }
    }

    public Lamports plus(Lamports other) {
        return new Lamports(Math.addExact(value, other.value));
    }

    public Lamports minus(Lamports other) {
        return new Lamports(Math.subtractExact(value, other.value));
    }

    public Lamports times(long factor) {
        return new Lamports(Math.multiplyExact(value, factor));
    }

    public boolean isNegative() {
        return value < 0;
    }

    public boolean isZero() {
        return value == 0;
    }

    /** This amount as a 9-decimal token amount (wrapped SOL). */
    public TokenAmount toTokenAmount() {
        return new TokenAmount(BigInteger.valueOf(value), SOL_DECIMALS);
    }

    /** This amount in whole SOL, exactly. */
    public BigDecimal toSol() {
        return BigDecimal.valueOf(value, SOL_DECIMALS);
    }

    @Override
    public int compareTo(Lamports other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " lamports";
    }
}
