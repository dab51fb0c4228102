package io.solbot.bench.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts values in 1 µs buckets up to 1 s (exact percentiles at that resolution), and the maximum. Thread-safe. */
final class LatencyRecorder {
    private static final int BUCKETS = 1_000_001;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong max = new AtomicLong();
    private volatile boolean on;

    void start() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
        max.set(0);
        on = true;
    }

    void stop() {
        on = false;
    }

    void record(long nanos) {
        if (!on) {
            return;
        }
        long micros = Math.max(0, nanos / 1_000);
        counts.incrementAndGet((int) Math.min(micros, BUCKETS - 1));
        max.accumulateAndGet(nanos, Math::max);
    }

    long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The value at {@code quantile} (0..1) in microseconds. */
    long percentileMicros(double quantile) {
        long total = count();
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank && seen > 0) {
                return i;
            }
        }
        return BUCKETS - 1;
    }

    long maxMicros() {
        return max.get() / 1_000;
    }
}
