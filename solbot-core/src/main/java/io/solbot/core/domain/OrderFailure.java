package io.solbot.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An order that was submitted but did not land, or landed and failed.
 *
 * @param orderId the intent
 * @param mint the token
 * @param side buy or sell
 * @param stage where it failed, for example {@code quote}, {@code send}, {@code land}
 * @param reason what happened, for people
 * @param at when the failure was known
 */
public record OrderFailure(OrderId orderId, Mint mint, Side side, String stage, String reason, Instant at) {
    public OrderFailure {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
