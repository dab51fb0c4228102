package io.solbot.core.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.spi.StopReason;
import io.solbot.core.store.Journal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntToLongFunction;

/**
 * One bot: its spec, its state in memory, and the transitions of its lifecycle. Fields are private; a transition is a
 * method that checks that the bot's status allows it and changes the state in one step.
 *
 * <p>Threading: a transition requires the bot's {@link #lock()}, which {@link Lifecycle} holds while it also writes
 * the change down and queues the bot's schedule, so that writes and schedules follow the order of the transitions.
 * Lifecycle fields are volatile, so the scheduler and snapshots read them without the lock. Tick figures are written
 * by the thread holding the current run's lane, order figures under the lock. The journal has a lock of its own
 * ({@link BotJournal}), under which a new run is installed.
 */
final class Bot {
    private final BotId id;
    private final BotSpec spec;
    private final String strategyId;
    private final EngineMetrics.StrategyMeters meters;
    private final String configHash;
    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final PositionBook book = new PositionBook();
    private final BotJournal journal;
    private final SplittableRandom random;
    /** Draws order ids: salted unless the bot runs on a simulated clock, so ids of an earlier run never recur. */
    private final SplittableRandom orderIds;
    /** The scheduler's place for this bot; touched by the scheduler thread only. */
    final TimingWheel.Entry wheel;

    /** STOPPED until {@link #launch}, but counted in the metrics only from then on. */
    private volatile RunStatus status = RunStatus.STOPPED;

    private volatile boolean counted;
    private volatile Run run;
    private volatile Instant startedAt;
    private volatile String stopReason = "";
    private volatile boolean restartPending;
    private volatile Uptime uptime = Uptime.NONE;
    private volatile int restartCount;
    /** The status a journal entry kept at shutdown records, so that a recovery brings the bot back as it was. */
    private volatile RunStatus resumeAs;
    /** Restarts by the watchdog within its window, oldest first, on the engine's nano clock; under the lock. */
    private final Deque<Long> recentRestarts = new ArrayDeque<>();

    /** What the bot did: ticks, skips, trades, failures, cooldowns, its last error. */
    private final BotFigures figures = new BotFigures();

    Bot(
            BotSpec spec,
            String strategyId,
            EngineMetrics.StrategyMeters meters,
            String configHash,
            long seed,
            long orderIdSalt,
            Journal journal,
            String owner,
            EngineClock clock) {
        this.id = spec.botId();
        this.spec = spec;
        this.strategyId = strategyId;
        this.meters = meters;
        this.configHash = configHash;
        this.intervalNanos = spec.interval().toNanos();
        this.wheel = new TimingWheel.Entry(this);
        this.journal = new BotJournal(this, journal, owner, clock);
        long botSeed = mix(seed, id.value().hashCode());
        this.random = new SplittableRandom(botSeed);
        this.orderIds = orderIdSalt == 0 ? random : new SplittableRandom(mix(botSeed, orderIdSalt));
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

    // ---- identity and parts ----

    BotId id() {
        return id;
    }

    BotSpec spec() {
        return spec;
    }

    String strategyId() {
        return strategyId;
    }

    EngineMetrics.StrategyMeters meters() {
        return meters;
    }

    String configHash() {
        return configHash;
    }

    long intervalNanos() {
        return intervalNanos;
    }

    PositionBook book() {
        return book;
    }

    BotJournal journal() {
        return journal;
    }

    SplittableRandom random() {
        return random;
    }

    OrderId nextOrderId() {
        return OrderId.random(orderIds);
    }

    ReentrantLock lock() {
        return lock;
    }

    // ---- lifecycle state ----

    RunStatus status() {
        return status;
    }

    Run run() {
        return run;
    }

    boolean restartPending() {
        return restartPending;
    }

    RunStatus resumeAs() {
        return resumeAs;
    }

    String stopReason() {
        return stopReason;
    }

    Instant startedAt() {
        return startedAt;
    }

    int restartCount() {
        return restartCount;
    }

    /**
     * Whether {@code r} may act: the bot's current run, RUNNING and not waiting for a watchdog restart. A run is
     * current only while all three hold (every transition that ends them retires it under the bot's lock), so this
     * reads the run alone.
     */
    boolean accepts(Run r) {
        return r.isCurrent();
    }

    // ---- transitions; the caller holds the lock ----

    /** A new bot (or one brought back by a recovery) enters its first status. */
    void launch(RunStatus target, Instant now) {
        assert lock.isHeldByCurrentThread();
        startedAt = now;
        if (target.isFinal()) {
            stopReason = "recovered as " + target;
        }
        setStatus(target, now);
    }

    /**
     * Makes {@code next} the bot's run; the previous one stops being current at once, so that a tick of it still
     * going cannot place orders or write state (under the journal lock, so a state write of it is refused or lands
     * first).
     */
    void install(Run next) {
        assert lock.isHeldByCurrentThread();
        synchronized (journal) {
            Run previous = run;
            if (previous != null) {
                previous.retire();
                figures.countTicksOf(previous);
            }
            run = next;
        }
    }

    /** RUNNING → PAUSED; returns the run that ends. */
    Run pause(Instant now) {
        requireStatus(RunStatus.RUNNING, "paused");
        setStatus(RunStatus.PAUSED, now);
        restartPending = false;
        return detachRun();
    }

    /** PAUSED → RUNNING; the caller installs the new run. */
    void resume(Instant now) {
        requireStatus(RunStatus.PAUSED, "resumed");
        setStatus(RunStatus.RUNNING, now);
    }

    /**
     * Any status → RUNNING, as an operator asks: the watchdog's window and the failures start over. Returns the run
     * that ends; the caller installs the new one.
     */
    Run restart(Instant now) {
        assert lock.isHeldByCurrentThread();
        Run old = run;
        restartCount++;
        recentRestarts.clear();
        figures.failuresForgiven();
        restartPending = false;
        startedAt = now;
        uptime = Uptime.NONE;
        setStatus(RunStatus.RUNNING, now);
        return old;
    }

    /** RUNNING or PAUSED → STOPPED; returns false if the bot is stopped or failed already. */
    boolean stop(StopReason reason, Instant now) {
        assert lock.isHeldByCurrentThread();
        if (status.isFinal()) {
            return false;
        }
        setStatus(RunStatus.STOPPED, now);
        stopReason = reason.name();
        restartPending = false;
        return true;
    }

    /** Marks a bot stopped by the shutdown to come back as {@code before} after a recovery. */
    void resumeAs(RunStatus before) {
        resumeAs = before;
    }

    /** Any status but a final one → FAILED; returns false if the bot is stopped or failed already. */
    boolean fail(String reason, Instant now) {
        assert lock.isHeldByCurrentThread();
        if (status.isFinal()) {
            return false;
        }
        setStatus(RunStatus.FAILED, now);
        stopReason = reason;
        figures.failed(reason);
        restartPending = false;
        return true;
    }

    /** Takes the run away from the bot, retired at once (its onStop follows); the caller holds the lock. */
    Run detachRun() {
        assert lock.isHeldByCurrentThread();
        Run old = run;
        run = null;
        if (old != null) {
            old.retire();
            figures.countTicksOf(old);
        }
        return old;
    }

    /**
     * The watchdog wants to restart {@code failing}: returns the restarts within the window before this one, and if
     * fewer than {@code max}, marks the restart pending, due {@code backoff(recent)} from {@code now}. Returns -1 if
     * {@code failing} is no longer the run to restart (a stall report and the throw of the interrupted tick both come
     * for one run: only the first counts).
     */
    int markRestart(Run failing, long now, long windowNanos, int max, IntToLongFunction backoff) {
        assert lock.isHeldByCurrentThread();
        if (!failing.isCurrent() || run != failing || status != RunStatus.RUNNING || restartPending) {
            return -1;
        }
        while (!recentRestarts.isEmpty() && recentRestarts.peekFirst() < now - windowNanos) {
            recentRestarts.removeFirst();
        }
        int recent = recentRestarts.size();
        if (recent < max) {
            recentRestarts.addLast(now + backoff.applyAsLong(recent));
            restartPending = true;
            // at once, not when its onStop is posted: the failed run gets no tick in between
            failing.retire();
        }
        return recent;
    }

    /** The pending watchdog restart happens; the caller installs the new run. Returns the bot's restart count. */
    int restartByWatchdog() {
        assert lock.isHeldByCurrentThread();
        restartPending = false;
        restartCount++;
        return restartCount;
    }

    /** A watchdog restart that could not happen (its strategy could not be created). */
    void cancelRestart() {
        restartPending = false;
    }

    private void requireStatus(RunStatus required, String transition) {
        assert lock.isHeldByCurrentThread();
        if (status != required) {
            throw new IllegalBotStateException(id, status, transition);
        }
    }

    /** Changes the status; banks the time RUNNING when the bot leaves it. */
    private void setStatus(RunStatus to, Instant now) {
        meters.statusChanged(counted ? status : null, to);
        counted = true;
        Uptime u = uptime;
        if (to == RunStatus.RUNNING && u.since() == null) {
            uptime = new Uptime(u.banked(), now);
        } else if (to != RunStatus.RUNNING && u.since() != null) {
            uptime = new Uptime(u.at(now), null);
        }
        status = to;
    }

    /** Leaves the engine's count of bots by status when a new instance of the bot replaces this one. */
    void forget() {
        if (counted) {
            meters.statusChanged(status, null);
            counted = false;
        }
    }

    BotFigures figures() {
        return figures;
    }

    /** The bot's hot state now, as one immutable snapshot. */
    BotStatus snapshot(Instant now, long nowNanos) {
        Instant started = startedAt;
        return figures.snapshot(
                id,
                strategyId,
                status,
                started == null ? now : started,
                run,
                restartCount,
                book.openPositions(),
                uptime.at(now),
                now,
                nowNanos);
    }

    /** SplitMix64's finaliser over {@code seed + salt·φ}: a well-spread seed per bot and salt. */
    static long mix(long seed, long salt) {
        long z = seed + salt * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "Bot[" + id + ", " + status + "]";
    }
}
