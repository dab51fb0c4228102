package io.solbot.launcher;

import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated market a paper run trades on: seeded, with the {@linkplain Listing#WELL_KNOWN well-known tokens}
 * listed under their real mints (so configs written for them run unchanged) beside the market's own random tokens and
 * launches, advanced in real time.
 */
final class PaperMarket implements AutoCloseable {
    private final SimulatedMarket market;
    private final ScheduledExecutorService clock;

    private PaperMarket(SimulatedMarket market, ScheduledExecutorService clock) {
        this.market = market;
        this.clock = clock;
    }

    /** Starts a market whose first step is now, advancing every {@code stepMillis} of real time. */
    static PaperMarket start(long seed, long stepMillis) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SimulatedMarket market = SimulatedMarket.random(RandomMarketSettings.defaults(seed, start), Listing.WELL_KNOWN);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("solbot-market").daemon().factory());
        clock.scheduleAtFixedRate(
                () -> market.advanceTo(Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                stepMillis,
                stepMillis,
                TimeUnit.MILLISECONDS);
        return new PaperMarket(market, clock);
    }

    SimulatedMarket market() {
        return market;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        market.close();
    }
}
