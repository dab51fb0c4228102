package io.solbot.launcher;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated market a paper run trades on: seeded, with a few well-known tokens listed under their real mints (so
 * configs written for them run unchanged) beside the market's own random tokens and launches, advanced in real time.
 */
final class PaperMarket implements AutoCloseable {
    /** Tokens every paper run lists, at roughly their late-2026 prices in SOL. */
    static final List<Listing> LISTINGS = List.of(
            new Listing(
                    Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263"),
                    "BONK",
                    5,
                    Lamports.ofSol("2000"),
                    Price.of("0.00000012")),
            new Listing(
                    Mint.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN"),
                    "JUP",
                    6,
                    Lamports.ofSol("5000"),
                    Price.of("0.0045")),
            new Listing(
                    Mint.of("EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm"),
                    "WIF",
                    6,
                    Lamports.ofSol("3000"),
                    Price.of("0.0062")));

    private final SimulatedMarket market;
    private final ScheduledExecutorService clock;

    private PaperMarket(SimulatedMarket market, ScheduledExecutorService clock) {
        this.market = market;
        this.clock = clock;
    }

    /** Starts a market whose first step is now, advancing every {@code stepMillis} of real time. */
    static PaperMarket start(long seed, long stepMillis) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SimulatedMarket market = SimulatedMarket.random(RandomMarketSettings.defaults(seed, start), LISTINGS);
        market.advanceTo(start);
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
