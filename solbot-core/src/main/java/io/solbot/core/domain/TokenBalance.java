package io.solbot.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * How much of one token a wallet holds, with the token's price when it was read.
 *
 * @param mint the token
 * @param amount what the wallet holds, in raw units, more than zero
 * @param price SOL per whole token, or empty if the market data has none (no pool, a drained one)
 */
public record TokenBalance(Mint mint, TokenAmount amount, Optional<Price> price) {
    /** @throws IllegalArgumentException if {@code amount} is not more than zero */
    public TokenBalance {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(price, "price");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a balance holds more than zero of " + mint + ", but was " + amount);
        }
    }

    /** A balance whose price is not known (yet). */
    public static TokenBalance unpriced(Mint mint, TokenAmount amount) {
        return new TokenBalance(mint, amount, Optional.empty());
    }

    /** What the balance is worth at its price, rounded down to a lamport; empty without a price. */
    public Optional<Lamports> value() {
        return price.map(p -> p.solFor(amount));
    }

    /** This balance at {@code price}. */
    public TokenBalance withPrice(Optional<Price> price) {
        return new TokenBalance(mint, amount, price);
    }
}
