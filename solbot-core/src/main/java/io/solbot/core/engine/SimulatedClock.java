package io.solbot.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Simulated time for tests, replays and backtests. An engine built with this clock has no scheduler thread: time
 * stands still until {@link #advance} moves it, and the engine runs every tick due on the way, in steps of {@link
 * #resolution()}, waiting after each step until the work it started (ticks, orders, fills, events) is done. A run
 * therefore goes as fast as the CPU allows and repeats exactly for the same seed.
 *
 * <p>Orders: the orders a step's callbacks place do not go to the executor at once. Once the step's ticks and
 * callbacks have settled, the engine executes them one after another, ordered by bot id and then by placement, and
 * delivers their fills and failures within the same step; orders placed by those callbacks follow the same way. So
 * every tick of a step sees the same market, and a run is a pure function of its inputs, whatever the thread timing.
 * Orders placed outside {@link #advance} (in {@code onStart}, say) wait for the next advance, or for shutdown.
 *
 * <p>A callback that has run for {@link #straggleAfter()} (real time) and is blocked (parked, sleeping, waiting for
 * a lock or I/O), or has run for ten times that whatever it does, is left behind as a straggler: the clock moves on
 * without it, so a strategy that blocks (on purpose, in a test) cannot stop time. Work that is merely slow, as on a
 * loaded machine or a cold JVM, is waited for, so the run stays the same.
 *
 * <p>Threading: {@link #instant()} may be called from any thread; {@link #advance} from one thread at a time. One
 * clock drives at most one engine.
 */
public final class SimulatedClock implements InstantSource {
    /** Moves simulated time for the engine it drives; implemented by the engine's scheduler. */
    interface Driver {
        void advanceTo(long targetNanos);
    }

    private final Instant start;
    private final Duration resolution;
    private final Duration straggleAfter;
    private volatile long nanos;
    private Driver driver;

    private SimulatedClock(Instant start, Duration resolution, Duration straggleAfter) {
        this.start = Objects.requireNonNull(start, "start");
        this.resolution = Objects.requireNonNull(resolution, "resolution");
        this.straggleAfter = Objects.requireNonNull(straggleAfter, "straggleAfter");
        if (resolution.isNegative() || resolution.isZero() || resolution.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("resolution must be between 1 ns and 1 s, but was " + resolution);
        }
        if (straggleAfter.isNegative()) {
            throw new IllegalArgumentException("straggleAfter must not be negative, but was " + straggleAfter);
        }
    }

    /** A clock at {@code start} that steps by 10 ms and leaves a callback behind after 5 s of real time. */
    public static SimulatedClock startingAt(Instant start) {
        return new SimulatedClock(start, Duration.ofMillis(10), Duration.ofSeconds(5));
    }

    /**
     * A clock at {@code start} that steps by {@code resolution} (ticks are due at most this late in simulated time;
     * coarser steps run faster) and leaves a callback behind after {@code straggleAfter} of real time.
     */
    public static SimulatedClock startingAt(Instant start, Duration resolution, Duration straggleAfter) {
        return new SimulatedClock(start, resolution, straggleAfter);
    }

    @Override
    public Instant instant() {
        return start.plusNanos(nanos);
    }

    public Duration resolution() {
        return resolution;
    }

    public Duration straggleAfter() {
        return straggleAfter;
    }

    /**
     * Moves time forward by {@code duration}, running everything that falls due on the way before it returns.
     *
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, but the duration was " + duration);
        }
        long target = Math.addExact(nanos, duration.toNanos());
        Driver d = driver;
        if (d == null) {
            nanos = target;
        } else {
            d.advanceTo(target);
            nanos = target;
        }
    }

    /** Simulated nanoseconds since {@link #startingAt start}. */
    long nanos() {
        return nanos;
    }

    void setNanos(long value) {
        if (value > nanos) {
            nanos = value;
        }
    }

    synchronized void attach(Driver d) {
        if (driver != null) {
            throw new IllegalStateException("this SimulatedClock already drives an engine; use one clock per engine");
        }
        driver = d;
    }

    synchronized void detach(Driver d) {
        if (driver == d) {
            driver = null;
        }
    }
}
