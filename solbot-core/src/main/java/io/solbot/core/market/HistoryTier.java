package io.solbot.core.market;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.TokenAmount;
import java.math.BigInteger;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One tier of a {@link TradeHistory}: buckets of one width, oldest first, in a ring that is searched by bucket index
 * (the buckets are in index order but sparse: a second with no event has none), and the running totals and last price
 * of those already dropped; and how candles are made of them. Apart from the history, which picks the tier and aligns
 * the window, so that each reads on its own.
 *
 * <p>Threading: none of its own; used under the history's lock.
 */
final class HistoryTier {
    final long width;
    private final long kept;
    private Bucket[] ring = new Bucket[16];
    private int head;
    private int size;
    /** The totals and last price as of the newest bucket dropped: what was before the oldest kept bucket. */
    private long droppedVolume;

    private long droppedTrades;
    /** The last price of the buckets dropped, or null: the price before the oldest kept bucket. */
    private Pool droppedClose;

    HistoryTier(long width, long kept) {
        this.width = width;
        this.kept = kept;
    }

    void record(long ms, Pool pool, long sol, BigInteger tokens, long swaps) {
        long index = Math.floorDiv(ms, width);
        Bucket last = size == 0 ? null : get(size - 1);
        if (last == null || last.index < index) {
            last = last == null
                    ? new Bucket(index, droppedVolume, droppedTrades, droppedClose)
                    : new Bucket(index, last.totalVolume, last.totalTrades, last.lastClose);
            addLast(last);
            trim(ms);
        }
        // events come in time order, so the bucket of an event is always the newest
        last.add(pool, sol, tokens, swaps);
    }

    /** Drops the buckets older than the horizon, remembering the totals and last price they carried. */
    void trim(long nowMs) {
        long oldest = Math.floorDiv(nowMs, width) - kept;
        while (size > 0 && ring[head].index < oldest) {
            Bucket dropped = ring[head];
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            size--;
            droppedVolume = dropped.totalVolume;
            droppedTrades = dropped.totalTrades;
            droppedClose = dropped.lastClose;
        }
    }

    private Bucket get(int position) {
        return ring[(head + position) & (ring.length - 1)];
    }

    private void addLast(Bucket bucket) {
        if (size == ring.length) {
            Bucket[] larger = new Bucket[ring.length * 2];
            for (int i = 0; i < size; i++) {
                larger[i] = get(i);
            }
            ring = larger;
            head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = bucket;
        size++;
    }

    /** The position of the first kept bucket whose index is {@code index} or later; {@code size} if none. */
    private int positionOf(long index) {
        // a window reaching past either end (a day's window, a token that stopped trading) needs no search
        if (size == 0 || index <= ring[head].index) {
            return 0;
        }
        if (index > get(size - 1).index) {
            return size;
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (get(mid).index < index) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The open, close, volume and swaps of the candle from bucket {@code first} to bucket {@code last}, from the
     * totals of the buckets at the two ends; null if there was no price by its end.
     */
    TradeHistory.Activity activity(long first, long last) {
        int from = positionOf(first);
        int to = positionOf(last + 1);
        Bucket before = from > 0 ? get(from - 1) : null;
        Pool open = before != null ? before.lastClose : droppedClose;
        for (int i = from; open == null && i < to; i++) {
            open = get(i).open;
        }
        if (open == null) {
            return null;
        }
        long volumeBefore = before != null ? before.totalVolume : droppedVolume;
        long tradesBefore = before != null ? before.totalTrades : droppedTrades;
        if (to == from) {
            return new TradeHistory.Activity(open, open, 0, 0);
        }
        Bucket end = get(to - 1);
        return new TradeHistory.Activity(
                open, end.lastClose, end.totalVolume - volumeBefore, end.totalTrades - tradesBefore);
    }

    /**
     * {@code count} candles of {@code per} buckets each, the first starting at bucket {@code first}; the last
     * ends at {@code now}. Each opens at the close before it: the last price of the buckets before it (kept or
     * dropped), or for the first candle with a price, the first price in it.
     */
    List<Candle> candles(long first, int count, long per, Instant now, Prices prices) {
        Pool before = closeBefore(first);
        List<Bucket> within = range(first, Long.MAX_VALUE);
        List<Candle> out = new ArrayList<>(count);
        int next = 0;
        for (int i = 0; i < count; i++) {
            long start = first + i * per;
            long end = start + per;
            int upTo = next;
            while (upTo < within.size() && within.get(upTo).index < end) {
                upTo++;
            }
            Instant startAt = Instant.ofEpochMilli(start * width);
            Instant endAt = i == count - 1 ? now : Instant.ofEpochMilli(end * width);
            Made made = candle(before, within.subList(next, upTo), startAt, endAt, prices);
            if (made != null) {
                out.add(made.candle());
                before = made.close();
            }
            next = upTo;
        }
        return out;
    }

    /** The last price of the buckets before bucket {@code first}, kept or dropped; null if none. */
    Pool closeBefore(long first) {
        int position = positionOf(first);
        return position > 0 ? get(position - 1).lastClose : droppedClose;
    }

    /**
     * The kept buckets from {@code from} up to, not including, {@code to}, in time order: a view, valid until the
     * tier next changes (read and dropped under the history's lock).
     */
    List<Bucket> range(long from, long to) {
        int first = positionOf(from);
        int end = to == Long.MAX_VALUE ? size : positionOf(to);
        return new AbstractList<>() {
            @Override
            public Bucket get(int i) {
                return HistoryTier.this.get(first + Objects.checkIndex(i, end - first));
            }

            @Override
            public int size() {
                return end - first;
            }
        };
    }

    /**
     * One candle from {@code startAt} to {@code endAt} over {@code buckets} (in time order), opening at {@code
     * before} (the close before them, or null), or null if there was no price by its end.
     */
    static Made candle(Pool before, List<Bucket> buckets, Instant startAt, Instant endAt, Prices prices) {
        Pool open = before;
        Pool high = before;
        Pool low = before;
        Pool close = before;
        long volume = 0;
        BigInteger tokens = BigInteger.ZERO;
        long trades = 0;
        for (Bucket b : buckets) {
            if (b.open != null) {
                if (open == null) {
                    open = b.open;
                    high = b.open;
                    low = b.open;
                }
                if (comparePrice(b.high, high) > 0) {
                    high = b.high;
                }
                if (comparePrice(b.low, low) < 0) {
                    low = b.low;
                }
                close = b.close;
            }
            volume = Math.addExact(volume, b.volume);
            tokens = tokens.add(b.tokens);
            trades += b.trades;
        }
        if (open == null) {
            return null;
        }
        return new Made(
                new Candle(
                        startAt,
                        endAt.isBefore(startAt) ? startAt : endAt,
                        prices.of(open),
                        prices.of(high),
                        prices.of(low),
                        prices.of(close),
                        Lamports.of(volume),
                        new TokenAmount(tokens, prices.decimals),
                        trades),
                close);
    }

    /**
     * Whether {@code a}'s price is below, at or above {@code b}'s, exactly: {@code solA / tokensA} against {@code
     * solB / tokensB} by cross-multiplying (the two pools are of one token, so their decimals agree).
     */
    static int comparePrice(Pool a, Pool b) {
        long solA = a.solReserve().value();
        long solB = b.solReserve().value();
        BigInteger tokensA = a.tokenReserve().raw();
        BigInteger tokensB = b.tokenReserve().raw();
        if (tokensA.bitLength() < 63 && tokensB.bitLength() < 63) {
            long x = tokensB.longValue();
            long y = tokensA.longValue();
            // solA × tokensB against solB × tokensA, both below 2^126: compare the high words, then the low ones
            int high = Long.compare(Math.multiplyHigh(solA, x), Math.multiplyHigh(solB, y));
            return high != 0 ? high : Long.compareUnsigned(solA * x, solB * y);
        }
        return BigInteger.valueOf(solA)
                .multiply(tokensB)
                .compareTo(BigInteger.valueOf(solB).multiply(tokensA));
    }

    /**
     * The prices of pools, and the token's decimals. A candle's open, high, low and close are pools of its buckets,
     * which stay for up to a day and are read into candles again at every step: the prices of the last ones read are
     * remembered (by identity, as pools never change) rather than divided out again. Used under the history's lock.
     */
    static final class Prices {
        private static final int SLOTS = 128;
        final int decimals;
        private final Pool[] pools = new Pool[SLOTS];
        private final Price[] prices = new Price[SLOTS];

        Prices(int decimals) {
            this.decimals = decimals;
        }

        Price of(Pool pool) {
            int slot = System.identityHashCode(pool) & (SLOTS - 1);
            if (pools[slot] != pool) {
                // only pools with both reserves are kept, and those always have a price
                prices[slot] = pool.price().orElseThrow();
                pools[slot] = pool;
            }
            return prices[slot];
        }
    }

    /** A candle, and the pool of its close: where the next candle opens. */
    record Made(Candle candle, Pool close) {}

    /**
     * A price and swaps in one bucket of time; {@code open} and the rest are null while no price was seen in it. It
     * also carries the tier's running totals and last price as of its end, so that a range's volume, swaps, open and
     * close come from the buckets at its two ends, not from a walk over every bucket between them.
     */
    static final class Bucket {
        final long index;
        Pool open;
        Pool high;
        Pool low;
        Pool close;
        long volume;
        BigInteger tokens = BigInteger.ZERO;
        long trades;
        /** The lamports traded and swaps in this tier from its first bucket up to the end of this one. */
        long totalVolume;

        long totalTrades;
        /** The last price up to the end of this bucket, in it or before it (dropped or not); null if none yet. */
        Pool lastClose;

        Bucket(long index, long totalVolume, long totalTrades, Pool lastClose) {
            this.index = index;
            this.totalVolume = totalVolume;
            this.totalTrades = totalTrades;
            this.lastClose = lastClose;
        }

        void add(Pool pool, long sol, BigInteger tokenAmount, long swaps) {
            if (pool != null) {
                if (open == null) {
                    open = pool;
                    high = pool;
                    low = pool;
                } else if (comparePrice(pool, high) > 0) {
                    high = pool;
                } else if (comparePrice(pool, low) < 0) {
                    low = pool;
                }
                close = pool;
                lastClose = pool;
            }
            volume = Math.addExact(volume, sol);
            totalVolume = Math.addExact(totalVolume, sol);
            tokens = tokens.add(tokenAmount);
            trades += swaps;
            totalTrades += swaps;
        }
    }
}
