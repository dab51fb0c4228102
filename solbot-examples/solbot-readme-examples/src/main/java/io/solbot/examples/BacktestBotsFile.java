package io.solbot.examples;

import com.example.hold.HoldProvider;
import io.solbot.core.backtest.Backtest;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.MarketRecorder;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.plugin.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Backtests the bots of a bots file over an hour of simulated time, then replays the recorded market. */
public class BacktestBotsFile {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    public static void main(String[] args) throws IOException {
        Path file = Files.createTempFile("bots", ".yaml");
        Files.writeString(file, """
                bots:
                  - id: bonk-hold
                    mode: hold
                    config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, amountSol: 0.05, takeProfitPct: 2,
                             stopLossPct: 2, holdSeconds: 120, interval: 5, maxTrades: 20}
                  - id: wif-hold
                    mode: hold
                    config: {mint: EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm, amountSol: 0.1, takeProfitPct: 5,
                             stopLossPct: 3, holdSeconds: 300, interval: 10}
                """);
        Path recording = Files.createTempFile("market", ".jsonl");
        try (StrategyRegistry strategies =
                StrategyRegistry.builder().register(new HoldProvider()).build()) {
            ConfigReport bots = BotsFileLoader.using(strategies).load(file);
            String first;
            try (SimulatedMarket market =
                            SimulatedMarket.random(RandomMarketSettings.defaults(42, START), Listing.WELL_KNOWN);
                    MarketRecorder recorder = MarketRecorder.to(recording)) {
                market.listen(recorder); // every event the run consumes, as JSON lines
                first = backtest(market, strategies, bots);
            }
            try (SimulatedMarket replay = SimulatedMarket.replay(recording)) {
                String again = backtest(replay, strategies, bots);
                System.out.println("the replay traded the same: " + first.equals(again));
            }
        }
    }

    /** Runs {@code bots} for an hour of {@code market}'s time, as fast as the CPU allows; prints what they did. */
    static String backtest(SimulatedMarket market, StrategyRegistry strategies, ConfigReport bots) {
        try (Backtest backtest = Backtest.builder(market)
                .paper(PaperSettings.defaults(7)) // the paper executor's model, latencies, failures and seed
                .engine(engine -> engine.strategies(strategies).seed(1))
                .build()) {
            backtest.engine().startAll(bots); // throws, naming every error, if the file is not valid
            Backtest.Result result = backtest.runUntil(START.plus(Duration.ofHours(1)));
            backtest.engine()
                    .statuses()
                    .forEach(s -> System.out.println(s.botId() + " " + s.status() + ": " + s.tickCount() + " ticks, "
                            + s.trades() + " trades, " + s.openPositions() + " open"));
            System.out.println(
                    result.fills().size() + " fills, " + result.failures().size() + " failed orders, " + result.events()
                            + " market events; fingerprint " + result.fingerprint());
            return result.fingerprint(); // SHA-256 over every fill and failure
        }
    }
}
