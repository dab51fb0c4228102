package io.solbot.core.safety;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Pool;

/**
 * Whether the token's pool is deep enough to sell into: its depth ({@link Pool#liquidity()}, both sides valued in SOL)
 * against {@link SafetyLimits#minLiquidity()}. No pool, or a drained one, fails outright.
 */
final class LiquidityCheck implements SafetyCheck {
    static final int WEIGHT = 70;

    @Override
    public String id() {
        return "liquidity";
    }

    @Override
    public CheckResult check(SafetyContext token) {
        Pool pool = token.market()
                .pool(token.mint())
                .orElseThrow(() -> new SafetyDataException("the market knows no pool of " + token.mint()));
        if (pool.isDrained()) {
            return CheckResult.fail("the pool is drained: there is nothing to sell into", 100);
        }
        Lamports depth = pool.liquidity();
        Lamports min = token.limits().minLiquidity();
        String text =
                "the pool's depth is " + depth.toSol().stripTrailingZeros().toPlainString() + " SOL";
        return depth.compareTo(min) < 0
                ? CheckResult.fail(
                        text + ", below the minimum of "
                                + min.toSol().stripTrailingZeros().toPlainString() + " SOL",
                        WEIGHT)
                : CheckResult.pass(
                        text + ", at least " + min.toSol().stripTrailingZeros().toPlainString() + " SOL");
    }

    @Override
    public String toString() {
        return id();
    }
}
