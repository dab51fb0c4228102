package io.solbot.core.market;

import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.TokenAmount;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
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

    private final int decimals;
    private final Tier seconds = new Tier(SECOND, SECONDS_HORIZON.toMillis() / SECOND);
    private final Tier minutes = new Tier(MINUTE, MINUTES_HORIZON.toMillis() / MINUTE);

    TradeHistory(int decimals) {
        this.decimals = decimals;
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
        Tier tier = window.compareTo(SECONDS_HORIZON) <= 0 ? seconds : minutes;
        long nowMs = now.toEpochMilli();
        long from = Math.floorDiv(nowMs - window.toMillis(), tier.width);
        if (tier == seconds) {
            // the whole minutes of the window from the minute buckets (the same swaps and prices, summed per
            // minute), the seconds before them from the second buckets: the same candle from a sixtieth of the
            // buckets for a long window
            long firstMinute = Math.ceilDiv(from * SECOND, MINUTE);
            if (firstMinute <= Math.floorDiv(nowMs, MINUTE)) {
                List<Bucket> buckets = new ArrayList<>(seconds.range(from, firstMinute * (MINUTE / SECOND)));
                buckets.addAll(minutes.range(firstMinute, Long.MAX_VALUE));
                Made made = Tier.candle(
                        seconds.closeBefore(from), buckets, Instant.ofEpochMilli(from * SECOND), now, decimals);
                return made == null ? Optional.empty() : Optional.of(made.candle());
            }
        }
        List<Candle> one = tier.candles(from, 1, Math.floorDiv(nowMs, tier.width) - from + 1, now, decimals);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.getFirst());
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
        Tier tier = span.compareTo(SECONDS_HORIZON) <= 0 && width.toMillis() % MINUTE != 0 ? seconds : minutes;
        if (width.toMillis() % tier.width != 0) {
            throw new IllegalArgumentException(
                    "candles spanning more than an hour have a width of whole minutes, but" + " was " + width);
        }
        long per = width.toMillis() / tier.width;
        long current = Math.floorDiv(now.toEpochMilli(), width.toMillis()) * per;
        return tier.candles(current - (count - 1) * per, count, per, now, decimals);
    }

    private static void checkSpan(String name, Duration span) {
        Candle.checkWindow(name, span);
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

    /** A candle, and the pool of its close: where the next candle opens. */
    private record Made(Candle candle, Pool close) {}

    /** A price and swaps in one bucket of time; {@code open} and the rest are null while no price was seen in it. */
    private static final class Bucket {
        final long index;
        Pool open;
        Pool high;
        Pool low;
        Pool close;
        long volume;
        BigInteger tokens = BigInteger.ZERO;
        long trades;

        Bucket(long index) {
            this.index = index;
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
            }
            volume = Math.addExact(volume, sol);
            tokens = tokens.add(tokenAmount);
            trades += swaps;
        }
    }

    /** Buckets of one width, oldest first, and the last price of those already dropped. */
    private static final class Tier {
        final long width;
        final long kept;
        final ArrayDeque<Bucket> buckets = new ArrayDeque<>();
        /** The last price of the newest bucket dropped, or null: the price before the oldest kept bucket. */
        Pool droppedClose;

        Tier(long width, long kept) {
            this.width = width;
            this.kept = kept;
        }

        void record(long ms, Pool pool, long sol, BigInteger tokens, long swaps) {
            long index = Math.floorDiv(ms, width);
            Bucket last = buckets.peekLast();
            if (last == null || last.index < index) {
                last = new Bucket(index);
                buckets.addLast(last);
                trim(ms);
            }
            // events come in time order, so the bucket of an event is always the newest
            last.add(pool, sol, tokens, swaps);
        }

        /** Drops the buckets older than the horizon, remembering the last price they carried. */
        void trim(long nowMs) {
            long oldest = Math.floorDiv(nowMs, width) - kept;
            while (!buckets.isEmpty() && buckets.peekFirst().index < oldest) {
                Bucket dropped = buckets.pollFirst();
                if (dropped.close != null) {
                    droppedClose = dropped.close;
                }
            }
        }

        /**
         * {@code count} candles of {@code per} buckets each, the first starting at bucket {@code first}; the last
         * ends at {@code now}. Each opens at the close before it: the last price of the buckets before it (kept or
         * dropped), or for the first candle with a price, the first price in it.
         */
        List<Candle> candles(long first, int count, long per, Instant now, int decimals) {
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
                Made made = candle(before, within.subList(next, upTo), startAt, endAt, decimals);
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
            Pool close = droppedClose;
            if (nearerOldest(first)) {
                for (Bucket b : buckets) {
                    if (b.index >= first) {
                        break;
                    }
                    if (b.close != null) {
                        close = b.close;
                    }
                }
                return close;
            }
            Iterator<Bucket> back = buckets.descendingIterator();
            while (back.hasNext()) {
                Bucket b = back.next();
                if (b.index < first && b.close != null) {
                    return b.close;
                }
            }
            return close;
        }

        /**
         * The kept buckets from {@code from} up to, not including, {@code to}, in time order; walked from whichever
         * end of the tier is nearer, so a read costs about its range, not the tier's whole horizon.
         */
        List<Bucket> range(long from, long to) {
            if (nearerOldest(from)) {
                List<Bucket> out = new ArrayList<>();
                for (Bucket b : buckets) {
                    if (b.index >= to) {
                        break;
                    }
                    if (b.index >= from) {
                        out.add(b);
                    }
                }
                return out;
            }
            ArrayDeque<Bucket> out = new ArrayDeque<>();
            Iterator<Bucket> back = buckets.descendingIterator();
            while (back.hasNext()) {
                Bucket b = back.next();
                if (b.index < from) {
                    break;
                }
                if (b.index < to) {
                    out.addFirst(b);
                }
            }
            return new ArrayList<>(out);
        }

        /** Whether bucket {@code index} is nearer the oldest kept bucket than the newest. */
        private boolean nearerOldest(long index) {
            return !buckets.isEmpty() && index - buckets.peekFirst().index < buckets.peekLast().index - index;
        }

        /**
         * One candle from {@code startAt} to {@code endAt} over {@code buckets} (in time order), opening at {@code
         * before} (the close before them, or null), or null if there was no price by its end.
         */
        static Made candle(Pool before, List<Bucket> buckets, Instant startAt, Instant endAt, int decimals) {
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
                            price(open),
                            price(high),
                            price(low),
                            price(close),
                            Lamports.of(volume),
                            new TokenAmount(tokens, decimals),
                            trades),
                    close);
        }

        private static Price price(Pool pool) {
            // only pools with both reserves are kept, and those always have a price
            return pool.price().orElseThrow();
        }
    }
}
