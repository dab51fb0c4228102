package io.solbot.core.engine;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link TimingWheel} in real time: one platform thread at the highest priority processes each slot once its
 * time has passed, then sleeps until the next slot that holds anything (or until a schedule wakes it). While batches
 * are in flight it wakes every millisecond to give a stuck one a helper.
 */
final class RealTimeDriver {
    private final TimingWheel wheel;
    private final EngineClock clock;
    private volatile boolean stopped;
    private volatile Thread thread;

    RealTimeDriver(TimingWheel wheel, EngineClock clock) {
        this.wheel = wheel;
        this.clock = clock;
        wheel.onSchedule(() -> {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        });
    }

    void start() {
        Thread t = Thread.ofPlatform()
                .name("solbot-scheduler")
                .daemon(true)
                .priority(Thread.MAX_PRIORITY)
                .unstarted(this::loop);
        thread = t;
        t.start();
    }

    /** Stops dispatching and waits (up to 5 s) for the thread to end; ticks already handed out still run. */
    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (!stopped) {
            try {
                wheel.drainCommands();
                wheel.advanceTo(clock.nanos());
                wheel.rescue();
                park();
            } catch (RuntimeException | Error e) {
                // the scheduler must never die: a bug here would stop every bot
                LoggerFactory.getLogger(RealTimeDriver.class).error("The scheduler hit a bug", e);
            }
        }
    }

    private void park() {
        if (wheel.hasCommands()) {
            return;
        }
        boolean helping = wheel.hasBatchesInFlight();
        if (wheel.isEmpty()) {
            LockSupport.parkNanos(helping ? 1_000_000L : 50_000_000L);
            return;
        }
        long wait = wheel.nextBusySlotEnd() - clock.nanos();
        if (helping) {
            wait = Math.min(wait, 1_000_000L);
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
