package io.solbot.core.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a {@link PaperExecutor} spends an order's simulated latency. Before each stage of an order (the quote at
 * submission plus {@code quoteMs}, the build, and each transaction's send and landing at their own times) the
 * executor calls {@link #awaitUntil} with that stage's time, and then acts on the market as it is on return. So
 * whatever the host lets happen meanwhile (other traders' swaps, a price that moves) reaches the stage, and the
 * order's slippage guard sees it.
 *
 * <ul>
 *   <li>{@link #none()}: nothing happens during latency; every stage sees the market as {@code execute} found it.
 *   <li>A backtest advances the simulated market to the stage's time (within a bound, see {@code
 *       io.solbot.core.backtest.Backtest}).
 *   <li>{@link #sleeping(Clock)}: a real-time host sleeps until the stage's time, while the market moves by itself.
 * </ul>
 *
 * <p>Threading: the executor calls it on the thread that executes the order; implementations are thread-safe.
 */
@FunctionalInterface
public interface Timeline {
    /**
     * Returns once {@code time} has come, as far as this timeline is concerned; at once if it has passed. Never throws
     * for an interruption: it returns early with the thread's interrupt flag set, and the order goes on.
     */
    void awaitUntil(Instant time);

    /** A timeline on which latency passes without anything happening: the executor's default. */
    static Timeline none() {
        return time -> {};
    }

    /**
     * A timeline that sleeps until {@code clock} reads {@code time}, for a host that trades on paper in real time
     * against a market that moves by itself.
     */
    static Timeline sleeping(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return time -> {
            Duration left;
            // a sleep may end early (or the clock be adjusted), so sleep again until the clock has passed the time
            while ((left = Duration.between(clock.instant(), time)).isPositive()) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    // shutting down: the order ends now rather than never; its fills keep their simulated times
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
    }
}
