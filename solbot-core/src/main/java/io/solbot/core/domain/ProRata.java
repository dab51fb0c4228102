package io.solbot.core.domain;

import java.math.BigInteger;

/**
 * The one rule by which solbot splits an amount of lamports over the slices of a position that a sell closes, in
 * memory and in every store alike (the PostgreSQL ledger's {@code record_fills} computes the same formula):
 *
 * <ul>
 *   <li>a slice of {@code slice} tokens out of {@code of} gets {@code amount × slice / of}, rounded half up to a whole
 *       lamport;
 *   <li>it is always taken of what is <em>left</em>: a lot's remaining cost basis over its remaining quantity, and a
 *       sell's proceeds and fees (fee plus tip, as one amount) not yet given to a slice over its tokens not yet
 *       matched to a lot, lot by lot, oldest first;
 *   <li>so a slice that takes all that is left ({@code slice == of}, a full close, the sell's last slice) gets exactly
 *       what is left, every share is between zero and what is left, and the parts always add up to the whole.
 * </ul>
 *
 * <p>For example a lot of 3 tokens that cost 5 lamports, sold 1 token at a time: the first slice gets 5 × 1/3 = 1.67,
 * so 2, and leaves 3 lamports for 2 tokens; the second gets 3 × 1/2 = 1.5, so 2 (half up), and leaves 1; the last
 * gets that 1. Computed exactly in integers: {@code ⌊(2 × amount × slice + of) / (2 × of)⌋}. Thread-safe (stateless).
 */
public final class ProRata {
    private static final BigInteger TWO = BigInteger.TWO;

    private ProRata() {}

    /**
     * The share of {@code amount} that belongs to {@code slice} tokens out of {@code of}: {@code amount × slice / of}
     * rounded half up to a lamport, and exactly {@code amount} when {@code slice} equals {@code of}.
     *
     * @param amount what is left to split, in lamports, zero or more
     * @param slice the tokens of this slice, more than zero and at most {@code of}
     * @param of the tokens {@code amount} belongs to
     * @throws IllegalArgumentException if {@code amount} is negative, if {@code slice} is not between 1 raw unit and
     *     {@code of}, or if the two have different decimals
     */
    public static Lamports share(Lamports amount, TokenAmount slice, TokenAmount of) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("only an amount of zero or more is split, but was " + amount);
        }
        if (slice.signum() <= 0 || slice.compareTo(of) > 0) {
            throw new IllegalArgumentException("a slice is more than 0 and at most " + of + ", but was " + slice);
        }
        BigInteger q = of.raw();
        BigInteger share = BigInteger.valueOf(amount.value())
                .multiply(slice.raw())
                .multiply(TWO)
                .add(q)
                .divide(q.multiply(TWO));
        // at most amount, since slice <= of: always fits a long
        return Lamports.of(share.longValueExact());
    }
}
