package io.solbot.core.engine;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.spi.StopReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The bots of an engine and what happens to them after they start: pause, resume, stop, restart (by an operator or
 * the watchdog), failure and completion. Each transition runs under the bot's lock together with its record write and
 * its schedule; its run ends ({@code onStop}) and its event is published after the lock is released.
 *
 * <p>Threading: thread-safe. A bot started, resumed or restarted while the engine shuts down is refused, never left
 * running: each of those checks {@link #closing} again under the bot's lock, which the shutdown takes to stop it.
 */
final class Lifecycle implements Settlement.Halts {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    /** What became of a watchdog's request to restart a run. */
    sealed interface Decision {
        /** The run was replaced or stopped already. */
        record Ignored() implements Decision {}

        /** The restart is scheduled after {@code backoffNanos}. */
        record Later(long backoffNanos) implements Decision {}

        /** The bot restarted {@code recent} times within the window already: it must fail. */
        record TooMany(int recent) implements Decision {}
    }

    private final ConcurrentHashMap<BotId, Bot> bots = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final EngineClock clock;
    private final RunRecords records;
    private final EventBus events;
    private final Callbacks callbacks;
    private final TimingWheel wheel;
    private Runs runs;

    Lifecycle(EngineClock clock, RunRecords records, EventBus events, Callbacks callbacks, TimingWheel wheel) {
        this.clock = clock;
        this.records = records;
        this.events = events;
        this.callbacks = callbacks;
        this.wheel = wheel;
    }

    /** Set once, while the engine is built: runs need the order desk, which needs this for halts. */
    void runsFrom(Runs runs) {
        this.runs = runs;
    }

    // ---- the bots ----

    /** @throws NoSuchBotException if the engine does not know the bot */
    Bot require(BotId botId) {
        Bot bot = bots.get(Objects.requireNonNull(botId, "botId"));
        if (bot == null) {
            throw new NoSuchBotException(botId);
        }
        return bot;
    }

    /** The bot with this id, or null. */
    Bot find(BotId botId) {
        return bots.get(botId);
    }

    Collection<Bot> bots() {
        return bots.values();
    }

    /**
     * Registers {@code bot}, replacing a stopped or failed bot of the same id; returns the one replaced, or null.
     *
     * @throws IllegalBotStateException if a bot with the id is running or paused
     */
    Bot register(Bot bot) {
        Bot[] replaced = new Bot[1];
        bots.compute(bot.id(), (id, old) -> {
            if (old != null && !old.status().isFinal()) {
                throw new IllegalBotStateException(id, old.status(), "started again");
            }
            replaced[0] = old;
            return bot;
        });
        return replaced[0];
    }

    /** Takes back a registration that failed half-way: {@code replaced} (or nothing) is the bot again. */
    void unregister(Bot bot, Bot replaced) {
        if (replaced != null) {
            bots.replace(bot.id(), bot, replaced);
        } else {
            bots.remove(bot.id(), bot);
        }
    }

    /** Whether the engine is shutting down: it starts, resumes and restarts nothing from then on. */
    boolean isClosing() {
        return closing.get();
    }

    /** Refuses starts, resumes and restarts from now on; true for the first caller only. */
    boolean close() {
        return closing.compareAndSet(false, true);
    }

    /** @throws SolbotException if the engine is shutting down */
    void ensureOpen() {
        if (closing.get()) {
            throw closed();
        }
    }

    static SolbotException closed() {
        return new SolbotException("The engine is shut down and starts no bots");
    }

    // ---- runs ----

    /** Installs a new run and starts it ({@code onStart}, then ticks from {@code firstDue}); under the bot's lock. */
    void begin(Bot bot, Run run, long firstDue) {
        bot.install(run);
        callbacks.start(run);
        // queued under the lock, so that the wheel sees the commands of one bot in the order of its changes
        wheel.schedule(bot, run, firstDue);
    }

    /** A new run of the bot; a provider that throws makes the bot FAILED. */
    private Run createOrFail(Bot bot) {
        try {
            return runs.create(bot);
        } catch (RuntimeException e) {
            String reason = "strategy '" + bot.strategyId() + "' could not be created: " + e;
            fail(bot, reason);
            throw new SolbotException("Bot '" + bot.id() + "' is FAILED: " + reason, e);
        }
    }

    Run create(Bot bot) {
        return runs.create(bot);
    }

    // ---- operator transitions ----

    BotStatus pause(BotId botId) {
        Bot bot = require(botId);
        Run run;
        bot.lock().lock();
        try {
            run = bot.pause(clock.instant());
            records.write(bot);
        } finally {
            bot.lock().unlock();
        }
        callbacks.end(run, StopReason.PAUSED);
        events.publish(new EngineEvent.BotPaused(botId, clock.instant()));
        log.info("Bot '{}' paused", botId);
        return snapshot(bot);
    }

    BotStatus resume(BotId botId) {
        ensureOpen();
        Bot bot = require(botId);
        bot.lock().lock();
        try {
            if (bot.status() != RunStatus.PAUSED) {
                throw new IllegalBotStateException(botId, bot.status(), "resumed");
            }
            ensureOpen();
            Run run = createOrFail(bot);
            bot.resume(clock.instant());
            begin(bot, run, clock.nanos());
            records.write(bot);
        } finally {
            bot.lock().unlock();
        }
        events.publish(new EngineEvent.BotResumed(botId, clock.instant()));
        log.info("Bot '{}' resumed", botId);
        return snapshot(bot);
    }

    BotStatus restart(BotId botId) {
        ensureOpen();
        Bot bot = require(botId);
        Run old;
        int count;
        bot.lock().lock();
        try {
            // the shutdown may have stopped this bot since the check above
            ensureOpen();
            if (bot.status().isFinal()) {
                // a stopped or failed bot gave up its claim: take it again before it acts (another process may hold it)
                bot.journal().claim();
            }
            Run run = createOrFail(bot);
            old = bot.restart(clock.instant());
            count = bot.restartCount();
            begin(bot, run, clock.nanos());
            records.write(bot);
        } finally {
            bot.lock().unlock();
        }
        callbacks.end(old, StopReason.RESTARTING);
        bot.meters().restarts.increment();
        events.publish(new EngineEvent.BotRestarted(botId, count, "requested", clock.instant()));
        log.info("Bot '{}' restarted on request", botId);
        return snapshot(bot);
    }

    /**
     * Stops a running or paused bot; false if it is stopped or failed already. {@code write} false leaves the write to
     * the caller (the shutdown writes once every bot is idle).
     */
    boolean stop(Bot bot, StopReason reason, boolean write) {
        Run run;
        bot.lock().lock();
        try {
            if (!bot.stop(reason, clock.instant())) {
                return false;
            }
            run = bot.detachRun();
            if (write) {
                records.write(bot);
            }
        } finally {
            bot.lock().unlock();
        }
        callbacks.end(run, reason);
        if (write) {
            releaseClaim(bot);
        }
        events.publish(new EngineEvent.BotStopped(bot.id(), reason, clock.instant()));
        log.info("Bot '{}' stopped ({})", bot.id(), reason);
        return true;
    }

    /**
     * Stops a bot so that another process can take it over: as the shutdown stops it ({@code onStop(SHUTDOWN)}, its
     * journal entry kept with the status it had), then waits until its orders in flight settle or the deadline ({@link
     * System#nanoTime()}) passes, writes its records and gives up its claim. A bot stopped or failed already is only
     * written and released. True if nothing of the bot is in flight any more (its claim is given up).
     */
    boolean handOver(Bot bot, long deadlineNanos) {
        RunStatus before = bot.status();
        if (stop(bot, StopReason.SHUTDOWN, false)) {
            bot.resumeAs(before);
        }
        while (bot.book().hasOrdersInFlight() && deadlineNanos - System.nanoTime() > 0) {
            // an order's outcome arrives on another thread; a millisecond's wait is nothing next to a swap
            LockSupport.parkNanos(1_000_000L);
        }
        write(bot);
        boolean settled = !bot.book().hasOrdersInFlight();
        releaseClaim(bot);
        return settled;
    }

    /** Writes the bot's records now, under its lock. */
    void write(Bot bot) {
        bot.lock().lock();
        try {
            records.write(bot);
        } finally {
            bot.lock().unlock();
        }
    }

    /**
     * A bot stopped or failed for good gives up its claim, so another process may take it over. Not while an order of
     * it may still be in flight: then the claim holds until the order settles or this process ends.
     */
    @Override
    public void releaseClaim(Bot bot) {
        if (!bot.book().hasOrdersInFlight()) {
            try {
                bot.journal().release();
            } catch (RuntimeException e) {
                log.warn("Bot '{}': could not give up its claim: {}", bot.id(), e.toString());
            }
        }
    }

    // ---- halts (from settlement and the watchdog) ----

    @Override
    public void fail(Bot bot, String reason) {
        Run run;
        bot.lock().lock();
        try {
            if (!bot.fail(reason, clock.instant())) {
                return;
            }
            run = bot.detachRun();
            records.write(bot);
        } finally {
            bot.lock().unlock();
        }
        callbacks.end(run, StopReason.FAILED);
        releaseClaim(bot);
        events.publish(new EngineEvent.BotFailed(bot.id(), reason, clock.instant()));
        String previous = MDC.get(SolbotEngine.MDC_BOT_ID);
        MDC.put(SolbotEngine.MDC_BOT_ID, bot.id().value());
        try {
            log.error("Bot '{}' FAILED: {}", bot.id(), reason);
        } finally {
            if (previous == null) {
                MDC.remove(SolbotEngine.MDC_BOT_ID);
            } else {
                MDC.put(SolbotEngine.MDC_BOT_ID, previous);
            }
        }
    }

    @Override
    public void complete(Bot bot) {
        if (stop(bot, StopReason.COMPLETED, true)) {
            log.info("Bot '{}' completed its {} trades", bot.id(), bot.spec().maxTrades());
        }
    }

    // ---- the watchdog's restarts ----

    /**
     * Schedules a restart of the failing {@code run} after {@code backoff(recent restarts)} and ends the run, unless
     * the bot restarted {@code max} times within the window already or the run is no longer the one to restart.
     */
    Decision restartLater(Run run, long now, long windowNanos, int max, IntToLongFunction backoff) {
        Bot bot = run.bot();
        int recent;
        bot.lock().lock();
        try {
            recent = bot.markRestart(run, now, windowNanos, max, backoff);
            if (recent >= 0 && recent < max) {
                // queued under the lock: an operator's restart or resume that follows queues its tick after this
                // command, so the command cannot replace that tick's schedule
                wheel.scheduleRestart(bot, now + backoff.applyAsLong(recent));
            }
        } finally {
            bot.lock().unlock();
        }
        if (recent < 0) {
            return new Decision.Ignored();
        }
        if (recent >= max) {
            return new Decision.TooMany(recent);
        }
        callbacks.end(run, StopReason.RESTARTING);
        return new Decision.Later(backoff.applyAsLong(recent));
    }

    /** The restart the watchdog scheduled is due: a new run, ticking at once. */
    void restartByWatchdog(Bot bot) {
        int count;
        String cause;
        bot.lock().lock();
        try {
            if (bot.status() != RunStatus.RUNNING) {
                return;
            }
            if (!bot.restartPending()) {
                // a command that an operator's restart or resume overtook: the bot runs already, make sure it ticks
                Run run = bot.run();
                if (run != null && run.isCurrent()) {
                    wheel.schedule(bot, run, clock.nanos());
                }
                return;
            }
            Run run;
            try {
                run = runs.create(bot);
            } catch (RuntimeException e) {
                bot.cancelRestart();
                fail(bot, "strategy '" + bot.strategyId() + "' could not be created on restart: " + e);
                return;
            }
            count = bot.restartByWatchdog();
            cause = bot.figures().lastError() == null
                    ? "unknown"
                    : bot.figures().lastError();
            begin(bot, run, clock.nanos());
            records.write(bot);
        } finally {
            bot.lock().unlock();
        }
        bot.meters().restarts.increment();
        events.publish(new EngineEvent.BotRestarted(bot.id(), count, cause, clock.instant()));
        log.info("Bot '{}' restarted by the watchdog ({} restarts): {}", bot.id(), count, cause);
    }

    // ---- shutdown ----

    /**
     * Stops every bot that runs or is paused, for the shutdown, without writing yet; each keeps the status it had for
     * a recovery. Returns the bots stopped.
     */
    List<Bot> stopAll() {
        List<Bot> stopped = new ArrayList<>();
        for (Bot bot : bots.values()) {
            RunStatus before = bot.status();
            if (stop(bot, StopReason.SHUTDOWN, false)) {
                // an entry kept for recovery (orders in flight, fills not stored) brings the bot back as it was
                bot.resumeAs(before);
                stopped.add(bot);
            }
        }
        return stopped;
    }

    BotStatus snapshot(Bot bot) {
        return bot.snapshot(clock.instant(), clock.nanos());
    }

    Instant now() {
        return clock.instant();
    }
}
