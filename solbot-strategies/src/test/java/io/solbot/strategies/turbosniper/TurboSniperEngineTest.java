package io.solbot.strategies.turbosniper;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The turbo sniper in a real engine on a simulated market, with the paper executor. */
class TurboSniperEngineTest {
    private static final Instant START = EngineRuns.START;
    private static final BotId BOT = BotId.of("turbo-1");
    private static final String BASE = "{amountToSpend: 0.3, slippage: 3, interval: 1, maxTrades: 1,"
            + " haltOnFailures: 10, monitoredTokens: [" + BONK + "], entryThreshold: 0, volumeThreshold: 0,"
            + " minPoolUsd: 0, maxSlippage: 0.5}";

    private static Backtest backtest(SimulatedMarket market, UnaryOperator<PaperSettings> paper) {
        return Backtest.builder(market)
                .paper(paper.apply(PaperSettings.defaults(15)))
                .engine(engine ->
                        engine.strategyProvider(new TurboSniperProvider()).seed(15))
                .build();
    }

    private static List<Fill> buys(Backtest.Result result) {
        return result.fills().stream().filter(f -> f.side() == Side.BUY).toList();
    }

    /** Three tranches a minute apart; the engine restarts the bot after the first filled, then runs ten minutes. */
    private static List<Fill> restartedInTheMiddle(String resume) {
        TurboSniperConfig config = Scripts.config(
                "turboSniper",
                BASE,
                "{iceberg: {enabled: true, tranches: 3, trancheDelayMs: 60000}," + " idempotency: {resumeFromLast: "
                        + resume + "}}");
        try (SimulatedMarket market =
                        SimulatedMarket.random(RandomMarketSettings.defaults(15, START), Listing.WELL_KNOWN);
                Backtest backtest = backtest(market, UnaryOperator.identity())) {
            backtest.engine().start(BotSpec.builder(BOT, "turbo-sniper", config).build());
            assertThat(buys(backtest.runUntil(START.plusSeconds(20)))).hasSize(1);
            backtest.engine().restart(BOT);
            return buys(backtest.runUntil(START.plus(Duration.ofMinutes(10))));
        }
    }

    @Test
    void shouldNeverBuyASignalAgainAfterARestartInTheMiddleOfIt() {
        // the signal was written before its first order: the restarted bot neither buys the token again nor, as
        // resumeFromLast is off, the rest of the signal
        assertThat(restartedInTheMiddle("false")).hasSize(1);
    }

    @Test
    void shouldResumeTheRestOfASignalAfterARestartWhenAskedAndStillBuyItOnce() {
        List<Fill> buys = restartedInTheMiddle("true");
        assertThat(buys).hasSize(3);
        assertThat(buys).extracting(Fill::sol).containsOnly(Lamports.ofSol("0.1"));
    }

    @Test
    void shouldHaltTheBotWhenItsKillSwitchFiresAndHaltAgainOnARestart() throws Exception {
        TurboSniperConfig config = Scripts.config(
                "turboSniper",
                BASE,
                "{maxTrades: 5, killSwitch: true, killThreshold: 2,"
                        + " iceberg: {enabled: true, tranches: 4, trancheDelayMs: 0}}");
        List<String> failed = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(2);
        try (SimulatedMarket market =
                        SimulatedMarket.random(RandomMarketSettings.defaults(15, START), Listing.WELL_KNOWN);
                Backtest backtest =
                        backtest(market, p -> p.withFailureRates(new PaperSettings.FailureRates(0, 0, 1, 0, 0)))) {
            backtest.engine().subscribe(e -> {
                if (e instanceof EngineEvent.BotFailed f) {
                    failed.add(f.reason());
                    first.countDown();
                    second.countDown();
                }
            });
            backtest.engine().start(BotSpec.builder(BOT, "turbo-sniper", config).build());
            backtest.runUntil(START.plusSeconds(30));
            assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failed.getFirst())
                    .startsWith("kill switch: 2 failed orders (killThreshold 2); the last failed at send");
            assertThat(backtest.engine().status(BOT).status()).isEqualTo(RunStatus.FAILED);
            assertThat(backtest.result().fills()).isEmpty();
            int failures = backtest.result().failures().size();

            backtest.engine().restart(BOT); // the same config: it halts again at its start, before any order
            backtest.runUntil(START.plusSeconds(60));
            assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failed.get(1)).contains("the kill switch stays until the config turns killSwitch off");
            assertThat(backtest.engine().status(BOT).status()).isEqualTo(RunStatus.FAILED);
            assertThat(backtest.result().failures()).hasSize(failures);
        }
    }

    @Test
    void shouldSellItsLadderOverPartialFills() {
        // every order filled in three parts: each rung sells its share of what the entry's parts bought
        TurboSniperConfig config = Scripts.config(
                "turboSniper", BASE, "{takeProfit: 1, tpLadder: [30, 30], stopLossPercent: 20, maxTrades: 1}");
        try (SimulatedMarket market =
                        SimulatedMarket.random(RandomMarketSettings.defaults(15, START), Listing.WELL_KNOWN);
                Backtest backtest = backtest(market, p -> p.withPartials(new PaperSettings.Partials(3, 3)))) {
            backtest.engine().start(BotSpec.builder(BOT, "turbo-sniper", config).build());
            Backtest.Result result = backtest.runUntil(START.plus(Duration.ofHours(2)));
            List<Fill> bought = buys(result);
            List<Fill> sells =
                    result.fills().stream().filter(f -> f.side() == Side.SELL).toList();
            assertThat(bought).hasSize(3).allSatisfy(f -> assertThat(f.parts()).isEqualTo(3));
            BigInteger held = bought.stream().map(f -> f.amountOut().raw()).reduce(BigInteger.ZERO, BigInteger::add);
            List<String> reasons = sells.stream().map(Fill::reason).distinct().toList();
            assertThat(reasons).startsWith("take-profit-1");
            BigInteger share = held.multiply(BigInteger.valueOf(30)).divide(BigInteger.valueOf(100));
            assertThat(sold(sells, "take-profit-1")).isEqualTo(share);
            if (reasons.contains("take-profit-2")) {
                // 30 of the 70 % left, rounded down once more
                assertThat(sold(sells, "take-profit-2")).isBetween(share.subtract(BigInteger.ONE), share);
            }
            assertThat(sells.stream().map(f -> f.amountIn().raw()).reduce(BigInteger.ZERO, BigInteger::add))
                    .isLessThanOrEqualTo(held);
        }
    }

    private static BigInteger sold(List<Fill> sells, String reason) {
        return sells.stream()
                .filter(f -> f.reason().equals(reason))
                .map(f -> f.amountIn().raw())
                .reduce(BigInteger.ZERO, BigInteger::add);
    }
}
