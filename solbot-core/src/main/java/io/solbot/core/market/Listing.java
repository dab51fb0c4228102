package io.solbot.core.market;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import java.util.List;
import java.util.Objects;

/**
 * An established token that a random market lists at its start under a mint of the caller's choosing, so that bots
 * configured for real mints (BONK, JUP, ...) find a pool for them in a paper run. Its price then walks like every
 * other established token's.
 *
 * @param mint the mint
 * @param symbol a short name for listings and logs
 * @param decimals the token's decimals, 0 to 18
 * @param solReserve the SOL side of its pool, at least 1 SOL
 * @param price its starting price in SOL per whole token, greater than zero
 */
public record Listing(Mint mint, String symbol, int decimals, Lamports solReserve, Price price) {
    /** BONK under its real mint, at roughly its late-2026 price in SOL. */
    public static final Listing BONK = new Listing(
            Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263"),
            "BONK",
            5,
            Lamports.ofSol("2000"),
            Price.of("0.00000012"));

    /** JUP under its real mint, at roughly its late-2026 price in SOL. */
    public static final Listing JUP = new Listing(
            Mint.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN"),
            "JUP",
            6,
            Lamports.ofSol("5000"),
            Price.of("0.0045"));

    /** WIF under its real mint, at roughly its late-2026 price in SOL. */
    public static final Listing WIF = new Listing(
            Mint.of("EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm"),
            "WIF",
            6,
            Lamports.ofSol("3000"),
            Price.of("0.0062"));

    /**
     * {@link #BONK}, {@link #JUP} and {@link #WIF}: well-known tokens under their real mints, so that a bots file
     * written for them runs unchanged on {@code SimulatedMarket.random(settings, Listing.WELL_KNOWN)}.
     */
    public static final List<Listing> WELL_KNOWN = List.of(BONK, JUP, WIF);

    public Listing {
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(solReserve, "solReserve");
        Objects.requireNonNull(price, "price");
        if (decimals < 0 || decimals > 18) {
            throw new IllegalArgumentException("decimals must be between 0 and 18, but was " + decimals);
        }
        if (price.isZero()) {
            throw new IllegalArgumentException("a listing's price must be greater than 0");
        }
        if (solReserve.value() < Lamports.PER_SOL) {
            throw new IllegalArgumentException("solReserve must be at least 1 SOL, but was " + solReserve);
        }
    }
}
