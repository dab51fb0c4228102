package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A position as an exit rule judges it at one tick.
 *
 * @param mint the token
 * @param entryPrice what the position's buys paid per token, fees not included
 * @param openedAt when its oldest lot was bought
 * @param price the price now
 * @param high the highest price seen since the entry, at least {@code entryPrice} and {@code price}
 * @param entryLiquidity the pool's liquidity when the position was bought, or null if unknown
 * @param liquidity the pool's liquidity now, or null if unknown ({@link Lamports#ZERO} for a drained pool)
 * @param now the time of the tick
 */
public record Held(
        Mint mint,
        Price entryPrice,
        Instant openedAt,
        Price price,
        Price high,
        Lamports entryLiquidity,
        Lamports liquidity,
        Instant now) {
    public Held {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(now, "now");
    }

    /** The change from the entry price to now in percent; 0 for an entry price of 0. */
    public BigDecimal pnlPercent() {
        return entryPrice.isZero() ? BigDecimal.ZERO : price.percentChangeFrom(entryPrice);
    }

    /** How far the price is below the high since entry, in percent (0 or more). */
    public BigDecimal drawdownFromHighPercent() {
        return high.isZero()
                ? BigDecimal.ZERO
                : price.percentChangeFrom(high).negate().max(BigDecimal.ZERO);
    }

    /** How long the position has been held. */
    public Duration held() {
        return Duration.between(openedAt, now);
    }
}
