package io.solbot.core.market;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Holder;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.solana.account.Extension;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to the simulated market, other than our own trades: a token listed, someone else swapped,
 * an arbitrageur moved a pool to a price, a developer pulled the liquidity. A rug pull is two kinds of event: the
 * liquidity pulled, then the insiders' sells into what is left. A {@link SimulatedMarket} is exactly the sequence of
 * events it applied, so writing them down ({@link MarketRecorder}) and applying them again ({@link
 * SimulatedMarket#replay}) gives the same market.
 *
 * <p>Times have millisecond precision (the recorded form), and events of one market come in time order.
 */
public sealed interface MarketEvent {
    /** When it happened. */
    Instant at();

    /** The token it concerns. */
    Mint mint();

    /**
     * A token's pool opened: a launch, or a token that was there when the run started.
     *
     * @param symbol ticker, for people
     * @param decimals the token's decimals
     * @param solReserve the pool's SOL side
     * @param tokenReserve the pool's token side, raw units
     * @param feeBps the pool's swap fee
     * @param authorities the mint's mint and freeze authorities
     * @param sellable false for a honeypot: every sell reverts
     * @param holders the largest holders other than the pool, largest first
     * @param extensions the mint's Token-2022 extensions; empty for an SPL Token mint
     */
    record TokenListed(
            Instant at,
            Mint mint,
            String symbol,
            int decimals,
            Lamports solReserve,
            TokenAmount tokenReserve,
            int feeBps,
            Authorities authorities,
            boolean sellable,
            List<Holder> holders,
            List<Extension> extensions)
            implements MarketEvent {
        public TokenListed {
            extensions = List.copyOf(extensions);
            checkTime(at);
            Objects.requireNonNull(mint, "mint");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(authorities, "authorities");
            holders = List.copyOf(holders);
            // validates reserves, decimals and fee
            new Pool(mint, decimals, solReserve, tokenReserve, feeBps);
        }

        /** A listing of an SPL Token mint, without extensions. */
        public TokenListed(
                Instant at,
                Mint mint,
                String symbol,
                int decimals,
                Lamports solReserve,
                TokenAmount tokenReserve,
                int feeBps,
                Authorities authorities,
                boolean sellable,
                List<Holder> holders) {
            this(
                    at,
                    mint,
                    symbol,
                    decimals,
                    solReserve,
                    tokenReserve,
                    feeBps,
                    authorities,
                    sellable,
                    holders,
                    List.of());
        }

        Pool pool() {
            return new Pool(mint, decimals, solReserve, tokenReserve, feeBps);
        }
    }

    /**
     * Another trader swapped against the pool, moving its reserves. A named {@code trader} who is one of the token's
     * holders trades from and into that holding (an insider dumping in a rug pull); an anonymous one (null) is the
     * rest of the market.
     *
     * @param side buy (SOL in) or sell (tokens in)
     * @param amountIn what went in: lamports for a buy, raw token units for a sell; positive
     * @param trader the base58 owner who traded, or null for an anonymous trader
     */
    record Swapped(Instant at, Mint mint, Side side, BigInteger amountIn, String trader) implements MarketEvent {
        public Swapped {
            checkTime(at);
            Objects.requireNonNull(mint, "mint");
            Objects.requireNonNull(side, "side");
            if (amountIn == null || amountIn.signum() <= 0) {
                throw new IllegalArgumentException("a swap spends a positive amount, but was " + amountIn);
            }
            if (trader != null && trader.isEmpty()) {
                throw new IllegalArgumentException("a named trader cannot be empty; use null for an anonymous one");
            }
        }

        /** An anonymous trader's swap. */
        public Swapped(Instant at, Mint mint, Side side, BigInteger amountIn) {
            this(at, mint, side, amountIn, null);
        }

        /** Who traded, if named. */
        public Optional<String> by() {
            return Optional.ofNullable(trader);
        }
    }

    /**
     * An arbitrageur traded the pool to {@code price}, keeping the product of its reserves: how a scripted price
     * series moves a pool.
     */
    record Repriced(Instant at, Mint mint, Price price) implements MarketEvent {
        public Repriced {
            checkTime(at);
            Objects.requireNonNull(mint, "mint");
            Objects.requireNonNull(price, "price");
            if (price.isZero()) {
                throw new IllegalArgumentException("a pool cannot be repriced to 0 (drain it instead)");
            }
        }
    }

    /**
     * The liquidity providers (for a rug pull, the developer) withdrew {@code removedBps} of both reserves; the price
     * stays, the depth is gone, and 10000 drains the pool. In a generated rug the insiders' sells follow at once
     * and take the price down (see {@link RandomMarketSettings}).
     */
    record LiquidityPulled(Instant at, Mint mint, int removedBps) implements MarketEvent {
        public LiquidityPulled {
            checkTime(at);
            Objects.requireNonNull(mint, "mint");
            if (removedBps < 1 || removedBps > 10_000) {
                throw new IllegalArgumentException("removedBps must be between 1 and 10000, but was " + removedBps);
            }
        }
    }

    private static void checkTime(Instant at) {
        Objects.requireNonNull(at, "at");
        if (at.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("market event times have millisecond precision, but was " + at);
        }
    }
}
