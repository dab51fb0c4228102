package io.solbot.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Tokens a bot holds from its buys and has not sold yet.
 *
 * @param mint the token
 * @param quantity tokens held, in raw units
 * @param costBasis SOL spent on {@code quantity}, fees included
 * @param entryPrice SOL per whole token paid on entry
 * @param openedAt when the first buy landed
 */
public record Position(Mint mint, TokenAmount quantity, Lamports costBasis, Price entryPrice, Instant openedAt) {
    public Position {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(costBasis, "costBasis");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(openedAt, "openedAt");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("an open position holds a positive quantity, but was " + quantity);
        }
    }
}
