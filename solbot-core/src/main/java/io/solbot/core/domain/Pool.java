package io.solbot.core.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a token's constant-product pool (SOL against the token) at one moment: what an AMM such as Raydium or
 * PumpSwap holds, and what a pump.fun bonding curve behaves like on its virtual reserves. Immutable; a trade yields
 * a new pool.
 *
 * <p>Swap output follows the constant-product rule with the fee taken from the input: {@code out = floor(reserveOut
 * × in × (10000 − feeBps) / (reserveIn × 10000 + in × (10000 − feeBps)))}. The whole input (fee included) joins the
 * pool, so the fee stays with the liquidity providers.
 *
 * @param mint the token
 * @param decimals the token's decimals
 * @param solReserve the SOL side, in lamports; zero only for a drained pool
 * @param tokenReserve the token side, in raw units with {@code decimals} decimals; zero only for a drained pool
 * @param feeBps the pool's swap fee in basis points, 0 to 10000 (Raydium 25, pump.fun 100)
 */
public record Pool(Mint mint, int decimals, Lamports solReserve, TokenAmount tokenReserve, int feeBps) {
    /** The precision of {@link #price()}: about what the integer reserves of a pool can carry. */
    public static final MathContext PRICE_MATH = new MathContext(12, RoundingMode.HALF_EVEN);

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    /** @throws IllegalArgumentException if a reserve is negative, the decimals differ or the fee is out of range */
    public Pool {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(solReserve, "solReserve");
        Objects.requireNonNull(tokenReserve, "tokenReserve");
        if (tokenReserve.decimals() != decimals) {
            throw new IllegalArgumentException("the token reserve of " + mint + " has " + tokenReserve.decimals()
                    + " decimals, but the token has " + decimals);
        }
        if (solReserve.isNegative() || tokenReserve.signum() < 0) {
            throw new IllegalArgumentException(
                    "pool reserves cannot be negative, but were " + solReserve + " and " + tokenReserve.raw());
        }
        if (feeBps < 0 || feeBps > 10_000) {
            throw new IllegalArgumentException("feeBps must be between 0 and 10000, but was " + feeBps);
        }
    }

    /** Whether the pool has no liquidity left on one side (after a rug pull): it quotes no price. */
    public boolean isDrained() {
        return solReserve.isZero() || tokenReserve.isZero();
    }

    /**
     * The mid price in SOL per whole token ({@code solReserve / tokenReserve}, scaled by the decimals), to 12
     * significant digits; empty for a drained pool.
     */
    public Optional<Price> price() {
        if (isDrained()) {
            return Optional.empty();
        }
        BigDecimal sol = BigDecimal.valueOf(solReserve.value(), Lamports.SOL_DECIMALS);
        return Optional.of(new Price(sol.divide(tokenReserve.toDecimal(), PRICE_MATH)));
    }

    /** The pool's depth valued in SOL: both sides at the mid price, that is twice the SOL reserve. */
    public Lamports liquidity() {
        return solReserve.times(2);
    }

    /**
     * What a swap of {@code amountIn} into this pool pays out, by the constant-product rule with the pool's fee (see
     * the class comment), rounded down to a raw unit. A buy spends SOL (9 decimals) for the token; a sell the reverse.
     *
     * @throws IllegalArgumentException if {@code amountIn} is not positive or has the wrong decimals for {@code side}
     */
    public TokenAmount amountOut(Side side, TokenAmount amountIn) {
        checkInput(side, amountIn);
        BigInteger reserveIn = side == Side.BUY ? BigInteger.valueOf(solReserve.value()) : tokenReserve.raw();
        BigInteger reserveOut = side == Side.BUY ? tokenReserve.raw() : BigInteger.valueOf(solReserve.value());
        return new TokenAmount(amountOut(amountIn.raw(), reserveIn, reserveOut, feeBps), outDecimals(side));
    }

    /**
     * {@code floor(reserveOut × in × (10000 − feeBps) / (reserveIn × 10000 + in × (10000 − feeBps)))}, exactly; in
     * 128-bit {@code long} arithmetic when the operands fit 62 bits (the input 48), else with {@link BigInteger}.
     */
    static BigInteger amountOut(BigInteger in, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {
        long afterFeeFactor = 10_000L - feeBps;
        if (in.bitLength() <= 48 && reserveIn.bitLength() <= 62 && reserveOut.bitLength() <= 62) {
            long a = in.longValue() * afterFeeFactor; // < 2^48 · 2^14
            long r = reserveIn.longValue();
            // d = reserveIn × 10000 + a, in 128 bits
            long dh = Math.multiplyHigh(r, 10_000L);
            long dl = r * 10_000L;
            long sum = dl + a;
            dh += Long.compareUnsigned(sum, dl) < 0 ? 1 : 0;
            dl = sum;
            if (dh == 0 && dl == 0) {
                return BigInteger.ZERO;
            }
            // the quotient is at most reserveOut < 2^62
            return BigInteger.valueOf(floorMulDiv128(reserveOut.longValue(), a, dh, dl));
        }
        BigInteger inAfterFee = in.multiply(BigInteger.valueOf(afterFeeFactor));
        BigInteger denominator = reserveIn.multiply(BPS).add(inAfterFee);
        return denominator.signum() == 0
                ? BigInteger.ZERO
                : reserveOut.multiply(inAfterFee).divide(denominator);
    }

    /**
     * What {@code amountIn} is worth at the mid price, with no fee and no price impact, rounded down to a raw unit:
     * the ideal fill. Zero for a drained pool.
     *
     * @throws IllegalArgumentException if {@code amountIn} is not positive or has the wrong decimals for {@code side}
     */
    public TokenAmount amountAtMid(Side side, TokenAmount amountIn) {
        checkInput(side, amountIn);
        if (isDrained()) {
            return new TokenAmount(BigInteger.ZERO, outDecimals(side));
        }
        BigInteger sol = BigInteger.valueOf(solReserve.value());
        BigInteger out = side == Side.BUY
                ? floorMulDiv(amountIn.raw(), tokenReserve.raw(), sol)
                : floorMulDiv(amountIn.raw(), sol, tokenReserve.raw());
        return new TokenAmount(out, outDecimals(side));
    }

    /**
     * How much worse than the mid price a swap of {@code amountIn} would fill against this pool, its fee included, in
     * basis points: {@code (atMid − out) × 10000 / atMid}, where {@code out} is {@link #amountOut} and {@code atMid}
     * {@link #amountAtMid}, to two decimals (half up). What a price-impact cap compares; 10000 for a drained pool
     * (nothing comes out) or a swap too small to buy a raw unit at the mid price.
     *
     * @throws IllegalArgumentException if {@code amountIn} is not positive or has the wrong decimals for {@code side}
     */
    public BigDecimal priceImpactBps(Side side, TokenAmount amountIn) {
        BigInteger atMid = amountAtMid(side, amountIn).raw();
        if (atMid.signum() == 0) {
            return BigDecimal.valueOf(10_000).setScale(2);
        }
        BigInteger out = amountOut(side, amountIn).raw();
        return new BigDecimal(atMid.subtract(out).multiply(BPS)).divide(new BigDecimal(atMid), 2, RoundingMode.HALF_UP);
    }

    /**
     * {@code floor(a × b / d)} for non-negative {@code a}, {@code b} and positive {@code d}, exactly. When all three
     * fit 62 bits (nearly every pool) it multiplies into 128 bits, estimates the quotient in floating point and
     * corrects the estimate with exact 128-bit remainders; otherwise it uses {@link BigInteger}. Replays apply
     * millions of swaps a second, and this is most of a swap's cost.
     */
    static BigInteger floorMulDiv(BigInteger a, BigInteger b, BigInteger d) {
        if (a.bitLength() <= 62
                && b.bitLength() <= 62
                && d.bitLength() <= 62
                && a.signum() >= 0
                && b.signum() >= 0
                && d.signum() > 0) {
            long q = floorMulDiv(a.longValue(), b.longValue(), d.longValue());
            if (q >= 0) {
                return BigInteger.valueOf(q);
            }
        }
        return a.multiply(b).divide(d);
    }

    /**
     * {@link #floorMulDiv(BigInteger, BigInteger, BigInteger)} for operands in {@code [0, 2^62)} ({@code d > 0}), or
     * −1 if the quotient might not stay below 2^61.
     */
    static long floorMulDiv(long a, long b, long d) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi == 0 && lo >= 0) {
            return lo / d;
        }
        // a·b / d < 2^61 when hi · 2^64 < 2^61 · d, that is when hi < d / 8
        if (hi >= d >>> 3) {
            return -1;
        }
        return floorMulDiv128(a, b, 0, d);
    }

    /**
     * {@code floor(a × b / d)} for {@code a}, {@code b} in {@code [0, 2^62)} and a positive 128-bit {@code d =
     * dh·2^64 + dl} (unsigned {@code dl}), when the caller knows the quotient is below 2^62: a floating-point
     * estimate, corrected with exact 128-bit remainders until {@code 0 <= a·b − q·d < d}.
     */
    static long floorMulDiv128(long a, long b, long dh, long dl) {
        long nh = Math.multiplyHigh(a, b);
        long nl = a * b;
        double dd = dh * 0x1p64 + (dl >= 0 ? (double) dl : (double) (dl >>> 1) * 2.0);
        long q = (long) ((double) a * (double) b / dd);
        if (q < 0) {
            q = 0;
        }
        // r = a·b − q·d in 128 bits (rh:rl)
        long pl = q * dl;
        long ph = Math.unsignedMultiplyHigh(q, dl) + q * dh;
        long rl = nl - pl;
        long rh = nh - ph - (Long.compareUnsigned(nl, pl) < 0 ? 1 : 0);
        while (rh < 0) {
            q--;
            long sum = rl + dl;
            rh += dh + (Long.compareUnsigned(sum, rl) < 0 ? 1 : 0);
            rl = sum;
        }
        while (rh > dh || (rh == dh && Long.compareUnsigned(rl, dl) >= 0)) {
            q++;
            rh -= dh + (Long.compareUnsigned(rl, dl) < 0 ? 1 : 0);
            rl -= dl;
        }
        return q;
    }

    /**
     * This pool after a swap of {@code amountIn} for {@code amountOut}: the input joins it, the output leaves it.
     *
     * @throws IllegalArgumentException if the output is more than the pool holds
     */
    public Pool afterSwap(Side side, TokenAmount amountIn, TokenAmount amountOut) {
        if (side == Side.BUY) {
            return new Pool(
                    mint,
                    decimals,
                    solReserve.plus(Lamports.fromTokenAmount(amountIn)),
                    tokenReserve.minus(amountOut),
                    feeBps);
        }
        return new Pool(
                mint,
                decimals,
                solReserve.minus(Lamports.fromTokenAmount(amountOut)),
                tokenReserve.plus(amountIn),
                feeBps);
    }

    private void checkInput(Side side, TokenAmount amountIn) {
        Objects.requireNonNull(side, "side");
        if (amountIn.signum() <= 0) {
            throw new IllegalArgumentException("a swap spends a positive amount, but was " + amountIn.raw());
        }
        int expected = side == Side.BUY ? Lamports.SOL_DECIMALS : decimals;
        if (amountIn.decimals() != expected) {
            throw new IllegalArgumentException("a " + side + " of " + mint + " spends an amount with " + expected
                    + " decimals, but this one has " + amountIn.decimals());
        }
    }

    private int outDecimals(Side side) {
        return side == Side.BUY ? decimals : Lamports.SOL_DECIMALS;
    }
}
