package io.solbot.core.market;

import java.io.Closeable;
import java.time.Instant;

/** Where a {@link SimulatedMarket}'s events come from: a generator, a scripted series or a recorded file. */
interface EventSource extends Closeable {
    /**
     * The next event due at or before {@code until}, or null if there is none yet. A generator may read {@code
     * market}'s current state to size what it generates.
     */
    MarketEvent next(Instant until, SimulatedMarket market);

    /** When the next event is due, or null if the source is exhausted. */
    Instant nextTime();

    @Override
    default void close() {}
}
