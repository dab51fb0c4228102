package io.solbot.core.engine;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Lot;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.ProRata;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens one bot holds, as {@link Lot}s oldest first, and the orders it has in flight. A sell closes the oldest
 * lots first (FIFO), and every closed slice takes its share of the lot's cost basis and of the sell's proceeds and
 * fees by the one rule of {@link ProRata}, which the PostgreSQL ledger applies too: both keep the same lots to the
 * lamport.
 *
 * <p>Lots are ordered by when their buy landed, and lots that landed at the same instant in the order their fills
 * came, as the ledger orders them (by time, then by when it recorded them); a fill that comes late takes its place
 * by time.
 *
 * <p>Thread-safe: every method locks the book, because fills arrive from executor threads while a tick reads it.
 */
final class PositionBook {
    /**
     * The part of one lot that one sell closed, as the ledger records it in a closed trade.
     *
     * @param lot the lot as it was before the sell took this slice
     * @param exit the sell fill
     * @param quantity the tokens closed
     * @param cost the lot's cost basis that went with them
     * @param proceeds their share of the sell's SOL
     * @param fees their share of the sell's fee and tip
     */
    record ClosedSlice(Lot lot, Fill exit, TokenAmount quantity, Lamports cost, Lamports proceeds, Lamports fees) {
        /** {@code proceeds − fees − cost}, exact. */
        Lamports pnl() {
            return proceeds.minus(fees).minus(cost);
        }
    }

    /**
     * What applying one fill did.
     *
     * @param closed the slices a sell closed, oldest lot first; none for a buy
     * @param unsold the tokens of a sell that no lot held (zero when the book is right)
     */
    record Settlement(List<ClosedSlice> closed, TokenAmount unsold) {}

    private final Map<Mint, List<Lot>> lots = new LinkedHashMap<>();
    private final Map<Mint, Integer> pendingBuys = new HashMap<>();
    private final Map<Mint, TokenAmount> pendingSells = new HashMap<>();
    private int pendingBuyCount;

    /** The open positions, one per mint, in the order they were first opened. */
    synchronized List<Position> positions() {
        List<Position> out = new ArrayList<>(lots.size());
        for (Map.Entry<Mint, List<Lot>> e : lots.entrySet()) {
            out.add(new Position(e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }

    synchronized int openPositions() {
        return lots.size();
    }

    synchronized int pendingBuys() {
        return pendingBuyCount;
    }

    /** Whether an order of the bot is reserved and not settled yet. */
    synchronized boolean hasOrdersInFlight() {
        return pendingBuyCount > 0 || !pendingSells.isEmpty();
    }

    synchronized boolean isFlat() {
        return lots.isEmpty() && pendingBuyCount == 0 && pendingSells.isEmpty();
    }

    /**
     * Reserves a buy of {@code mint}; returns null, or why not: the bot would hold more than {@code maxOpen} tokens.
     */
    synchronized String reserveBuy(Mint mint, int maxOpen) {
        boolean known = lots.containsKey(mint) || pendingBuys.containsKey(mint);
        if (!known) {
            int open = lots.size();
            for (Mint m : pendingBuys.keySet()) {
                if (!lots.containsKey(m)) {
                    open++;
                }
            }
            if (open >= maxOpen) {
                return "maxOpenPositions " + maxOpen + " reached (" + open + " open or opening)";
            }
        }
        pendingBuys.merge(mint, 1, Integer::sum);
        pendingBuyCount++;
        return null;
    }

    /** Reserves a sell; returns null, or why not: the bot holds less than {@code quantity} not already being sold. */
    synchronized String reserveSell(Mint mint, TokenAmount quantity) {
        TokenAmount held = held(mint);
        if (held == null) {
            return "no position in " + mint;
        }
        if (held.decimals() != quantity.decimals()) {
            return "the quantity has " + quantity.decimals() + " decimals, but " + mint + " has " + held.decimals();
        }
        TokenAmount selling = pendingSells.getOrDefault(mint, TokenAmount.zero(held.decimals()));
        TokenAmount free = held.minus(selling);
        if (quantity.compareTo(free) > 0) {
            return "cannot sell " + quantity + " of " + mint + ": holds " + free + " not already being sold";
        }
        pendingSells.put(mint, selling.plus(quantity));
        return null;
    }

    /** Reserves an order that is already in flight (found in the journal after a crash), whatever the limits. */
    synchronized void reserveInFlight(Side side, Mint mint, TokenAmount amountIn) {
        if (side == Side.BUY) {
            pendingBuys.merge(mint, 1, Integer::sum);
            pendingBuyCount++;
        } else {
            pendingSells.merge(mint, amountIn, TokenAmount::plus);
        }
    }

    /** Ends the reservation of an order, filled or not. */
    synchronized void release(Side side, Mint mint, TokenAmount amountIn) {
        if (side == Side.BUY) {
            pendingBuys.computeIfPresent(mint, (m, n) -> n == 1 ? null : n - 1);
            pendingBuyCount--;
        } else {
            TokenAmount left = pendingSells.get(mint);
            if (left != null) {
                TokenAmount rest = left.minus(amountIn);
                if (rest.signum() <= 0) {
                    pendingSells.remove(mint);
                } else {
                    pendingSells.put(mint, rest);
                }
            }
        }
    }

    /** Applies a fill: a buy opens a lot, a sell closes the oldest lots first. Returns the tokens it could not sell. */
    synchronized TokenAmount apply(Fill fill) {
        return settle(fill).unsold();
    }

    /** Applies a fill as {@link #apply} does, and says which slices of which lots a sell closed. */
    synchronized Settlement settle(Fill fill) {
        if (fill.side() == Side.BUY) {
            open(fill.mint(), Lot.of(fill));
            return new Settlement(List.of(), TokenAmount.zero(fill.amountOut().decimals()));
        }
        List<Lot> queue = lots.get(fill.mint());
        TokenAmount left = fill.amountIn();
        Lamports proceedsLeft = fill.sol();
        Lamports feesLeft = fill.fee().plus(fill.tip());
        List<ClosedSlice> closed = new ArrayList<>();
        while (queue != null && !queue.isEmpty() && left.signum() > 0) {
            Lot lot = queue.getFirst();
            TokenAmount slice = lot.quantity().min(left);
            // the sell's proceeds and fees by the same rule as the lot's cost, over the tokens of it still to match
            Lamports proceeds = ProRata.share(proceedsLeft, slice, left);
            Lamports fees = ProRata.share(feesLeft, slice, left);
            closed.add(new ClosedSlice(lot, fill, slice, lot.costOf(slice), proceeds, fees));
            if (slice.equals(lot.quantity())) {
                queue.removeFirst();
            } else {
                queue.set(0, lot.less(slice));
            }
            left = left.minus(slice);
            proceedsLeft = proceedsLeft.minus(proceeds);
            feesLeft = feesLeft.minus(fees);
        }
        if (queue != null && queue.isEmpty()) {
            lots.remove(fill.mint());
        }
        return new Settlement(List.copyOf(closed), left);
    }

    /** Puts {@code lot} after every lot opened at or before it: at the end, unless its fill came late. */
    private void open(Mint mint, Lot lot) {
        List<Lot> queue = lots.computeIfAbsent(mint, m -> new ArrayList<>());
        int at = queue.size();
        while (at > 0 && queue.get(at - 1).openedAt().isAfter(lot.openedAt())) {
            at--;
        }
        queue.add(at, lot);
    }

    private TokenAmount held(Mint mint) {
        List<Lot> queue = lots.get(mint);
        if (queue == null) {
            return null;
        }
        TokenAmount sum = TokenAmount.zero(queue.getFirst().quantity().decimals());
        for (Lot lot : queue) {
            sum = sum.plus(lot.quantity());
        }
        return sum;
    }
}
