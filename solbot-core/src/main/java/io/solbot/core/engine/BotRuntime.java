package io.solbot.core.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.store.OrderIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One bot's hot state, in memory. Who writes what:
 *
 * <ul>
 *   <li>lifecycle fields ({@code status}, {@code run}, {@code startedAt}, ...) change under {@link #lock}, and are
 *       volatile so that the scheduler and snapshots read them without it;
 *   <li>tick figures are written by the thread holding the current run's {@link Lane};
 *   <li>wheel fields ({@code wheelDue}, {@code wheelSeq}, {@code restartDue}) and {@code skippedTicks} are written
 *       only by the scheduler thread;
 *   <li>the journal fields ({@code intents}, {@code state}, {@code unstoredFills}, {@code unstoredFailures}) change
 *       under {@link
 *       #journalLock}.
 * </ul>
 */
final class BotRuntime {
    final BotId id;
    final BotSpec spec;
    final String strategyId;
    final EngineMetrics.StrategyMeters meters;
    final String configHash;
    final long intervalNanos;
    final ReentrantLock lock = new ReentrantLock();
    final PositionBook book = new PositionBook();
    final SplittableRandom random;
    /** Draws order ids: the bot's own stream, or one salted by a recovery so that ids of the earlier run never recur. */
    final SplittableRandom orderIds;

    final Object journalLock = new Object();
    final List<OrderIntent> intents = new ArrayList<>();
    final Map<String, String> state = new LinkedHashMap<>();
    /** Orders of a recovery whose outcome the executor could not tell yet; under {@link #journalLock}. */
    final List<io.solbot.core.execution.SwapOrder> unresolved = new ArrayList<>();
    /** Keys (order id and part) of the fills a recovery found, so that resolving an order applies each fill once. */
    final java.util.Set<String> restoredFills = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The status a journal entry kept at shutdown records, so that a recovery brings the bot back as it was. */
    volatile RunStatus resumeAs;
    /** Fills the trade store has not taken yet (database unreachable), oldest first. */
    final List<Fill> unstoredFills = new ArrayList<>();
    /** Failed orders the trade store has not taken yet (database unreachable), oldest first. */
    final List<OrderFailure> unstoredFailures = new ArrayList<>();

    volatile RunStatus status;
    volatile Run run;
    volatile Instant startedAt;
    volatile String stopReason = "";
    volatile boolean restartPending;
    /** Time RUNNING since the last start or operator restart; replaced whole under {@link #lock}, read without it. */
    volatile Uptime uptime = Uptime.NONE;

    volatile int restartCount;
    /** Restarts by the watchdog within its window, oldest first, on the engine's nano clock; under {@link #lock}. */
    final Deque<Long> recentRestarts = new ArrayDeque<>();

    volatile long tickCount;
    volatile long lastTickNanos = Long.MIN_VALUE;
    volatile long skippedTicks;
    volatile Instant cooldownUntil;
    volatile long tradesExecuted;
    volatile int buysFilled;
    volatile int consecutiveFailures;
    volatile String lastError;

    // scheduler thread only
    long wheelDue;
    int wheelSeq;
    boolean restartDue;

    BotRuntime(
            BotSpec spec,
            String strategyId,
            EngineMetrics.StrategyMeters meters,
            String configHash,
            long seed,
            long orderIdSalt) {
        this.id = spec.botId();
        this.spec = spec;
        this.strategyId = strategyId;
        this.meters = meters;
        this.configHash = configHash;
        this.intervalNanos = spec.interval().toNanos();
        this.random = new SplittableRandom(mix(seed, id.value().hashCode()));
        this.orderIds = orderIdSalt == 0
                ? random
                : new SplittableRandom(mix(mix(seed, id.value().hashCode()), orderIdSalt));
    }

    /**
     * Time spent RUNNING: {@code banked} from periods that ended, plus the time since {@code since} if the bot runs
     * now ({@code since} is null while it is paused, stopped or failed).
     */
    record Uptime(Duration banked, Instant since) {
        static final Uptime NONE = new Uptime(Duration.ZERO, null);

        Duration at(Instant now) {
            if (since == null || now.isBefore(since)) {
                return banked;
            }
            return banked.plus(Duration.between(since, now));
        }
    }

    /** Fills and failed orders that wait for the trade store (the database is unreachable). */
    int unstoredCount() {
        synchronized (journalLock) {
            return unstoredFills.size() + unstoredFailures.size();
        }
    }

    static long mix(long seed, long salt) {
        long z = seed + salt * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
