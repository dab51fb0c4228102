package io.solbot.examples;

import com.example.hold.HoldProvider;
import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.engine.StartedBots;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.plugin.StrategyRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Paper-trades the bots of a bots file for a few seconds on a simulated market that moves in real time. */
public class RunBotsFile {
    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("bots", ".yaml");
        Files.writeString(file, """
                bots:
                  - id: bonk-hold
                    mode: hold
                    config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, amountSol: 0.05, takeProfitPct: 2,
                             stopLossPct: 2, holdSeconds: 2, interval: 1}
                  - id: wif-hold
                    mode: hold
                    config: {mint: EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm, amountSol: 0.1, takeProfitPct: 5,
                             stopLossPct: 3, holdSeconds: 2, interval: 1}
                """);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ScheduledExecutorService marketTime = Executors.newSingleThreadScheduledExecutor();
        try (StrategyRegistry strategies =
                        StrategyRegistry.builder().register(new HoldProvider()).build();
                // BONK, JUP and WIF under their real mints, beside the market's own random tokens
                SimulatedMarket market =
                        SimulatedMarket.random(RandomMarketSettings.defaults(42, start), Listing.WELL_KNOWN);
                PaperExecutor paper =
                        PaperExecutor.builder(PaperSettings.defaults(7), market).build();
                SolbotEngine engine = SolbotEngine.builder() // in-memory stores and journal, the system clock
                        .strategies(strategies)
                        .marketData(market) // io.solbot.core.market.MarketData: simulated or live
                        .swapExecutor(paper) // io.solbot.core.execution.SwapExecutor: paper or live
                        .shutdownHook(Duration.ofSeconds(10)) // SIGINT/SIGTERM: stop ticking, finish orders
                        .build()) {
            engine.subscribe(e -> {
                if (e instanceof EngineEvent.BotFailed failed) {
                    System.out.println(failed.botId() + " failed: " + failed.reason());
                }
            });
            ConfigReport report = BotsFileLoader.using(strategies).load(file);
            // a simulated market moves only when it is advanced: here to the wall clock, every 100 ms
            marketTime.scheduleAtFixedRate(
                    () -> market.advanceTo(Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                    100,
                    100,
                    TimeUnit.MILLISECONDS);
            StartedBots started = engine.startAll(report); // each bot with its config's interval and limits
            started.notStarted().forEach((id, reason) -> System.out.println(id + " did not start: " + reason));

            Thread.sleep(4_500);
            engine.pause(BotId.of("wif-hold")); // resume(id), stop(id), restart(id)
            engine.statuses()
                    .forEach(s -> System.out.println(s.botId() + " " + s.status() + ": " + s.tickCount() + " ticks, "
                            + s.trades() + " trades, " + s.openPositions() + " open, last error "
                            + s.lastError().orElse("none")));
        } finally {
            marketTime.shutdownNow();
        }
    }
}
