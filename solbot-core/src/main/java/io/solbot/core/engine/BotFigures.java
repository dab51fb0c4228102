package io.solbot.core.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one bot did, for its status: ticks (those of the runs before the current one; the current run counts its own),
 * skipped ticks, trades and orders filled, failed orders in a row, the cooldowns that run, its last error.
 *
 * <p>Threading: read without locks for snapshots. Skips are written by the scheduler thread only; order counts under
 * the bot's lock; the rest by whoever learns them (volatile fields, last write wins).
 */
final class BotFigures {
    private volatile long ticksBefore;
    private volatile long lastTickBefore = Long.MIN_VALUE;
    private volatile long skippedTicks;
    private final Map<Mint, Instant> cooldowns = new ConcurrentHashMap<>();
    private volatile int trades;
    private volatile long ordersFilled;
    private volatile int consecutiveFailures;
    private volatile String lastError;

    /** A run leaves the bot: its ticks join those of the runs before it. */
    void countTicksOf(Run ended) {
        ticksBefore += ended.ticks();
        lastTickBefore = Math.max(lastTickBefore, ended.lastTickNanos());
    }

    /** Called by the scheduler thread only. */
    void skipped(long ticks) {
        skippedTicks += ticks;
    }

    void failed(String error) {
        lastError = error;
    }

    String lastError() {
        return lastError;
    }

    /** The cooldown of {@code mint} that runs now, if any. */
    Optional<Instant> cooldown(Mint mint, Instant now) {
        Instant until = cooldowns.get(mint);
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    void coolDown(Mint mint, Instant until) {
        cooldowns.put(mint, until);
    }

    int trades() {
        return trades;
    }

    /** Counts an order that ended; the caller holds the bot's lock. Returns the failures in a row after it. */
    int orderEnded(boolean filled, boolean opened, boolean failed, boolean countFailure) {
        if (filled) {
            ordersFilled++;
            if (opened) {
                trades++;
            }
        }
        if (countFailure) {
            consecutiveFailures = failed ? consecutiveFailures + 1 : 0;
        }
        return consecutiveFailures;
    }

    /** An operator's restart: the failures in a row start over. */
    void failuresForgiven() {
        consecutiveFailures = 0;
    }

    /** The counts of a recovered bot, rebuilt from its stored fills. */
    void restoreCounts(int trades, long ordersFilled) {
        this.trades = trades;
        this.ordersFilled = ordersFilled;
    }

    /** The bot's status with these figures and {@code live}, its current run (null if none). */
    BotStatus snapshot(
            BotId id,
            String strategyId,
            RunStatus status,
            Instant startedAt,
            Run live,
            int restartCount,
            int openPositions,
            Duration uptime,
            Instant now,
            long nowNanos) {
        long ticks = ticksBefore + (live == null ? 0 : live.ticks());
        long last = live == null ? lastTickBefore : Math.max(lastTickBefore, live.lastTickNanos());
        Optional<Instant> lastTick =
                last == Long.MIN_VALUE ? Optional.empty() : Optional.of(now.minusNanos(nowNanos - last));
        Map<Mint, Instant> running = new TreeMap<>();
        cooldowns.forEach((mint, until) -> {
            if (until.isAfter(now)) {
                running.put(mint, until);
            }
        });
        return new BotStatus(
                id,
                strategyId,
                status,
                startedAt,
                lastTick,
                ticks,
                skippedTicks,
                running,
                restartCount,
                trades,
                ordersFilled,
                openPositions,
                consecutiveFailures,
                Optional.ofNullable(lastError),
                uptime);
    }
}
