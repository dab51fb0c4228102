package io.solbot.core.jupiter;

import io.solbot.core.domain.Mint;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A token's USD price from Jupiter's Price API v3: US dollars per whole token (not per raw unit).
 *
 * @param mint the token
 * @param usdPrice dollars per whole token, exactly as sent
 * @param decimals the token's decimals
 * @param blockId the block the price was seen at, if Jupiter says
 * @param liquidityUsd the depth of the token's pools together, in US dollars, if Jupiter says
 */
public record UsdPrice(
        Mint mint, BigDecimal usdPrice, int decimals, OptionalLong blockId, Optional<BigDecimal> liquidityUsd) {
    public UsdPrice {
        Objects.requireNonNull(mint);
        Objects.requireNonNull(usdPrice);
        Objects.requireNonNull(liquidityUsd);
    }
}
