package io.solbot.core.engine;

/**
 * The tick figures of one worker's run through a batch, kept in plain fields and handed to the strategy's meters
 * when the batch moves on to another strategy or ends ({@link #flush}): one worker, no sharing, a few atomic adds per
 * batch instead of several per tick. Not thread-safe: each runner of a batch has its own.
 */
final class TickTally {
    private static final int SIZE = TimingWheel.BATCH;

    private EngineMetrics.StrategyMeters meters;
    private final long[] lateness = new long[SIZE];
    private final long[] duration = new long[SIZE];
    private int n;

    /** One tick of a bot of {@code to} ran, {@code latenessNanos} late, for {@code durationNanos}. */
    void ticked(EngineMetrics.StrategyMeters to, long latenessNanos, long durationNanos) {
        if (to != meters || n == SIZE) {
            flush();
            meters = to;
        }
        lateness[n] = latenessNanos;
        duration[n] = durationNanos;
        n++;
    }

    /** Hands what was tallied to the meters. */
    void flush() {
        if (n > 0) {
            meters.ticks(n, lateness, duration);
            n = 0;
        }
    }
}
