package io.solbot.core.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How much SOL one whole token costs, as an exact decimal: {@code 0.000042} means 1 token = 0.000042 SOL. Prices are
 * ratios, not money: amounts that change hands are {@link TokenAmount} and {@link Lamports}, and a price turns into
 * one only through {@link #solFor(TokenAmount)} or {@link #tokensFor(Lamports, int)}, which say how they round.
 *
 * <p>A price can be zero: a worthless token sold (or written off) for nothing. Such a price divides nothing: {@link
 * #tokensFor} and {@link #percentChangeFrom} refuse it where it would be the divisor.
 *
 * @param value SOL per whole token, zero or more
 */
public record Price(BigDecimal value) implements Comparable<Price> {
    /** The precision of derived prices (averages, ratios): 34 significant digits. */
    public static final MathContext MATH = MathContext.DECIMAL128;

    /** How {@link #toString()} rounds: for display only. */
    private static final MathContext DISPLAY = new MathContext(10, RoundingMode.HALF_EVEN);

    /** Nothing per token: the price of a sell that brought no SOL. */
    public static final Price ZERO = new Price(BigDecimal.ZERO);

    /** @throws IllegalArgumentException if {@code value} is null or negative */
    public Price {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a price cannot be negative, but was " + value.toPlainString());
        }
        // equal prices are equal records, whatever their scale (1.0 and 1.00)
        value = value.stripTrailingZeros();
    }

    public static Price of(String value) {
        return new Price(new BigDecimal(value));
    }

    public static Price of(BigDecimal value) {
        return new Price(value);
    }

    /**
     * The price at which {@code tokens} were exchanged for {@code sol}: {@code sol / tokens} to {@link #MATH}, and
     * exactly {@link #ZERO} for no SOL.
     *
     * @throws IllegalArgumentException if {@code tokens} is not more than zero or {@code sol} is negative
     */
    public static Price ofTrade(Lamports sol, TokenAmount tokens) {
        if (tokens.signum() <= 0 || sol.isNegative()) {
            throw new IllegalArgumentException(
                    "a trade price needs a positive amount of tokens and no negative SOL, but was " + sol + " for "
                            + tokens);
        }
        if (sol.isZero()) {
            return ZERO;
        }
        return new Price(sol.toSol().divide(tokens.toDecimal(), MATH));
    }

    /** The SOL that {@code tokens} are worth at this price, rounded down to a whole lamport. */
    public Lamports solFor(TokenAmount tokens) {
        BigDecimal sol = value.multiply(tokens.toDecimal());
        return new Lamports(sol.movePointRight(Lamports.SOL_DECIMALS)
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact());
    }

    /**
     * The tokens (with {@code decimals} decimals) that {@code sol} buys at this price, rounded down to a raw unit.
     *
     * @throws ArithmeticException if this price is zero (no amount of tokens is worth the SOL)
     */
    public TokenAmount tokensFor(Lamports sol, int decimals) {
        if (isZero()) {
            throw new ArithmeticException("at a price of 0, no amount of tokens is worth " + sol);
        }
        BigDecimal tokens = sol.toSol().divide(value, MATH);
        return new TokenAmount(
                tokens.movePointRight(decimals).setScale(0, RoundingMode.FLOOR).toBigIntegerExact(), decimals);
    }

    /**
     * The change from {@code from} to this price in percent: +10 means 10 % higher.
     *
     * @throws ArithmeticException if {@code from} is zero (no change from nothing is a finite percentage)
     */
    public BigDecimal percentChangeFrom(Price from) {
        if (from.isZero()) {
            throw new ArithmeticException("there is no percent change from a price of 0 to " + this);
        }
        return value.subtract(from.value).multiply(BigDecimal.valueOf(100)).divide(from.value, MATH);
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isAbove(Price other) {
        return compareTo(other) > 0;
    }

    public boolean isBelow(Price other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Price other) {
        return value.compareTo(other.value);
    }

    /**
     * The price for people: at most 10 significant digits (rounded half-even), in plain notation, such as {@code
     * 0.0000001200243712}. Derived prices carry 34 digits, which nobody reads; {@link #value()} is the exact price,
     * and the only one to compute or store with.
     */
    @Override
    public String toString() {
        return value.round(DISPLAY).stripTrailingZeros().toPlainString();
    }
}
