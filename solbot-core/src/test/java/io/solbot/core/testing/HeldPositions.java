package io.solbot.core.testing;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lot;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions that the fakes of this package keep, following their fills the way the engine does: a buy appends a
 * lot, a sell takes from the oldest lots first, each slice taking its cost basis by {@link Lot#costOf}. Not
 * thread-safe, like the fakes.
 */
final class HeldPositions {
    private final Map<Mint, List<Lot>> lots = new LinkedHashMap<>();

    /** Applies {@code fill}; a sell of more than is held closes everything held. */
    void apply(Fill fill) {
        if (fill.side() == Side.BUY) {
            lots.computeIfAbsent(fill.mint(), m -> new ArrayList<>()).add(Lot.of(fill));
            return;
        }
        List<Lot> queue = lots.get(fill.mint());
        TokenAmount left = fill.amountIn();
        while (queue != null && !queue.isEmpty() && left.signum() > 0) {
            Lot lot = queue.getFirst();
            TokenAmount slice = lot.quantity().min(left);
            if (slice.equals(lot.quantity())) {
                queue.removeFirst();
            } else {
                queue.set(0, lot.less(slice));
            }
            left = left.minus(slice);
        }
        if (queue != null && queue.isEmpty()) {
            lots.remove(fill.mint());
        }
    }

    Position get(Mint mint) {
        List<Lot> held = lots.get(mint);
        return held == null ? null : new Position(mint, held);
    }

    List<Position> all() {
        List<Position> out = new ArrayList<>(lots.size());
        lots.forEach((mint, held) -> out.add(new Position(mint, held)));
        return List.copyOf(out);
    }
}
