package io.solbot.launcher;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Lot;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.ProRata;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One bot's results in a backtest, from its fills and failed orders, exact in lamports.
 *
 * <p>Lots open on buys and close first in, first out on sells, each closed slice taking its {@link ProRata} share of
 * the lot's cost basis and of the sell's proceeds and fees ({@link Lot#costOf}): the arithmetic of the engine's
 * positions and of the PostgreSQL ledger, so a closed trade here is a {@code closed_trade} row there and the realised
 * PnL is the same to the lamport.
 *
 * <ul>
 *   <li><b>closed trades</b>: closed slices of lots; a <b>win</b> is one whose PnL ({@code proceeds − fees − cost})
 *       is above zero;
 *   <li><b>realised PnL</b>: the sum of the closed trades' PnL (fees of their fills included);
 *   <li><b>fees</b>: every fee and tip paid, by fills and by failed orders (a transaction that landed and reverted
 *       still pays);
 *   <li><b>equity</b> at a mark: realised PnL, less the fees of the orders that failed at or before the mark, plus
 *       for each token held what selling all of it into its pool at the mark would return (the pool's fee and price
 *       impact included; nothing for a drained pool or none) less the cost basis of its lots. It starts at zero;
 *   <li><b>maximum drawdown</b>: the largest fall of the equity from its highest mark before (zero included), over
 *       the marks; zero or more.
 * </ul>
 *
 * <p>Not thread-safe: fed by the thread that drives the backtest.
 */
final class BotLedger {
    private record Mark(Instant at, Lamports equityBeforeFailures) {}

    private final Map<Mint, Deque<Lot>> lots = new LinkedHashMap<>();
    private final Set<OrderId> buys = new HashSet<>();
    private final Set<OrderId> sells = new HashSet<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<OrderFailure> failures = new ArrayList<>();
    private Lamports realisedPnl = Lamports.ZERO;
    private Lamports fillFees = Lamports.ZERO;
    private long closedTrades;
    private long wins;

    /** Applies a fill: a buy opens a lot, a sell closes the oldest lots of its token first. */
    void fill(Fill fill) {
        fillFees = fillFees.plus(fill.fee()).plus(fill.tip());
        if (fill.side() == Side.BUY) {
            buys.add(fill.orderId());
            lots.computeIfAbsent(fill.mint(), m -> new ArrayDeque<>()).addLast(Lot.of(fill));
            return;
        }
        sells.add(fill.orderId());
        Deque<Lot> queue = lots.get(fill.mint());
        TokenAmount left = fill.amountIn();
        Lamports proceedsLeft = fill.sol();
        Lamports feesLeft = fill.fee().plus(fill.tip());
        while (queue != null && !queue.isEmpty() && left.signum() > 0) {
            Lot lot = queue.removeFirst();
            TokenAmount slice = lot.quantity().min(left);
            // the sell's proceeds and fees over the tokens of it still to match, as the lot's cost over its tokens
            Lamports proceeds = ProRata.share(proceedsLeft, slice, left);
            Lamports fees = ProRata.share(feesLeft, slice, left);
            Lamports pnl = proceeds.minus(fees).minus(lot.costOf(slice));
            realisedPnl = realisedPnl.plus(pnl);
            closedTrades++;
            if (pnl.value() > 0) {
                wins++;
            }
            if (slice.compareTo(lot.quantity()) < 0) {
                queue.addFirst(lot.less(slice));
            }
            left = left.minus(slice);
            proceedsLeft = proceedsLeft.minus(proceeds);
            feesLeft = feesLeft.minus(fees);
        }
        if (queue != null && queue.isEmpty()) {
            lots.remove(fill.mint());
        }
    }

    /** Counts a failed order of the bot: its fees, and its cost to the equity from its time on. */
    void failed(OrderFailure failure) {
        failures.add(failure);
    }

    /** Marks the equity at {@code at}, valuing what the bot holds in the pools {@code pools} gives. */
    void mark(Instant at, Function<Mint, Optional<Pool>> pools) {
        Lamports equity = realisedPnl;
        for (Map.Entry<Mint, Deque<Lot>> e : lots.entrySet()) {
            TokenAmount held = null;
            Lamports cost = Lamports.ZERO;
            for (Lot lot : e.getValue()) {
                held = held == null ? lot.quantity() : held.plus(lot.quantity());
                cost = cost.plus(lot.costBasis());
            }
            TokenAmount quantity = held;
            Lamports value = pools.apply(e.getKey())
                    .filter(p -> !p.isDrained() && p.decimals() == quantity.decimals())
                    .map(p -> Lamports.fromTokenAmount(p.amountOut(Side.SELL, quantity)))
                    .orElse(Lamports.ZERO);
            equity = equity.plus(value).minus(cost);
        }
        marks.add(new Mark(at, equity));
    }

    long buys() {
        return buys.size();
    }

    long sells() {
        return sells.size();
    }

    long failedOrders() {
        return failures.size();
    }

    long closedTrades() {
        return closedTrades;
    }

    long wins() {
        return wins;
    }

    /** Wins over closed trades, in percent to one decimal (half even); empty before the first closed trade. */
    Optional<BigDecimal> winRatePercent() {
        if (closedTrades == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(wins)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(closedTrades), 1, RoundingMode.HALF_EVEN));
    }

    Lamports realisedPnl() {
        return realisedPnl;
    }

    /** Every fee and tip the bot's fills and failed orders paid. */
    Lamports fees() {
        Lamports total = fillFees;
        for (OrderFailure f : failures) {
            total = total.plus(f.fee()).plus(f.tip());
        }
        return total;
    }

    /** The tokens the bot holds, one per mint with open lots. */
    int openPositions() {
        return lots.size();
    }

    /** The largest fall of the equity from its highest earlier mark (or zero, where it starts), over the marks. */
    Lamports maxDrawdown() {
        List<OrderFailure> byTime = new ArrayList<>(failures);
        byTime.sort(Comparator.comparing(OrderFailure::at));
        int next = 0;
        Lamports failed = Lamports.ZERO;
        Lamports peak = Lamports.ZERO;
        Lamports drawdown = Lamports.ZERO;
        for (Mark mark : marks) {
            while (next < byTime.size() && !byTime.get(next).at().isAfter(mark.at())) {
                OrderFailure f = byTime.get(next++);
                failed = failed.plus(f.fee()).plus(f.tip());
            }
            Lamports equity = mark.equityBeforeFailures().minus(failed);
            if (equity.compareTo(peak) > 0) {
                peak = equity;
            }
            Lamports fall = peak.minus(equity);
            if (fall.compareTo(drawdown) > 0) {
                drawdown = fall;
            }
        }
        return drawdown;
    }
}
