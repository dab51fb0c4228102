package io.solbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TickHistogramTest {
    @Test
    void shouldPlaceEveryValueInABucketThatHoldsItAndAtMostThreePercentWide() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long v = i < 1_000 ? i : random.nextLong(Long.MAX_VALUE >> random.nextInt(63));
            int index = TickHistogram.index(v);
            long upper = TickHistogram.upperBound(index);
            long lower = index == 0 ? 0 : TickHistogram.upperBound(index - 1) + 1;
            assertThat(v).as("bucket %d of %d", index, v).isBetween(lower, upper);
            assertThat(upper - lower).isLessThanOrEqualTo(Math.max(0, lower / 32));
            assertThat(index).isBetween(0, TickHistogram.BUCKETS - 1);
        }
        assertThat(TickHistogram.index(Long.MAX_VALUE)).isEqualTo(TickHistogram.BUCKETS - 1);
        assertThat(TickHistogram.upperBound(TickHistogram.BUCKETS - 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldCountEachValueOnceBetweenTheFixedBoundsExactlyAndGivePercentilesWithinABucket() {
        long ms = 1_000_000;
        TickHistogram histogram = new TickHistogram(new long[] {2 * ms, 20 * ms});
        TickHistogram.Tally tally = new TickHistogram.Tally(new long[] {2 * ms, 20 * ms});
        // 90 values of exactly 2 ms (on the bound: counted at most 2 ms), 9 of 15 ms, 1 of a minute; two flushes
        for (int i = 0; i < 90; i++) {
            tally.record(2 * ms);
            if (i == 50) {
                tally.flushTo(histogram);
            }
        }
        for (int i = 0; i < 9; i++) {
            tally.record(15 * ms);
        }
        tally.record(60_000 * ms);
        tally.flushTo(histogram);

        assertThat(histogram.count()).isEqualTo(100);
        assertThat(histogram.totalNanos()).isEqualTo(90 * 2 * ms + 9 * 15 * ms + 60_000 * ms);
        assertThat(histogram.countAtMostBound(0)).isEqualTo(90);
        assertThat(histogram.countAtMostBound(1)).isEqualTo(99);
        TickStats.Distribution d = histogram.snapshot();
        assertThat(d.count()).isEqualTo(100);
        assertThat(d.percentile(0.5)).isBetween(Duration.ofMillis(2), Duration.ofNanos(2 * ms + 2 * ms / 32));
        assertThat(d.percentile(0.99)).isBetween(Duration.ofMillis(15), Duration.ofNanos(15 * ms + 15 * ms / 32));
        assertThat(d.max())
                .isBetween(Duration.ofMinutes(1), Duration.ofMinutes(1).plusSeconds(2));
        assertThat(d.since(d).count()).isZero();
        // an emptied tally adds nothing
        tally.flushTo(histogram);
        assertThat(histogram.count()).isEqualTo(100);
    }

    @Test
    void shouldReportWhenItMustBeFlushedBeforeManyDistinctBuckets() {
        TickHistogram.Tally tally = new TickHistogram.Tally(new long[] {1});
        int recorded = 0;
        while (!tally.isFull()) {
            tally.record(1_000L << recorded); // a new bucket each time
            recorded++;
        }
        assertThat(recorded).isEqualTo(24);
        TickHistogram histogram = new TickHistogram(new long[] {1});
        tally.flushTo(histogram);
        assertThat(tally.isFull()).isFalse();
        assertThat(histogram.count()).isEqualTo(24);
    }
}
