package io.solbot.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What one buy fill bought and the bot still holds: the unit in which positions open and, oldest first, close. A sell
 * that takes part of a lot leaves it with the rest of its tokens and the rest of its cost basis (see {@link ProRata}).
 *
 * @param orderId the buy order that opened the lot
 * @param part which part of that order's fills, from 1
 * @param quantity tokens still held, in raw units, more than zero
 * @param entryPrice the price the buy fill achieved, SOL per whole token, fees not included (the {@code entry_price}
 *     of the lot's row)
 * @param costBasis SOL paid for {@code quantity}, the buy's fee and tip included, zero or more (a lot sold down to
 *     dust can be left with none)
 * @param openedAt when the buy landed
 */
public record Lot(
        OrderId orderId, int part, TokenAmount quantity, Price entryPrice, Lamports costBasis, Instant openedAt) {
    public Lot {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(costBasis, "costBasis");
        Objects.requireNonNull(openedAt, "openedAt");
        if (part < 1) {
            throw new IllegalArgumentException("part must be at least 1, but was " + part);
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("an open lot holds a positive quantity, but was " + quantity);
        }
        if (costBasis.isNegative()) {
            throw new IllegalArgumentException("a cost basis cannot be negative, but was " + costBasis);
        }
    }

    /** The lot that buy fill {@code buy} opens: its tokens for the SOL it spent plus its fee and tip. */
    public static Lot of(Fill buy) {
        if (buy.side() != Side.BUY) {
            throw new IllegalArgumentException("a lot is opened by a buy, but fill " + buy.orderId() + " is a sell");
        }
        return new Lot(
                buy.orderId(),
                buy.part(),
                buy.amountOut(),
                buy.price(),
                buy.sol().plus(buy.fee()).plus(buy.tip()),
                buy.filledAt());
    }

    /**
     * The cost basis that {@code slice} of this lot's tokens take with them when sold: their {@link ProRata} share,
     * all of it for the whole lot.
     *
     * @throws IllegalArgumentException if {@code slice} is not between 1 raw unit and {@link #quantity()}
     */
    public Lamports costOf(TokenAmount slice) {
        return ProRata.share(costBasis, slice, quantity);
    }

    /**
     * What is left of this lot once {@code slice} of its tokens are sold: the rest of its tokens and the rest of its
     * cost basis ({@code costBasis − costOf(slice)}).
     *
     * @throws IllegalArgumentException if {@code slice} is not more than zero and less than {@link #quantity()} (a
     *     sale of the whole lot leaves no lot)
     */
    public Lot less(TokenAmount slice) {
        if (slice.compareTo(quantity) >= 0) {
            throw new IllegalArgumentException("a sale of " + slice + " leaves nothing of a lot of " + quantity);
        }
        return new Lot(orderId, part, quantity.minus(slice), entryPrice, costBasis.minus(costOf(slice)), openedAt);
    }
}
