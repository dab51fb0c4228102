package io.solbot.core.engine;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The engine's two clocks: {@link #instant()} for what is written down (events, records, cooldowns), and {@link
 * #nanos()}, monotonic, for due times, lateness and stall detection. On a {@link SimulatedClock} both are simulated.
 * Thread-safe.
 */
final class EngineClock {
    private final InstantSource clock;
    private final SimulatedClock simulated;
    private final long origin = System.nanoTime();

    EngineClock(InstantSource clock) {
        this.clock = clock;
        this.simulated = clock instanceof SimulatedClock s ? s : null;
    }

    /** Monotonic nanoseconds since the engine was built (simulated: since the clock's start). */
    long nanos() {
        return simulated != null ? simulated.nanos() : System.nanoTime() - origin;
    }

    /** {@link #nanos()} at the moment {@link System#nanoTime()} returned {@code systemNanos}; saves a second call. */
    long nanosAt(long systemNanos) {
        return simulated != null ? simulated.nanos() : systemNanos - origin;
    }

    Instant instant() {
        return clock.instant();
    }

    /** The simulated clock, or null in real time. */
    SimulatedClock simulated() {
        return simulated;
    }

    boolean isSimulated() {
        return simulated != null;
    }
}
