package io.solbot.core.execution;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.market.SimulatedMarket;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * The paper executor's quotes: what a swap would pay out on the simulated market's pool as it is now, priced as the
 * settings' {@link ExecModel} says (at the mid price for {@link ExecModel#IDEAL}, along the pool's curve otherwise),
 * and whether its price impact exceeds the settings' cap.
 *
 * <p>Threading: as thread-safe as the market it reads.
 */
final class PaperQuotes {
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final PaperSettings settings;
    private final SimulatedMarket market;

    PaperQuotes(PaperSettings settings, SimulatedMarket market) {
        this.settings = settings;
        this.market = market;
    }

    /** The quote made at {@code at}; empty if the mint has no pool, its pool is drained, or it would pay nothing. */
    Optional<Quote> quote(Mint mint, Side side, TokenAmount amountIn, int slippageBps, Instant at) {
        Optional<Pool> found = market.pool(mint);
        if (found.isEmpty() || found.get().isDrained()) {
            return Optional.empty();
        }
        Pool pool = found.get();
        TokenAmount atMid = pool.amountAtMid(side, amountIn);
        TokenAmount expected = settings.execModel() == ExecModel.IDEAL ? atMid : pool.amountOut(side, amountIn);
        if (expected.isZero()) {
            return Optional.empty();
        }
        BigDecimal impactBps = new BigDecimal(
                        atMid.raw().subtract(expected.raw()).multiply(BPS))
                .divide(new BigDecimal(atMid.raw()), 2, RoundingMode.HALF_UP);
        TokenAmount minOut = expected.mulDiv(10_000L - slippageBps, 10_000L, RoundingMode.FLOOR);
        return Optional.of(
                new Quote(mint, side, amountIn, expected, minOut, tradePrice(side, amountIn, expected), impactBps, at));
    }

    /**
     * Whether the quote's impact exceeds the settings' cap, exactly: expected × 10000 < atMid × (10000 − cap).
     * {@link ExecModel#IDEAL} has no cap.
     */
    boolean exceedsCap(Quote quote) {
        if (settings.execModel() == ExecModel.IDEAL) {
            return false;
        }
        Pool pool = market.pool(quote.mint()).orElseThrow();
        BigInteger atMid = pool.amountAtMid(quote.side(), quote.amountIn()).raw();
        return quote.expectedOut()
                        .raw()
                        .multiply(BPS)
                        .compareTo(atMid.multiply(BigInteger.valueOf(10_000L - settings.slippageBpsCap())))
                < 0;
    }

    /** The SOL per whole token of a trade of {@code in} for {@code out}. */
    static Price tradePrice(Side side, TokenAmount in, TokenAmount out) {
        return side == Side.BUY
                ? Price.ofTrade(Lamports.fromTokenAmount(in), out)
                : Price.ofTrade(Lamports.fromTokenAmount(out), in);
    }
}
