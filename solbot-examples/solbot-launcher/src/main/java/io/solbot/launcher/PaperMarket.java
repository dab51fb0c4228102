package io.solbot.launcher;

import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated market a paper run trades on: seeded, with the {@linkplain Listing#WELL_KNOWN well-known tokens}
 * listed under their real mints (so configs written for them run unchanged) beside the market's own random tokens and
 * launches, and three smart wallets whose swaps a copy trader can follow ({@link RandomMarketSettings#smartWallet}),
 * advanced in real time.
 */
final class PaperMarket implements AutoCloseable {
    /** The smart wallets of the launcher's markets, each trading at about one step in fifty. */
    static final int SMART_WALLETS = 3;

    private static final double SMART_WALLET_ACTIVITY = 0.02;

    private final SimulatedMarket market;
    private final ScheduledExecutorService ticker;

    private PaperMarket(SimulatedMarket market, ScheduledExecutorService ticker) {
        this.market = market;
        this.ticker = ticker;
    }

    /** Starts a market whose first step is {@code clock}'s now, advancing with it every {@code stepMillis}. */
    static PaperMarket start(long seed, long stepMillis, Clock clock) {
        Instant start = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SimulatedMarket market = SimulatedMarket.random(settings(seed, start), Listing.WELL_KNOWN);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("solbot-market").daemon().factory());
        ticker.scheduleAtFixedRate(
                () -> market.advanceTo(clock.instant().truncatedTo(ChronoUnit.MILLIS)),
                stepMillis,
                stepMillis,
                TimeUnit.MILLISECONDS);
        return new PaperMarket(market, ticker);
    }

    /** The random market of the launcher's paper runs and backtests: the defaults with its smart wallets. */
    static RandomMarketSettings settings(long seed, Instant start) {
        return RandomMarketSettings.defaults(seed, start).withSmartWallets(SMART_WALLETS, SMART_WALLET_ACTIVITY);
    }

    SimulatedMarket market() {
        return market;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        market.close();
    }
}
