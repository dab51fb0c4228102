package io.solbot.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts durations in 1 µs buckets up to 1 s (exact percentiles at that resolution; longer ones count in the last
 * bucket) and keeps the maximum exactly. Records from creation; {@link #start()} clears and {@link #stop()} pauses,
 * for a load that measures only a window of its run. Thread-safe.
 */
public final class Latencies {
    private static final int BUCKETS = 1_000_001;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong max = new AtomicLong();
    private volatile boolean on = true;

    /** Forgets what was recorded and records from now on. */
    public void start() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
        max.set(0);
        on = true;
    }

    public void stop() {
        on = false;
    }

    public void record(long nanos) {
        if (!on) {
            return;
        }
        long micros = Math.max(0, nanos / 1_000);
        counts.incrementAndGet((int) Math.min(micros, BUCKETS - 1));
        max.accumulateAndGet(nanos, Math::max);
    }

    public long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The value at {@code quantile} (0..1), in milliseconds at microsecond resolution. */
    public double percentileMillis(double quantile) {
        long rank = Math.max(1, (long) Math.ceil(quantile * count()));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return i / 1000.0;
            }
        }
        return (BUCKETS - 1) / 1000.0;
    }

    public double maxMillis() {
        return max.get() / 1e6;
    }
}
