package io.solbot.core.engine;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens one bot holds, as lots in the order they were bought, and the orders it has in flight. A sell takes
 * from the oldest lots first (FIFO) and carries their cost basis with it exactly: a partly sold lot keeps the share of
 * its cost that belongs to what is left, rounded in integer lamports so that the parts always add up to the whole.
 *
 * <p>Thread-safe: every method locks the book, because fills arrive from executor threads while a tick reads it.
 */
final class PositionBook {
    private record Lot(TokenAmount quantity, Lamports cost, Price price, Instant openedAt) {}

    private final Map<Mint, Deque<Lot>> lots = new LinkedHashMap<>();
    private final Map<Mint, Integer> pendingBuys = new HashMap<>();
    private final Map<Mint, TokenAmount> pendingSells = new HashMap<>();
    private int pendingBuyCount;

    synchronized List<Position> positions() {
        List<Position> out = new ArrayList<>(lots.size());
        for (Map.Entry<Mint, Deque<Lot>> e : lots.entrySet()) {
            Lot first = e.getValue().peekFirst();
            TokenAmount quantity = TokenAmount.zero(first.quantity().decimals());
            Lamports cost = Lamports.ZERO;
            for (Lot lot : e.getValue()) {
                quantity = quantity.plus(lot.quantity());
                cost = cost.plus(lot.cost());
            }
            out.add(new Position(e.getKey(), quantity, cost, first.price(), first.openedAt()));
        }
        return List.copyOf(out);
    }

    synchronized int openPositions() {
        return lots.size();
    }

    synchronized int pendingBuys() {
        return pendingBuyCount;
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
        if (fill.side() == Side.BUY) {
            Lamports cost = fill.sol().plus(fill.fee()).plus(fill.tip());
            lots.computeIfAbsent(fill.mint(), m -> new ArrayDeque<>())
                    .addLast(new Lot(fill.amountOut(), cost, fill.price(), fill.filledAt()));
            return TokenAmount.zero(fill.amountOut().decimals());
        }
        TokenAmount toSell = fill.amountIn();
        Deque<Lot> queue = lots.get(fill.mint());
        while (queue != null && !queue.isEmpty() && toSell.signum() > 0) {
            Lot lot = queue.peekFirst();
            if (lot.quantity().compareTo(toSell) <= 0) {
                queue.removeFirst();
                toSell = toSell.minus(lot.quantity());
            } else {
                TokenAmount remaining = lot.quantity().minus(toSell);
                // the remaining tokens keep their share of the cost, rounded down; the sold part carries the rest
                BigInteger keptCost = BigInteger.valueOf(lot.cost().value())
                        .multiply(remaining.raw())
                        .divide(lot.quantity().raw());
                queue.removeFirst();
                queue.addFirst(new Lot(remaining, Lamports.of(keptCost.longValueExact()), lot.price(), lot.openedAt()));
                toSell = TokenAmount.zero(toSell.decimals());
            }
        }
        if (queue != null && queue.isEmpty()) {
            lots.remove(fill.mint());
        }
        return toSell;
    }

    private TokenAmount held(Mint mint) {
        Deque<Lot> queue = lots.get(mint);
        if (queue == null) {
            return null;
        }
        TokenAmount sum = TokenAmount.zero(queue.peekFirst().quantity().decimals());
        for (Lot lot : queue) {
            sum = sum.plus(lot.quantity());
        }
        return sum;
    }
}
