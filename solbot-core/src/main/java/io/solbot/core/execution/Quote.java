package io.solbot.core.execution;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a swap would pay out now, before it is sent.
 *
 * @param mint the token
 * @param side buy (SOL in) or sell (token in)
 * @param amountIn what would be spent, in raw units of the input mint
 * @param expectedOut what the swap would pay out at the current reserves, in raw units of the output mint
 * @param minOut the least the swap may pay out within the requested slippage
 * @param price the SOL per whole token of the expected swap
 * @param priceImpactBps how much worse than the mid price the expected swap is, in basis points (pool fee included),
 *     to two decimals
 * @param at when the quote was made
 */
public record Quote(
        Mint mint,
        Side side,
        TokenAmount amountIn,
        TokenAmount expectedOut,
        TokenAmount minOut,
        Price price,
        BigDecimal priceImpactBps,
        Instant at) {
    public Quote {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amountIn, "amountIn");
        Objects.requireNonNull(expectedOut, "expectedOut");
        Objects.requireNonNull(minOut, "minOut");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(priceImpactBps, "priceImpactBps");
        Objects.requireNonNull(at, "at");
    }
}
