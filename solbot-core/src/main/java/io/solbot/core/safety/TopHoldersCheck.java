package io.solbot.core.safety;

import io.solbot.core.domain.Holder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a few owners hold most of the circulating supply: the largest holders (as the market reports them, up to
 * 20, owners resolved) aggregated by owner, pool and burn accounts left out, against the supply from the mint's bytes
 * less what those hold. Fails when one owner holds more than {@link SafetyLimits#maxTopHolderBps()} or the ten
 * largest more than {@link SafetyLimits#maxTopTenBps()}; the comparison is exact.
 */
final class TopHoldersCheck implements SafetyCheck {
    static final int WEIGHT = 50;
    static final int LARGEST = 20;

    /** Owners that are pools, not people (solana.md §4.3): Raydium AMM v4 and CPMM vault authorities. */
    private static final Set<String> POOL_OWNERS =
            Set.of("5Q544fKrFoe6tsEbD7S8EmxGTJYAKtTVhAW5Q5pge4j1", "GpMZbSM2GgvTKHJirzeGfMFoaZ8UR2X7F4v8vHTvxFbL");

    @Override
    public String id() {
        return "top-holders";
    }

    @Override
    public CheckResult check(SafetyContext token) {
        BigInteger supply = token.mintAccount().supply();
        List<Holder> holders = token.market().largestHolders(token.mint(), LARGEST);
        if (holders.isEmpty()) {
            throw new SafetyDataException("the market knows no holders of " + token.mint());
        }
        BigInteger excluded = BigInteger.ZERO;
        Map<String, BigInteger> byOwner = new LinkedHashMap<>();
        for (Holder h : holders) {
            if (h.pool() || h.isBurnt() || POOL_OWNERS.contains(h.owner())) {
                excluded = excluded.add(h.amount().raw());
            } else {
                byOwner.merge(h.owner(), h.amount().raw(), BigInteger::add);
            }
        }
        BigInteger counted = BigInteger.ZERO;
        for (BigInteger a : byOwner.values()) {
            counted = counted.add(a);
        }
        // a holder list read at another moment than the supply can hold more than the supply leaves outside the
        // pools; the circulating supply is never less than what the listed owners hold
        BigInteger circulating = supply.subtract(excluded).max(counted);
        if (circulating.signum() <= 0 || byOwner.isEmpty()) {
            return CheckResult.pass("every token the largest accounts hold is in a pool or burnt");
        }
        List<BigInteger> amounts = new ArrayList<>(byOwner.values());
        amounts.sort(BigInteger::compareTo);
        amounts = amounts.reversed();
        BigInteger top = amounts.getFirst();
        BigInteger topTen = BigInteger.ZERO;
        for (BigInteger a : amounts.subList(0, Math.min(10, amounts.size()))) {
            topTen = topTen.add(a);
        }
        SafetyLimits limits = token.limits();
        String shares = "the largest owner holds " + percent(top, circulating) + " and the ten largest "
                + percent(topTen, circulating) + " of the circulating supply (pool and burn accounts, "
                + percent(excluded, supply) + " of the supply, left out)";
        if (above(top, circulating, limits.maxTopHolderBps())) {
            return CheckResult.fail(
                    shares + "; one owner may hold at most " + percent(limits.maxTopHolderBps()), WEIGHT);
        }
        if (above(topTen, circulating, limits.maxTopTenBps())) {
            return CheckResult.fail(
                    shares + "; the ten largest may hold at most " + percent(limits.maxTopTenBps()), WEIGHT);
        }
        return CheckResult.pass(shares);
    }

    /** Whether {@code part / whole > bps / 10000}, exactly. */
    private static boolean above(BigInteger part, BigInteger whole, int bps) {
        return part.multiply(BigInteger.valueOf(10_000)).compareTo(whole.multiply(BigInteger.valueOf(bps))) > 0;
    }

    /** {@code part / whole} as a percentage with two decimals, rounded down. */
    static String percent(BigInteger part, BigInteger whole) {
        if (whole.signum() == 0) {
            return "0.00 %";
        }
        return new BigDecimal(part.multiply(BigInteger.valueOf(100)))
                        .divide(new BigDecimal(whole), 2, RoundingMode.DOWN)
                        .toPlainString()
                + " %";
    }

    private static String percent(int bps) {
        return BigDecimal.valueOf(bps, 2).toPlainString() + " %";
    }

    @Override
    public String toString() {
        return id();
    }
}
