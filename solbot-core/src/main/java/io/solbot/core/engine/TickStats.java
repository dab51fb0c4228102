package io.solbot.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How one strategy's ticks went: how many ran and were skipped, and the distributions of their lateness (start minus
 * due time) and duration, over the engine's life or, with {@link #since}, over a window. Immutable; from {@link
 * SolbotEngine#tickStats()}.
 *
 * @param strategyId the strategy whose bots ticked
 * @param ticks ticks that ran
 * @param skipped ticks not run: due while the bot's previous tick still ran or waited, or past when a stall of the
 *     whole process ended
 * @param lateness how long after its due time each tick began
 * @param duration how long each tick's callback took
 */
public record TickStats(String strategyId, long ticks, long skipped, Distribution lateness, Distribution duration) {
    public TickStats {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(lateness, "lateness");
        Objects.requireNonNull(duration, "duration");
    }

    /** What happened between {@code earlier} (a snapshot of the same strategy) and this snapshot. */
    public TickStats since(TickStats earlier) {
        if (!earlier.strategyId.equals(strategyId)) {
            throw new IllegalArgumentException(
                    "since needs a snapshot of strategy '" + strategyId + "', but was of '" + earlier.strategyId + "'");
        }
        return new TickStats(
                strategyId,
                ticks - earlier.ticks,
                skipped - earlier.skipped,
                lateness.since(earlier.lateness),
                duration.since(earlier.duration));
    }

    /**
     * A distribution of durations in log-linear buckets: exact below 64 ns, then 32 buckets per doubling, so a
     * percentile is at most about 3 % above the true value (it reports its bucket's upper bound). Immutable.
     */
    public static final class Distribution {
        private final long[] counts;
        private final long count;
        private final long totalNanos;

        Distribution(long[] counts, long count, long totalNanos) {
            this.counts = counts;
            this.count = count;
            this.totalNanos = totalNanos;
        }

        /** How many durations were recorded. */
        public long count() {
            return count;
        }

        /** Their sum. */
        public Duration total() {
            return Duration.ofNanos(totalNanos);
        }

        /** Their mean, zero if none. */
        public Duration mean() {
            return count == 0 ? Duration.ZERO : Duration.ofNanos(totalNanos / count);
        }

        /**
         * The duration that {@code quantile} of the recorded ones do not exceed (within the bucket precision); zero if
         * none was recorded.
         *
         * @param quantile from 0 to 1, for example 0.99
         */
        public Duration percentile(double quantile) {
            if (!(quantile >= 0 && quantile <= 1)) {
                throw new IllegalArgumentException("quantile must be between 0 and 1, but was " + quantile);
            }
            if (count == 0) {
                return Duration.ZERO;
            }
            long rank = Math.max(1, (long) Math.ceil(quantile * count));
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return Duration.ofNanos(TickHistogram.upperBound(i));
                }
            }
            return Duration.ofNanos(TickHistogram.upperBound(counts.length - 1));
        }

        /** The largest recorded duration (within the bucket precision), zero if none. */
        public Duration max() {
            return percentile(1);
        }

        /** How many recorded durations were at most {@code bound} (counting whole buckets up to it). */
        public long countAtMost(Duration bound) {
            long nanos = bound.toNanos();
            long n = 0;
            for (int i = 0; i < counts.length && TickHistogram.upperBound(i) <= nanos; i++) {
                n += counts[i];
            }
            return n;
        }

        Distribution since(Distribution earlier) {
            long[] diff = new long[counts.length];
            for (int i = 0; i < diff.length; i++) {
                diff[i] = counts[i] - earlier.counts[i];
            }
            return new Distribution(diff, count - earlier.count, totalNanos - earlier.totalNanos);
        }

        @Override
        public String toString() {
            return "Distribution[count=" + count + ", p50=" + percentile(0.5) + ", p99=" + percentile(0.99) + ", max="
                    + max() + "]";
        }
    }
}
