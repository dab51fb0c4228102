package io.solbot.core.market;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Pool;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One token's price and swaps as the simulated market saw them, in time buckets: one per second for the last hour,
 * one per minute for the last day. Each bucket keeps the pool as it was at its first, highest, lowest and last price
 * (prices are compared exactly, on the reserves; a pool becomes a {@link Price} only when read) and the SOL, tokens
 * and swaps traded in it. From them, {@link #candle} and {@link #candles} answer for any window of up to a day ending
 * now: to the second for windows of up to an hour, to the minute beyond.
 *
 * <p>Why buckets: a window's figures then cost one pass over at most a few thousand buckets, however many swaps a
 * token had, and memory stays bounded by the two horizons ({@link #trim} drops what fell out of them).
 *
 * <p>Threading: every method holds this history's lock; the market writes under its own serialisation, and readers
 * from any thread see whole events.
 */
final class TradeHistory {
    /** Windows up to this long are read from the second buckets. */
    static final Duration SECONDS_HORIZON = Duration.ofHours(1);

    /** The longest window: what the minute buckets keep. */
    static final Duration MINUTES_HORIZON = Candle.MAX_WINDOW;

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60_000;

    private final HistoryTier.Prices prices;
    private final HistoryTier seconds = new HistoryTier(SECOND, SECONDS_HORIZON.toMillis() / SECOND);
    private final HistoryTier minutes = new HistoryTier(MINUTE, MINUTES_HORIZON.toMillis() / MINUTE);

    TradeHistory(int decimals) {
        this.prices = new HistoryTier.Prices(decimals);
    }

    /** The pool moved to {@code pool} at {@code at} without a trade (listed, repriced, liquidity pulled). */
    synchronized void moved(Instant at, Pool pool) {
        if (!pool.isDrained()) {
            long ms = at.toEpochMilli();
            seconds.record(ms, pool, 0, BigInteger.ZERO, 0);
            minutes.record(ms, pool, 0, BigInteger.ZERO, 0);
        }
    }

    /**
     * A swap at {@code at} left the pool as {@code after}, exchanging {@code sol} lamports for {@code tokens} raw
     * units (either way).
     */
    synchronized void traded(Instant at, Pool after, long sol, BigInteger tokens) {
        long ms = at.toEpochMilli();
        if (after.isDrained()) {
            // a pool with nothing left quotes no price: the swap still traded
            seconds.record(ms, null, sol, tokens, 1);
            minutes.record(ms, null, sol, tokens, 1);
        } else {
            seconds.record(ms, after, sol, tokens, 1);
            minutes.record(ms, after, sol, tokens, 1);
        }
    }

    /** Drops the buckets that fell out of their horizon at {@code now}. */
    synchronized void trim(Instant now) {
        long ms = now.toEpochMilli();
        seconds.trim(ms);
        minutes.trim(ms);
    }

    /**
     * The window of {@code window} ending at {@code now} as one candle: from the start of the bucket that holds
     * {@code now − window} to {@code now}. Empty if the token had no price by {@code now}.
     *
     * @throws IllegalArgumentException if {@code window} is not between 1 second and 24 hours
     */
    synchronized Optional<Candle> candle(Instant now, Duration window) {
        checkSpan("window", window);
        HistoryTier tier = window.compareTo(SECONDS_HORIZON) <= 0 ? seconds : minutes;
        long nowMs = now.toEpochMilli();
        long from = Math.floorDiv(nowMs - window.toMillis(), tier.width);
        if (tier == seconds) {
            // the whole minutes of the window from the minute buckets (the same swaps and prices, summed per
            // minute), the seconds before them from the second buckets: the same candle from a sixtieth of the
            // buckets for a long window
            long firstMinute = Math.ceilDiv(from * SECOND, MINUTE);
            if (firstMinute <= Math.floorDiv(nowMs, MINUTE)) {
                List<HistoryTier.Bucket> buckets =
                        new ArrayList<>(seconds.range(from, firstMinute * (MINUTE / SECOND)));
                buckets.addAll(minutes.range(firstMinute, Long.MAX_VALUE));
                HistoryTier.Made made = HistoryTier.candle(
                        seconds.closeBefore(from), buckets, Instant.ofEpochMilli(from * SECOND), now, prices);
                return made == null ? Optional.empty() : Optional.of(made.candle());
            }
        }
        List<Candle> one = tier.candles(from, 1, Math.floorDiv(nowMs, tier.width) - from + 1, now, prices);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.getFirst());
    }

    /**
     * What {@link #candle candle(now, window)} says of the window's open, close, SOL volume and swaps, without
     * building it: from the running totals of the buckets at the window's two ends, found by a binary search, so a
     * day's window costs what a minute's does. Empty when the candle is.
     *
     * @throws IllegalArgumentException if {@code window} is not between 1 second and 24 hours
     */
    synchronized Optional<Activity> activity(Instant now, Duration window) {
        checkSpan("window", window);
        // one tier holds every swap and price of a window it reaches back to, summed per bucket: the whole minutes
        // of a window that candle() reads from the minute buckets add up to the same totals in the second buckets
        HistoryTier tier = window.compareTo(SECONDS_HORIZON) <= 0 ? seconds : minutes;
        long nowMs = now.toEpochMilli();
        long from = Math.floorDiv(nowMs - window.toMillis(), tier.width);
        return Optional.ofNullable(tier.activity(from, Math.floorDiv(nowMs, tier.width)));
    }

    /**
     * The last {@code count} candles of {@code width} up to {@code now}, oldest first, aligned to whole multiples of
     * {@code width} since the epoch; the last is the current one, ending at {@code now}. Candles from before the
     * token's first price are left out.
     *
     * @throws IllegalArgumentException if {@code width} is not a whole number of seconds (of minutes, when the
     *     candles span more than an hour), {@code count} is less than 1, or they span more than 24 hours
     */
    synchronized List<Candle> candles(Instant now, Duration width, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, but was " + count);
        }
        checkSpan("width", width);
        Duration span = width.multipliedBy(count);
        if (span.compareTo(MINUTES_HORIZON) > 0) {
            throw new IllegalArgumentException(
                    "candles reach back at most 24 hours, but " + count + " × " + width + " is " + span);
        }
        // candles of whole minutes read the minute buckets, which hold the same swaps and prices summed per minute:
        // the same candles for a sixtieth of the buckets
        HistoryTier tier = span.compareTo(SECONDS_HORIZON) <= 0 && width.toMillis() % MINUTE != 0 ? seconds : minutes;
        if (width.toMillis() % tier.width != 0) {
            throw new IllegalArgumentException(
                    "candles spanning more than an hour have a width of whole minutes, but" + " was " + width);
        }
        long per = width.toMillis() / tier.width;
        long current = Math.floorDiv(now.toEpochMilli(), width.toMillis()) * per;
        return tier.candles(current - (count - 1) * per, count, per, now, prices);
    }

    private static void checkSpan(String name, Duration span) {
        Candle.checkWindow(name, span);
    }

    /**
     * What {@link #candle} says of a window's prices, SOL volume and swaps, without its high and low: the pools of its
     * open and close, the lamports traded and the swaps.
     */
    record Activity(Pool open, Pool close, long volume, long trades) {}
}
