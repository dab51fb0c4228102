package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One reason to sell a position, judged on a {@link Held} at each tick. Each rule says what share of the position to
 * sell and names the sale's reason ({@code OrderOptions.withReason}).
 */
public sealed interface ExitRule {
    BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What to sell, if this rule fires for {@code held}. */
    Optional<Exit> check(Held held);

    /**
     * A sale an exit rule asks for.
     *
     * @param reason the sale's reason: {@code take-profit}, {@code take-profit-<rung>}, {@code stop-loss}, {@code
     *     trailing-stop}, {@code max-hold} or {@code liquidity-drop}
     * @param sellPercent the share of the position to sell, more than 0 and at most 100
     */
    record Exit(String reason, BigDecimal sellPercent) {
        public Exit {
            Objects.requireNonNull(reason, "reason");
            if (sellPercent.signum() <= 0 || sellPercent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException(
                        "sellPercent must be more than 0 and at most 100, but was " + sellPercent.toPlainString());
            }
        }

        /** Whether the sale closes the whole position. */
        public boolean closes() {
            return sellPercent.compareTo(HUNDRED) == 0;
        }
    }

    /**
     * Sells the whole position once {@code reversed} says its trend turned down: a trend follower's stop-and-reverse on
     * a spot market, where it cannot go short (it leaves, and waits for the next rise).
     */
    record Reversal(Predicate<Mint> reversed) implements ExitRule {
        public static final String REASON = "trend-reversal";

        @Override
        public Optional<Exit> check(Held held) {
            return reversed.test(held.mint()) ? Optional.of(new Exit(REASON, HUNDRED)) : Optional.empty();
        }
    }

    /** Sells {@code sellPercent} of the position once the price is {@code percent} or more above the entry. */
    record TakeProfit(BigDecimal percent, BigDecimal sellPercent) implements ExitRule {
        public static final String REASON = "take-profit";

        @Override
        public Optional<Exit> check(Held held) {
            return held.pnlPercent().compareTo(percent) >= 0
                    ? Optional.of(new Exit(REASON, sellPercent))
                    : Optional.empty();
        }
    }

    /**
     * One rung of a take-profit ladder: sells {@code sellPercent} of what is left of the position once the price is
     * {@code percent} or more above the entry. Each rung has its own reason, {@code take-profit-<rung>}, so that each
     * fires once per position (see {@link Exits}).
     *
     * @param rung 1 for the first rung, and so on
     */
    record LadderRung(int rung, BigDecimal percent, BigDecimal sellPercent) implements ExitRule {
        public static final String REASON_PREFIX = "take-profit-";

        public String reason() {
            return REASON_PREFIX + rung;
        }

        @Override
        public Optional<Exit> check(Held held) {
            return held.pnlPercent().compareTo(percent) >= 0
                    ? Optional.of(new Exit(reason(), sellPercent))
                    : Optional.empty();
        }
    }

    /** Sells {@code sellPercent} of the position once the price is {@code percent} or more below the entry. */
    record StopLoss(BigDecimal percent, BigDecimal sellPercent) implements ExitRule {
        public static final String REASON = "stop-loss";

        @Override
        public Optional<Exit> check(Held held) {
            return held.pnlPercent().compareTo(percent.negate()) <= 0
                    ? Optional.of(new Exit(REASON, sellPercent))
                    : Optional.empty();
        }
    }

    /** Sells the whole position once the price is {@code percent} or more below its high since the entry. */
    record TrailingStop(BigDecimal percent) implements ExitRule {
        public static final String REASON = "trailing-stop";

        @Override
        public Optional<Exit> check(Held held) {
            return held.drawdownFromHighPercent().compareTo(percent) >= 0
                    ? Optional.of(new Exit(REASON, HUNDRED))
                    : Optional.empty();
        }
    }

    /**
     * Sells the whole position once it has been held {@code maxHold} or longer, and, when {@code minPnlPercent} is set,
     * only while its PnL is at least that (the original's "min PnL before time exit").
     */
    record MaxHold(Duration maxHold, BigDecimal minPnlPercent) implements ExitRule {
        public static final String REASON = "max-hold";

        @Override
        public Optional<Exit> check(Held held) {
            if (held.held().compareTo(maxHold) < 0) {
                return Optional.empty();
            }
            if (minPnlPercent != null && held.pnlPercent().compareTo(minPnlPercent) < 0) {
                return Optional.empty();
            }
            return Optional.of(new Exit(REASON, HUNDRED));
        }
    }

    /**
     * Sells the whole position once its pool's liquidity fell {@code percent} or more since the entry (LP outflow, a
     * rug); a pool gone entirely counts as a fall of 100 %. Unknown liquidity never fires it.
     */
    record LiquidityDrop(BigDecimal percent) implements ExitRule {
        public static final String REASON = "liquidity-drop";

        @Override
        public Optional<Exit> check(Held held) {
            if (held.entryLiquidity() == null
                    || held.liquidity() == null
                    || held.entryLiquidity().isZero()) {
                return Optional.empty();
            }
            BigDecimal before =
                    new BigDecimal(BigInteger.valueOf(held.entryLiquidity().value()));
            BigDecimal now = new BigDecimal(BigInteger.valueOf(held.liquidity().value()));
            BigDecimal fell = before.subtract(now).multiply(HUNDRED).divide(before, Price.MATH);
            return fell.compareTo(percent) >= 0 ? Optional.of(new Exit(REASON, HUNDRED)) : Optional.empty();
        }
    }
}
