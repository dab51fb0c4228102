package io.solbot.core.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Tokens of one mint that a bot holds from its buys and has not sold yet: its open {@link Lot}s, oldest first, in the
 * order a sell closes them. Quantity, cost basis and entry price are those of the lots together, so the in-memory
 * book and every store report the same figures for the same lots.
 *
 * @param mint the token
 * @param lots the open lots, at least one, oldest first (by {@link Lot#openedAt()}; lots opened at the same instant in
 *     the order they were bought), all with the decimals of {@code mint}
 */
public record Position(Mint mint, List<Lot> lots) {
    /**
     * @throws IllegalArgumentException if {@code lots} is empty, mixes decimals, or is not oldest first
     */
    public Position {
        Objects.requireNonNull(mint, "mint");
        lots = List.copyOf(lots);
        if (lots.isEmpty()) {
            throw new IllegalArgumentException("an open position of " + mint + " holds at least one lot");
        }
        Lot previous = null;
        for (Lot lot : lots) {
            if (previous != null) {
                if (lot.quantity().decimals() != previous.quantity().decimals()) {
                    throw new IllegalArgumentException("the lots of " + mint + " have "
                            + previous.quantity().decimals() + " and "
                            + lot.quantity().decimals() + " decimals");
                }
                if (lot.openedAt().isBefore(previous.openedAt())) {
                    throw new IllegalArgumentException("the lots of " + mint + " are not oldest first: "
                            + lot.openedAt() + " comes after " + previous.openedAt());
                }
            }
            previous = lot;
        }
    }

    /** A position of one lot. */
    public static Position of(Mint mint, Lot lot) {
        return new Position(mint, List.of(lot));
    }

    /** Tokens held, in raw units: the sum of the lots' quantities, more than zero. */
    public TokenAmount quantity() {
        TokenAmount sum = lots.getFirst().quantity();
        for (int i = 1; i < lots.size(); i++) {
            sum = sum.plus(lots.get(i).quantity());
        }
        return sum;
    }

    /** SOL spent on {@link #quantity()}, fees and tips included: the sum of the lots' cost bases. */
    public Lamports costBasis() {
        Lamports sum = Lamports.ZERO;
        for (Lot lot : lots) {
            sum = sum.plus(lot.costBasis());
        }
        return sum;
    }

    /**
     * The price the position was bought at: the average of its lots' {@link Lot#entryPrice() entry prices} (what
     * their buys achieved, fees not included) weighted by the tokens each still holds, to {@link Price#MATH}. It moves
     * only as lots open and close: selling the oldest lot leaves the average of the others. Fees are in {@link
     * #costBasis()}, and so in the profit and loss, not in the entry price, so that a take profit of 10 % means a price
     * 10 % above what the buys paid.
     */
    public Price entryPrice() {
        if (lots.size() == 1) {
            return lots.getFirst().entryPrice();
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigInteger tokens = BigInteger.ZERO;
        for (Lot lot : lots) {
            weighted = weighted.add(lot.entryPrice()
                    .value()
                    .multiply(new BigDecimal(lot.quantity().raw())));
            tokens = tokens.add(lot.quantity().raw());
        }
        return new Price(weighted.divide(new BigDecimal(tokens), Price.MATH));
    }

    /** When the oldest open lot was bought. */
    public Instant openedAt() {
        return lots.getFirst().openedAt();
    }
}
