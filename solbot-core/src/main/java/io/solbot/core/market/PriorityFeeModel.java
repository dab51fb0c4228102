package io.solbot.core.market;

import io.solbot.core.domain.NewToken;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The compute-unit prices of a {@link SimulatedMarket}: what {@link SimulatedMarket#recentPriorityFee} answers. A
 * deterministic model of the fees that bidders pay when they compete for block space: the median is {@value
 * #QUIET_MEDIAN_FEE} micro-lamports per compute unit plus {@value #FEE_PER_SWAP} for each swap the market applied over
 * the last {@link #WINDOW} (every token, ours included), so fees rise with the market's activity; a percentile scales
 * it linearly from a third of the median (0) through the median (50) to five thirds of it (100).
 *
 * <p>Threading: reads only the model's concurrent maps, so it answers on any thread.
 */
final class PriorityFeeModel {
    /** The median compute-unit price of a quiet market, micro-lamports per compute unit. */
    static final long QUIET_MEDIAN_FEE = 1_000;

    /** What each swap of the last minute, over every token, adds to the median, micro-lamports per compute unit. */
    static final long FEE_PER_SWAP = 50;

    /** How far back the swaps that raise the fee are counted. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final MarketModel model;

    PriorityFeeModel(MarketModel model) {
        this.model = model;
    }

    /**
     * The {@code percentile} compute-unit price at {@code now}, micro-lamports per compute unit.
     *
     * @throws IllegalArgumentException if {@code percentile} is not between 0 and 100
     */
    OptionalLong at(Instant now, int percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be between 0 and 100, but was " + percentile);
        }
        long swaps = 0;
        for (NewToken token : model.listed()) {
            TradeHistory history = model.history(token.mint());
            if (history != null) {
                swaps += history.activity(now, WINDOW)
                        .map(TradeHistory.Activity::trades)
                        .orElse(0L);
            }
        }
        long median = Math.addExact(QUIET_MEDIAN_FEE, Math.multiplyExact(FEE_PER_SWAP, swaps));
        return OptionalLong.of(Math.multiplyExact(median, percentile + 25L) / 75);
    }
}
