package io.solbot.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An order that was submitted but did not land, or landed and failed.
 *
 * <p>A transaction that lands and reverts (a honeypot's sell, a swap below its minimum output) still costs what a
 * landed transaction costs: Solana charges its signature fee and priority fee whether it succeeds or not. That cost is
 * {@link #fee()}; it is not part of any fill (the failed order's earlier parts carry their own fees in their fills). A
 * Jito bundle is atomic: if its swap reverts, the bundle does not land and pays neither fee nor tip, so {@link #tip()}
 * is zero for a paper executor; a live executor that paid a tip anyway reports it there.
 *
 * @param orderId the intent
 * @param mint the token
 * @param side buy or sell
 * @param stage where it failed, for example {@code quote}, {@code send}, {@code land}
 * @param reason what happened, for people
 * @param at when the failure was known
 * @param fee what the failed transaction paid in fees although it traded nothing, zero if it never landed
 * @param tip the Jito tip paid by the failed transaction, zero if none
 */
public record OrderFailure(
        OrderId orderId, Mint mint, Side side, String stage, String reason, Instant at, Lamports fee, Lamports tip) {
    public OrderFailure {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(tip, "tip");
        // stores keep them as they are (PostgreSQL refuses a negative fee, and would on every retry)
        if (fee.isNegative()) {
            throw new IllegalArgumentException("fee cannot be negative, but was " + fee);
        }
        if (tip.isNegative()) {
            throw new IllegalArgumentException("tip cannot be negative, but was " + tip);
        }
    }

    /** A failure that cost nothing: the transaction never landed (or was never sent). */
    public OrderFailure(OrderId orderId, Mint mint, Side side, String stage, String reason, Instant at) {
        this(orderId, mint, side, stage, reason, at, Lamports.ZERO, Lamports.ZERO);
    }
}
