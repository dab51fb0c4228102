package io.solbot.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A token that appeared on the market: a pump.fun launch or a new pool.
 *
 * @param mint the token
 * @param symbol its ticker, for people; not unique
 * @param decimals its decimals
 * @param listedAt when its pool opened
 */
public record NewToken(Mint mint, String symbol, int decimals, Instant listedAt) {
    public NewToken {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(listedAt, "listedAt");
    }
}
