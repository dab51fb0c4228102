package io.solbot.core.market;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What one of our trades on a {@link SimulatedMarket} pays, or why it reverts: the pool it may trade with (none,
 * drained, a honeypot's sell, a paused or frozen-by-default mint) and the amounts through it, the Token-2022 transfer
 * fee taken wherever the token moves. The market keeps time and order and applies what these rules work out; apart,
 * its swap, dry run and ideal fill read as what each does with the result.
 *
 * <p>Threading: reads the model only; called inside the market's serialisation.
 */
final class SwapRules {
    /** One trade's amounts: what reached the pool, what the pool paid, and what reached the trader. */
    record Leg(TokenAmount intoPool, TokenAmount fromPool, TokenAmount out) {}

    private final MarketModel model;

    SwapRules(MarketModel model) {
        this.model = model;
    }

    /**
     * The pool {@code side} of {@code mint} may trade with.
     *
     * @throws TradeRefusedException at the quote if there is no pool or it is drained; at landing if the token cannot
     *     be sold, or its extensions make the transfer revert
     */
    Pool tradablePool(Mint mint, Side side) {
        Pool pool = model.pool(mint);
        if (pool == null) {
            throw new TradeRefusedException("quote", "no pool for " + mint);
        }
        if (pool.isDrained()) {
            throw new TradeRefusedException("quote", "the pool of " + mint + " is drained (liquidity pulled)");
        }
        MarketModel.TokenState token = model.state(mint);
        if (token == null) {
            return pool;
        }
        if (side == Side.SELL && !token.sellable()) {
            throw new TradeRefusedException("land", "the sell of " + mint + " reverted: the token cannot be sold");
        }
        String reverts = Transfers.reverts(token.extensions(), side == Side.BUY);
        if (reverts != null) {
            throw new TradeRefusedException(
                    "land", "the " + side.name().toLowerCase(Locale.ROOT) + " of " + mint + " reverted: " + reverts);
        }
        return pool;
    }

    /**
     * {@code amountIn} through a pool priced by {@code curve} at {@code now}, the Token-2022 transfer fee taken
     * wherever the token moves: on its way into the pool for a sell, on its way out for a buy (SOL moves whole).
     *
     * @throws TradeRefusedException if the trader would receive nothing
     */
    Leg through(Mint mint, Side side, TokenAmount amountIn, Instant now, UnaryOperator<TokenAmount> curve) {
        TokenAmount intoPool = side == Side.SELL ? lessTransferFee(mint, amountIn, now) : amountIn;
        TokenAmount fromPool = curve.apply(intoPool);
        TokenAmount out = side == Side.BUY ? lessTransferFee(mint, fromPool, now) : fromPool;
        if (out.isZero()) {
            throw new TradeRefusedException("land", "the swap of " + amountIn + " on " + mint + " pays out nothing");
        }
        return new Leg(intoPool, fromPool, out);
    }

    /**
     * {@code amount} of {@code mint}'s tokens less the Token-2022 transfer fee its mint withholds on a transfer at
     * {@code now} (see {@link Transfers}); SOL and tokens without a fee pass whole.
     */
    private TokenAmount lessTransferFee(Mint mint, TokenAmount amount, Instant now) {
        MarketModel.TokenState token = model.state(mint);
        if (token == null || token.extensions().isEmpty()) {
            return amount;
        }
        BigInteger fee = Transfers.fee(token.extensions(), now, amount.raw());
        return fee.signum() == 0 ? amount : new TokenAmount(amount.raw().subtract(fee), amount.decimals());
    }
}
