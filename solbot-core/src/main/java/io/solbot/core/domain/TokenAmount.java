package io.solbot.core.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact quantity of a token: an integer count of raw units (the on-chain u64, here unbounded so that sums and
 * differences never overflow) and the mint's number of decimals. {@code TokenAmount.of(1_500_000, 6)} is 1.5 USDC.
 *
 * <p>Arithmetic never rounds unless a method takes a {@link RoundingMode}, and never mixes decimals: adding 6-decimal
 * and 9-decimal amounts is an error, not a silent conversion. Amounts may be negative (a PnL, a difference); {@link
 * #isU64()} says whether one fits an on-chain amount. Immutable.
 *
 * @param raw the count of raw units
 * @param decimals how many of the digits of {@code raw} are after the decimal point, 0 to 255 (the SPL range)
 */
public record TokenAmount(BigInteger raw, int decimals) implements Comparable<TokenAmount> {
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]+)?|\\.[0-9]+)");
    private static final int MAX_DIGITS = 78;
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** @throws IllegalArgumentException if {@code raw} is null or {@code decimals} is outside 0..255 */
    public TokenAmount {
        Objects.requireNonNull(raw, "raw");
        if (decimals < 0 || decimals > 255) {
            throw new IllegalArgumentException("decimals must be between 0 and 255, but was " + decimals);
        }
    }

    /** An amount of {@code raw} units with {@code decimals} decimals. */
    public static TokenAmount of(long raw, int decimals) {
        return new TokenAmount(BigInteger.valueOf(raw), decimals);
    }

    /** An amount of {@code raw} units with {@code decimals} decimals. */
    public static TokenAmount ofRaw(BigInteger raw, int decimals) {
        return new TokenAmount(raw, decimals);
    }

    /** Zero with {@code decimals} decimals. */
    public static TokenAmount zero(int decimals) {
        return new TokenAmount(BigInteger.ZERO, decimals);
    }

    /**
     * Parses a decimal number of whole tokens, for example {@code "1.5"} with 6 decimals is 1 500 000 raw units.
     *
     * @throws IllegalArgumentException if {@code text} is not a plain decimal number of at most 78 digits (no
     *     exponent), or has more fractional digits than {@code decimals} (it would have to be rounded)
     */
    public static TokenAmount parse(String text, int decimals) {
        String trimmed = Objects.requireNonNull(text, "text").trim();
        // plain notation only, and no more digits than a 256-bit number: "1e999999999" must not allocate a giant
        if (!PLAIN_DECIMAL.matcher(trimmed).matches()
                || trimmed.chars().filter(Character::isDigit).count() > MAX_DIGITS) {
            throw new IllegalArgumentException("'" + text + "' is not a decimal number (plain digits, at most 78)");
        }
        return fromDecimal(new BigDecimal(trimmed), decimals);
    }

    /**
     * The amount worth {@code value} whole tokens.
     *
     * @throws IllegalArgumentException if {@code value} has more fractional digits than {@code decimals}
     */
    public static TokenAmount fromDecimal(BigDecimal value, int decimals) {
        try {
            return new TokenAmount(value.movePointRight(decimals).toBigIntegerExact(), decimals);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    value.toPlainString() + " has more than " + decimals + " decimals and cannot be held exactly", e);
        }
    }

    /** This amount in whole tokens, exactly: raw × 10^-decimals. */
    public BigDecimal toDecimal() {
        return new BigDecimal(raw, decimals);
    }

    public TokenAmount plus(TokenAmount other) {
        return new TokenAmount(raw.add(sameDecimals(other).raw), decimals);
    }

    public TokenAmount minus(TokenAmount other) {
        return new TokenAmount(raw.subtract(sameDecimals(other).raw), decimals);
    }

    public TokenAmount negate() {
        return new TokenAmount(raw.negate(), decimals);
    }

    public TokenAmount times(long factor) {
        return new TokenAmount(raw.multiply(BigInteger.valueOf(factor)), decimals);
    }

    /**
     * {@code this × numerator / denominator}, rounded as {@code rounding} says: the way to take a share of an amount
     * (a fee in basis points, the cost basis of a partial close) without losing a unit to floating point.
     *
     * @throws ArithmeticException if {@code denominator} is zero, or if {@code rounding} is UNNECESSARY and the
     *     result is not exact
     */
    public TokenAmount mulDiv(BigInteger numerator, BigInteger denominator, RoundingMode rounding) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        BigDecimal exact = new BigDecimal(raw.multiply(numerator));
        BigInteger result =
                exact.divide(new BigDecimal(denominator), 0, rounding).toBigIntegerExact();
        return new TokenAmount(result, decimals);
    }

    /** {@link #mulDiv(BigInteger, BigInteger, RoundingMode)} for {@code long} operands. */
    public TokenAmount mulDiv(long numerator, long denominator, RoundingMode rounding) {
        return mulDiv(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator), rounding);
    }

    /**
     * Splits this amount into {@code parts} amounts that differ by at most one raw unit and add up to exactly this
     * amount; the larger parts come first.
     *
     * @throws IllegalArgumentException if {@code parts < 1}
     */
    public List<TokenAmount> split(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, but was " + parts);
        }
        BigInteger[] qr = raw.divideAndRemainder(BigInteger.valueOf(parts));
        int remainder = Math.abs(qr[1].intValueExact());
        BigInteger step = BigInteger.valueOf(raw.signum() < 0 ? -1 : 1);
        List<TokenAmount> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            out.add(new TokenAmount(i < remainder ? qr[0].add(step) : qr[0], decimals));
        }
        return List.copyOf(out);
    }

    public int signum() {
        return raw.signum();
    }

    public boolean isZero() {
        return raw.signum() == 0;
    }

    /** Whether this amount fits an on-chain token amount (an unsigned 64-bit integer). */
    public boolean isU64() {
        return raw.signum() >= 0 && raw.compareTo(U64_MAX) <= 0;
    }

    /** @throws IllegalArgumentException if {@code other} has different decimals */
    @Override
    public int compareTo(TokenAmount other) {
        return raw.compareTo(sameDecimals(other).raw);
    }

    public TokenAmount min(TokenAmount other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public TokenAmount max(TokenAmount other) {
        return compareTo(other) >= 0 ? this : other;
    }

    private TokenAmount sameDecimals(TokenAmount other) {
        if (other.decimals != decimals) {
            throw new IllegalArgumentException("cannot combine an amount with " + decimals + " decimals and one with "
                    + other.decimals + " decimals; convert one of them explicitly");
        }
        return other;
    }

    /** The amount in whole tokens with all its decimals, for example {@code 1.500000}. */
    @Override
    public String toString() {
        return toDecimal().toPlainString();
    }
}
