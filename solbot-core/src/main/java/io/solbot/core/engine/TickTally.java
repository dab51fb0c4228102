package io.solbot.core.engine;

/**
 * The tick figures of one worker's run through a batch, kept in plain fields and handed to the strategy's meters
 * when the batch moves on to another strategy or ends ({@link #flush}): one worker, no sharing, a few atomic adds per
 * batch instead of several per tick. Not thread-safe: each runner of a batch has its own.
 */
final class TickTally {
    private final TickHistogram.Tally lateness = new TickHistogram.Tally(EngineMetrics.LATENESS_NANOS);
    private final TickHistogram.Tally duration = new TickHistogram.Tally(EngineMetrics.DURATION_NANOS);
    private EngineMetrics.StrategyMeters meters;

    /** One tick of a bot of {@code to} ran, {@code latenessNanos} late, for {@code durationNanos}. */
    void ticked(EngineMetrics.StrategyMeters to, long latenessNanos, long durationNanos) {
        if (to != meters || lateness.isFull() || duration.isFull()) {
            flush();
            meters = to;
        }
        lateness.record(latenessNanos);
        duration.record(durationNanos);
    }

    /** Hands what was tallied to the meters. */
    void flush() {
        if (meters != null && lateness.size() > 0) {
            meters.ticks(lateness, duration);
        }
    }
}
