package io.solbot.core.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how long the host kept a plain platform thread from running: it asks to wake every 5 ms and records the
 * worst overshoot. A wall-clock test reads it to tell a failure of the code under test from a stall of the machine
 * (a hypervisor steal, a neighbour's build), which no scheduler can hide.
 */
final class HostStallProbe implements AutoCloseable {
    private static final long PERIOD = TimeUnit.MILLISECONDS.toNanos(5);
    private final AtomicLong worst = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    HostStallProbe() {
        thread = Thread.ofPlatform().name("host-stall-probe").daemon().start(this::run);
    }

    private void run() {
        long last = System.nanoTime();
        while (!closed) {
            LockSupport.parkNanos(PERIOD);
            long now = System.nanoTime();
            worst.accumulateAndGet(now - last - PERIOD, Math::max);
            last = now;
        }
    }

    /** The longest the probe woke late since it started, in milliseconds. */
    long worstStallMillis() {
        return TimeUnit.NANOSECONDS.toMillis(worst.get());
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join();
    }
}
