package io.solbot.core.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Spaces calls to a remote service at most {@code perSecond} a second: each {@link #acquire()} reserves the next free
 * slot and waits for it. One limiter per remote quota is shared by every bot of the JVM ({@link #shared}), because the
 * quota (Jupiter counts per organisation) is the JVM's, not a bot's.
 *
 * <p>Thread-safe; callers wait in parallel for their own slots (cheap on virtual threads).
 */
public final class RateLimiter {
    private static final Map<String, RateLimiter> SHARED = new ConcurrentHashMap<>();

    /** Waits a number of nanoseconds; interruptible. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long intervalNanos;
    private long nextFree;
    private boolean started;

    RateLimiter(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = interval(perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** A limiter of its own, on the system's clock. */
    public static RateLimiter perSecond(double perSecond) {
        return new RateLimiter(perSecond, System::nanoTime, nanos -> Thread.sleep(Duration.ofNanos(nanos)));
    }

    /**
     * The JVM's one limiter for {@code quota} (for example a host and an API key's organisation); a second caller
     * asking for a lower rate lowers it for everyone, never raises it.
     */
    public static RateLimiter shared(String quota, double perSecond) {
        RateLimiter limiter = SHARED.computeIfAbsent(quota, q -> perSecond(perSecond));
        limiter.lowerTo(perSecond);
        return limiter;
    }

    private static long interval(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("requests per second must be positive, but was " + perSecond);
        }
        return (long) Math.ceil(1_000_000_000L / perSecond);
    }

    synchronized void lowerTo(double perSecond) {
        intervalNanos = Math.max(intervalNanos, interval(perSecond));
    }

    /** Waits for the next free slot; returns how long it waited, in nanoseconds. */
    public long acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = started && nextFree - now > 0 ? nextFree : now;
            started = true;
            nextFree = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
        return wait;
    }
}
