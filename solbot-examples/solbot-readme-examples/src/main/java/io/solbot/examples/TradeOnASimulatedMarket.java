package io.solbot.examples;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.execution.PaperSettings.FailureRates;
import io.solbot.core.execution.PaperSettings.Partials;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.market.Listing;
import io.solbot.core.market.MarketRecorder;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** One paper order against a random market with launches, rugs and honeypots, its events recorded. */
public class TradeOnASimulatedMarket {
    public static void main(String[] args) throws Exception {
        RandomMarketSettings settings = RandomMarketSettings.defaults(42, Instant.parse("2026-01-01T00:00:00Z"))
                .withLaunches(0.02, 0.002, 0.2); // launch, rug and honeypot chances per step
        Path recording = Files.createTempFile("run", ".jsonl");
        try (SimulatedMarket market = SimulatedMarket.random(settings, Listing.WELL_KNOWN); // or scripted, replay
                MarketRecorder recorder = MarketRecorder.to(recording)) {
            market.listen(recorder); // every event the run consumes, as JSON lines
            PaperSettings paperSettings = PaperSettings.defaults(1)
                    .withExecModel(ExecModel.JITO_FALLBACK)
                    .withFailureRates(
                            new FailureRates(0.01, 0.01, 0.02, 0.10, 0.30)) // quote, build, send, land, bundle
                    .withPartials(new Partials(1, 3));
            try (PaperExecutor paper =
                    PaperExecutor.builder(paperSettings, market).build()) { // .executionLog(path), .timeline(t)
                market.advanceTo(settings.start().plusSeconds(60)); // whoever drives the run moves the market
                Mint bonk = Listing.BONK.mint();
                System.out.println("BONK costs " + market.price(bonk).orElseThrow() + " SOL after a minute");
                SwapOrder order = new SwapOrder(
                        OrderId.of("order-1"),
                        BotId.of("demo"),
                        bonk,
                        Side.BUY,
                        Lamports.ofSol("0.5").toTokenAmount(), // what the buy spends
                        300, // slippage in bps
                        Lamports.of(10_000), // priority fee
                        market.now());
                switch (paper.execute(order)) {
                    case SwapOutcome.Filled filled ->
                        filled.fills()
                                .forEach(f -> System.out.println("part " + f.part() + "/" + f.parts() + ": "
                                        + f.amountOut() + " BONK at " + f.price() + " SOL, fee " + f.fee() + ", tip "
                                        + f.tip()));
                    case SwapOutcome.Failed failed ->
                        System.out.println("failed at " + failed.failure().stage() + ": "
                                + failed.failure().reason());
                }
            }
        }
        // SimulatedMarket.replay(recording) is the same market again: the same orders get the same fills
        System.out.println(Files.readAllLines(recording).size() + " market events recorded");
    }
}
