package io.solbot.core.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a token is, apart from its price: its symbol, decimals, supply and age. Immutable.
 *
 * @param mint the token
 * @param symbol its ticker, for people; not unique
 * @param decimals its decimals, 0 to 255
 * @param supply every token minted and not burnt, in raw units with {@code decimals} decimals (the mint account's
 *     {@code supply}), zero or more
 * @param createdAt when the token came to market: its launch, or when its pool opened
 */
public record TokenInfo(Mint mint, String symbol, int decimals, TokenAmount supply, Instant createdAt) {
    /** @throws IllegalArgumentException if the supply is negative or does not have {@code decimals} decimals */
    public TokenInfo {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(supply, "supply");
        Objects.requireNonNull(createdAt, "createdAt");
        if (supply.decimals() != decimals) {
            throw new IllegalArgumentException(
                    "the supply of " + mint + " has " + supply.decimals() + " decimals, but the token has " + decimals);
        }
        if (supply.signum() < 0) {
            throw new IllegalArgumentException("a supply cannot be negative, but was " + supply);
        }
    }

    /** How long the token has been on the market at {@code now}; zero if {@code now} is before {@link #createdAt}. */
    public Duration age(Instant now) {
        Duration age = Duration.between(createdAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /**
     * The market cap at {@code price}: the supply valued at that price, in whole SOL, exactly. A decimal rather than
     * {@link Lamports}, because a token with a huge supply can be "worth" more SOL than there is.
     */
    public BigDecimal marketCapSol(Price price) {
        return supply.toDecimal().multiply(price.value());
    }

    /** The market cap at {@code price} in US dollars, exactly: {@link #marketCapSol} at {@code solUsd}. */
    public BigDecimal marketCapUsd(Price price, SolUsd solUsd) {
        return solUsd.usd(marketCapSol(price));
    }
}
