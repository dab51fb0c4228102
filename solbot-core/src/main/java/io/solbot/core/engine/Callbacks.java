package io.solbot.core.engine;

import io.solbot.core.spi.StopReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Calls a run's strategy: its ticks (from the scheduler, through the run's lane) and its messages ({@code onStart},
 * {@code onFill}, {@code onOrderFailed}, {@code onStop}, posted to the lane). Each call runs with the bot id in the MDC
 * and its thread known to the lane, so the watchdog can interrupt a stuck one; a callback that throws is reported to
 * the {@link Watchdog}, except {@code onStop}, whose exceptions are logged and ignored.
 */
final class Callbacks {
    private static final Logger log = LoggerFactory.getLogger(Callbacks.class);

    /** What a callback of a run does; may throw anything a strategy throws. */
    interface Callback {
        void run() throws Exception;
    }

    /** Where a callback's failure goes. */
    interface Failures {
        void callbackFailed(Run run, String callback, Throwable e);
    }

    private final Jobs jobs;
    private final EngineClock clock;
    private Failures failures;

    Callbacks(Jobs jobs, EngineClock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Set once, while the engine is built: the watchdog and the callbacks need each other. */
    void failuresTo(Failures failures) {
        this.failures = failures;
    }

    /**
     * Runs one tick of {@code run}, tallied in {@code tally}; the caller holds the run's lane. Reads nothing of the bot
     * but through the run: a current run belongs to a RUNNING bot with no restart pending.
     */
    void tick(Run run, TickTally tally) {
        if (!run.isCurrent()) {
            return;
        }
        long startCpu = System.nanoTime();
        long start = clock.nanosAt(startCpu);
        run.running(start);
        MDC.put(SolbotEngine.MDC_BOT_ID, run.mdcBotId);
        run.ticked(start);
        try {
            run.strategy().onTick(run.ctx());
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            failures.callbackFailed(run, "onTick", e);
        } finally {
            tally.ticked(run.meters, start - run.dueNanos, System.nanoTime() - startCpu);
            MDC.remove(SolbotEngine.MDC_BOT_ID);
            run.idle();
            clearInterrupt();
        }
    }

    /** Runs {@code callback} on the run's lane, after whatever the lane is doing now; dropped if the run ended. */
    void post(Run run, String name, Callback callback) {
        run.post(() -> call(run, name, callback), jobs::submit);
    }

    /** Posts the run's {@code onStart}. */
    void start(Run run) {
        post(run, "onStart", () -> run.strategy().onStart(run.ctx()));
    }

    /** Ends the run (once): it stops being current at once, and its {@code onStop} runs after its lane's work. */
    void end(Run run, StopReason reason) {
        if (run == null || !run.end()) {
            return;
        }
        run.post(
                () -> {
                    MDC.put(SolbotEngine.MDC_BOT_ID, run.bot().id().value());
                    try {
                        run.strategy().onStop(run.ctx(), reason);
                    } catch (RuntimeException | LinkageError | AssertionError e) {
                        log.warn("Bot '{}' threw in onStop; ignored", run.bot().id(), e);
                    } finally {
                        MDC.remove(SolbotEngine.MDC_BOT_ID);
                    }
                },
                jobs::submit);
    }

    private void call(Run run, String name, Callback callback) {
        if (!run.isCurrent()) {
            return;
        }
        run.running(clock.nanos());
        MDC.put(SolbotEngine.MDC_BOT_ID, run.mdcBotId);
        try {
            callback.run();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            failures.callbackFailed(run, name, e);
        } finally {
            MDC.remove(SolbotEngine.MDC_BOT_ID);
            run.idle();
            clearInterrupt();
        }
    }

    /**
     * A watchdog interrupt meant for this callback must not leak into the next one on this thread. Checked first:
     * clearing costs a lock on a virtual thread, and a fifth of the engine's CPU at a million ticks a second.
     */
    private static void clearInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            Thread.interrupted();
        }
    }
}
