package io.solbot.examples;

import io.solbot.core.config.BotsFileLoader;
import io.solbot.core.config.ConfigReport;
import io.solbot.core.config.Plan;
import io.solbot.core.plugin.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads and validates a bots file of built-in strategies, then prints its plan; and the errors of a bad one. */
public class PlanBotsFile {
    public static void main(String[] args) throws IOException {
        Path file = Files.createTempFile("bots", ".yaml");
        Files.writeString(file, """
                bots:
                  - id: sniper-trending
                    mode: sniper
                    wallet: main
                    config: {amountToSpend: 0.05, slippage: 1, interval: 30, maxTrades: 10, tokenFeed: trending,
                             takeProfit: 25, stopLoss: 10, priorityFeeLamports: 10000}
                  - id: chad-bonk
                    mode: chadMode
                    wallet: degen
                    config: {outputMint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, amountToSpend: 0.03,
                             slippage: 12, interval: 20, maxTrades: 1}
                """);
        try (StrategyRegistry strategies =
                StrategyRegistry.builder().discoverClassPath().build()) {
            BotsFileLoader loader = BotsFileLoader.using(strategies);
            ConfigReport report = loader.load(file); // every error at once, never the first only
            if (report.isValid()) {
                System.out.print(Plan.of(report.bots()).render()); // exposure, fee budget, warnings per bot and wallet
                report.bots()
                        .forEach(b -> b.settings() // what the engine will enforce around each bot
                                .ifPresent(s ->
                                        System.out.println(b.id() + ": " + s.maxTrades() + " trades at most, one every "
                                                + s.interval().toSeconds() + " s or more")));
            }

            ConfigReport bad = loader.parse("""
                    bots:
                      - id: sniper-1
                        mode: snipr
                        config: {amountToSpend: 0.05}
                      - id: sniper-2
                        mode: sniper
                        config: {amountToSpend: 0, slippage: 150, interval: 30, maxTrades: 25, tokenFeed: trending}
                    """, "bad.yaml");
            bad.violations().forEach(v -> System.out.println(v.message()));
        }
    }
}
