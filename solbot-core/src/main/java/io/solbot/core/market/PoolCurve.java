package io.solbot.core.market;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.TokenAmount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Moves a constant-product pool to a price, in whole reserves: how a price event of a market reaches its pool. */
final class PoolCurve {
    private static final MathContext SQRT_MATH = new MathContext(40, RoundingMode.HALF_EVEN);

    private PoolCurve() {}

    /** The pool traded to {@code price} along its constant-product curve: k = x·y stays, x/y becomes the price. */
    static Pool repriced(Pool pool, Price price) {
        if (pool.isDrained()) {
            throw new IllegalStateException("the pool of " + pool.mint() + " is drained and cannot be repriced");
        }
        BigInteger k = BigInteger.valueOf(pool.solReserve().value())
                .multiply(pool.tokenReserve().raw());
        // lamports per raw unit = price × 10^9 / 10^decimals; tokens' = sqrt(k / that), sol' = sqrt(k × that).
        // Both reserves are whole units: derive one from the other, and keep the pair that lands nearer the price.
        BigDecimal lamportsPerRaw = price.value().movePointRight(Lamports.SOL_DECIMALS - pool.decimals());
        BigDecimal exactK = new BigDecimal(k);
        BigInteger tokensA = whole(exactK.divide(lamportsPerRaw, SQRT_MATH).sqrt(SQRT_MATH));
        BigInteger solA = whole(new BigDecimal(tokensA).multiply(lamportsPerRaw));
        BigInteger solB = whole(exactK.multiply(lamportsPerRaw).sqrt(SQRT_MATH));
        BigInteger tokensB = whole(new BigDecimal(solB).divide(lamportsPerRaw, SQRT_MATH));
        boolean useB = tokensB.signum() > 0
                && solB.signum() > 0
                && (tokensA.signum() <= 0
                        || solA.signum() <= 0
                        || priceError(solB, tokensB, lamportsPerRaw)
                                        .compareTo(priceError(solA, tokensA, lamportsPerRaw))
                                < 0);
        BigInteger tokens = useB ? tokensB : tokensA;
        BigInteger sol = useB ? solB : solA;
        if (tokens.signum() <= 0 || sol.signum() <= 0) {
            throw new IllegalStateException("the pool of " + pool.mint() + " cannot reach the price " + price);
        }
        return new Pool(
                pool.mint(),
                pool.decimals(),
                Lamports.of(sol.longValueExact()),
                new TokenAmount(tokens, pool.decimals()),
                pool.feeBps());
    }

    private static BigInteger whole(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    }

    private static BigDecimal priceError(BigInteger sol, BigInteger tokens, BigDecimal target) {
        return new BigDecimal(sol)
                .divide(new BigDecimal(tokens), SQRT_MATH)
                .subtract(target)
                .abs();
    }
}
