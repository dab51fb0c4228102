package io.solbot.core.engine;

import io.solbot.core.spi.BotHaltException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a bot whose callback threw or whose tick got stuck, with exponential backoff ({@code initial}, twice that,
 * ... up to {@code max}); after {@code maxRestarts} restarts within the window the next failure makes the bot FAILED.
 * A stuck tick is reported by the {@link TimingWheel} (its lane busy for more than {@code staleAfterIntervals}
 * intervals); the watchdog ends the run first and then interrupts the stuck thread, so the interrupted tick's
 * exception counts as the end of a replaced run, not as a second failure. A {@link BotHaltException} is no failure
 * to restart from: the bot is FAILED at once, with the exception's message as its reason. Other bots are never
 * touched.
 */
final class Watchdog implements Callbacks.Failures, TimingWheel.Listener {
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final EngineClock clock;
    private final Jobs jobs;
    private final Lifecycle lifecycle;
    private final int staleAfterIntervals;
    private final long backoffInitialNanos;
    private final long backoffMaxNanos;
    private final int maxRestarts;
    private final Duration window;

    Watchdog(EngineSettings settings, EngineClock clock, Jobs jobs, Lifecycle lifecycle) {
        this.clock = clock;
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.staleAfterIntervals = settings.staleAfterIntervals();
        this.backoffInitialNanos = settings.backoffInitial().toNanos();
        this.backoffMaxNanos = settings.backoffMax().toNanos();
        this.maxRestarts = settings.maxRestarts();
        this.window = settings.restartWindow();
    }

    @Override
    public void callbackFailed(Run run, String callback, Throwable e) {
        Bot bot = run.bot();
        if (!run.isCurrent()) {
            // a run the watchdog already replaced (often a stuck tick it interrupted): its end is no news
            log.debug("Bot '{}' ended a replaced run with {} throwing {}", bot.id(), callback, e.toString());
            return;
        }
        if (e instanceof BotHaltException halt) {
            // the strategy stops its bot on purpose: no restart would change its mind
            log.warn("Bot '{}' halts itself in {}: {}", bot.id(), callback, halt.getMessage());
            jobs.submit(() -> lifecycle.fail(bot, halt.getMessage()));
            return;
        }
        String cause = callback + " threw " + e;
        bot.figures().failed(cause);
        bot.meters().errors.increment();
        log.warn("Bot '{}' failed in {}", bot.id(), callback, e);
        restartLater(run, cause);
    }

    @Override
    public void stalled(Run run, long busyNanos) {
        jobs.submit(() -> {
            Bot bot = run.bot();
            String cause = "no tick finished for " + Duration.ofNanos(busyNanos).toMillis() + " ms (more than "
                    + staleAfterIntervals + " intervals of " + bot.spec().interval() + ")";
            bot.figures().failed(cause);
            bot.meters().errors.increment();
            log.warn("Bot '{}' is stuck: {}", bot.id(), cause);
            Thread owner = run.owner;
            restartLater(run, cause);
            if (owner != null && run.owner == owner) {
                owner.interrupt();
            }
        });
    }

    @Override
    public void restartDue(Bot bot) {
        jobs.submit(() -> lifecycle.restartByWatchdog(bot));
    }

    /** Ends the failing run and schedules its restart after a backoff, or fails the bot after too many restarts. */
    private void restartLater(Run run, String cause) {
        long now = clock.nanos();
        Lifecycle.Decision decision = lifecycle.restartLater(run, now, window.toNanos(), maxRestarts, recent -> {
            return Math.min(backoffMaxNanos, backoffInitialNanos << Math.min(recent, 30));
        });
        switch (decision) {
            case Lifecycle.Decision.Ignored ignored -> {}
            case Lifecycle.Decision.Later later ->
                log.info(
                        "Bot '{}' restarts in {} ms",
                        run.bot().id(),
                        Duration.ofNanos(later.backoffNanos()).toMillis());
            case Lifecycle.Decision.TooMany tooMany ->
                lifecycle.fail(
                        run.bot(),
                        "restarted " + tooMany.recent() + " times within " + window + " and failed again: " + cause);
        }
    }
}
