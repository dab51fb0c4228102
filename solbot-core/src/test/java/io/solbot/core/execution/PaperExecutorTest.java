package io.solbot.core.execution;

import static io.solbot.core.testing.Markets.T0;
import static io.solbot.core.testing.Markets.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.execution.PaperSettings.FailureRates;
import io.solbot.core.execution.PaperSettings.Latency;
import io.solbot.core.execution.PaperSettings.Partials;
import io.solbot.core.market.MarketEvent;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.testing.FaultyDisk;
import io.solbot.core.testing.Markets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperExecutorTest {
    private static final BotId BOT = BotId.of("paper-1");
    private static final Lamports PRIORITY = Lamports.of(10_000);
    private static final TokenAmount ONE_SOL = TokenAmount.of(1_000_000_000L, 9);

    private static PaperSettings settings(ExecModel model) {
        return PaperSettings.defaults(7)
                .withExecModel(model)
                .withLatency(new Latency(30, 10, 20, 400))
                .withSlippageBpsCap(500);
    }

    private static SwapOrder order(String id, Side side, TokenAmount amount, Instant at) {
        return new SwapOrder(OrderId.of(id), BOT, TOKEN, side, amount, 100, PRIORITY, at);
    }

    private static List<Fill> filled(SwapOutcome outcome) {
        assertThat(outcome).isInstanceOf(SwapOutcome.Filled.class);
        return ((SwapOutcome.Filled) outcome).fills();
    }

    private static SwapOutcome.Failed failed(SwapOutcome outcome) {
        assertThat(outcome).isInstanceOf(SwapOutcome.Failed.class);
        return (SwapOutcome.Failed) outcome;
    }

    @Test
    void shouldFillAnAmmDepthBuyExactlyToTheLamportAgainstAHandComputation() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor =
                PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), market).build();

        Fill fill = filled(executor.execute(order("o1", Side.BUY, ONE_SOL, T0))).getFirst();

        // 100 SOL / 1e12 raw, 0.25 % fee: floor(1e12 × 1e9·9975 / (1e11·10000 + 1e9·9975)) = 9 876 482 091
        assertThat(fill.amountIn()).isEqualTo(ONE_SOL);
        assertThat(fill.amountOut()).isEqualTo(TokenAmount.of(9_876_482_091L, 6));
        assertThat(fill.price())
                .isEqualTo(Price.ofTrade(Lamports.of(1_000_000_000L), TokenAmount.of(9_876_482_091L, 6)));
        // 5 000 signature fee + 10 000 priority fee, no tip
        assertThat(fill.fee()).isEqualTo(Lamports.of(15_000));
        assertThat(fill.tip()).isEqualTo(Lamports.ZERO);
        assertThat(fill.part()).isEqualTo(1);
        assertThat(fill.parts()).isEqualTo(1);
        assertThat(fill.submittedAt()).isEqualTo(T0);
        // quote 30 + build 10 + send 20 + land 400
        assertThat(fill.filledAt()).isEqualTo(T0.plusMillis(460));
        Pool after = market.pool(TOKEN).orElseThrow();
        assertThat(after.solReserve()).isEqualTo(Lamports.of(101_000_000_000L));
        assertThat(after.tokenReserve()).isEqualTo(TokenAmount.of(1_000_000_000_000L - 9_876_482_091L, 6));
    }

    @Test
    void shouldSimulateABotsOrdersWithItsOwnSettingsAndTheOthersWithTheExecutors() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor =
                PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), market).build();
        BotId other = BotId.of("paper-2");
        executor.simulateBotWith(BOT, s -> s.withPartials(new Partials(3, 3)).withLatency(Latency.NONE));

        List<Fill> own = filled(executor.execute(order("o1", Side.BUY, ONE_SOL, T0)));
        List<Fill> others = filled(
                executor.execute(new SwapOrder(OrderId.of("o2"), other, TOKEN, Side.BUY, ONE_SOL, 100, PRIORITY, T0)));

        assertThat(own).hasSize(3).allSatisfy(f -> assertThat(f.filledAt()).isEqualTo(T0));
        assertThat(others).hasSize(1);
        assertThat(others.getFirst().filledAt()).isEqualTo(T0.plusMillis(460));

        // settings that come out as the executor's own: the bot is simulated as every other again
        executor.simulateBotWith(BOT, s -> s);
        assertThat(filled(executor.execute(order("o3", Side.BUY, ONE_SOL, T0.plusSeconds(1)))))
                .hasSize(1);
    }

    @Test
    void shouldCountEachBotsDailyTradesAgainstItsOwnLimit() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor =
                PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), market).build();
        executor.simulateBotWith(BOT, s -> s.withMaxDailyTrades(1));

        filled(executor.execute(order("o1", Side.BUY, ONE_SOL, T0)));
        SwapOutcome.Failed second = failed(executor.execute(order("o2", Side.BUY, ONE_SOL, T0.plusSeconds(1))));

        assertThat(second.failure().stage()).isEqualTo("limit");
        assertThat(second.failure().reason()).startsWith("maxDailyTrades of 1 reached for paper-1");
        // another bot keeps the executor's 1000
        filled(executor.execute(new SwapOrder(
                OrderId.of("o3"), BotId.of("paper-2"), TOKEN, Side.BUY, ONE_SOL, 100, PRIORITY, T0.plusSeconds(2))));
    }

    @Test
    void shouldFillEachPartAgainstThePoolAsTheEarlierPartsLeftIt() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.AMM_DEPTH).withPartials(new Partials(2, 2)), market)
                .build();

        List<Fill> fills = filled(executor.execute(order("o2", Side.BUY, ONE_SOL, T0)));

        assertThat(fills).hasSize(2);
        // part 1: 0.5 SOL into 1e11/1e12; part 2: 0.5 SOL into 100.5e9 / (1e12 − 4 962 748 292)
        assertThat(fills.get(0).amountOut()).isEqualTo(TokenAmount.of(4_962_748_292L, 6));
        assertThat(fills.get(1).amountOut()).isEqualTo(TokenAmount.of(4_913_672_983L, 6));
        assertThat(fills).allMatch(f -> f.fee().equals(Lamports.of(15_000)) && f.parts() == 2);
        assertThat(fills.get(0).filledAt()).isEqualTo(T0.plusMillis(30 + 10 + 20 + 400));
        assertThat(fills.get(1).filledAt()).isEqualTo(T0.plusMillis(30 + 10 + 2 * (20 + 400)));
        assertThat(fills.get(0).signature()).isNotEqualTo(fills.get(1).signature());
    }

    @Test
    void shouldFailALaterPartThatTheEarlierPartsPushedBeyondItsSlippage() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.AMM_DEPTH).withPartials(new Partials(2, 2)), market)
                .build();
        // no slippage allowed: each part must pay at least its share of the quote, floor(9 876 482 091 / 2)
        SwapOrder strict = new SwapOrder(OrderId.of("strict"), BOT, TOKEN, Side.BUY, ONE_SOL, 0, PRIORITY, T0);

        SwapOutcome.Failed failed = failed(executor.execute(strict));

        // part 1 pays 4 962 748 292; part 2, against the pool part 1 moved, only 4 913 672 983 < 4 938 241 045
        assertThat(failed.partialFills()).hasSize(1);
        assertThat(failed.partialFills().getFirst().amountOut()).isEqualTo(TokenAmount.of(4_962_748_292L, 6));
        assertThat(failed.failure().stage()).isEqualTo("land");
        assertThat(failed.failure().reason())
                .isEqualTo("part 2 of 2: slippage exceeded: the pool pays 4913.672983 but the order needs at least"
                        + " 4938.241045");
        assertThat(failed.failure().at()).isEqualTo(T0.plusMillis(30 + 10 + 2 * (20 + 400)));
        // part 2 landed and reverted: its fee is the failure's; part 1's is its fill's
        assertThat(failed.failure().fee()).isEqualTo(Lamports.of(15_000));
        assertThat(failed.failure().tip()).isEqualTo(Lamports.ZERO);
        assertThat(failed.partialFills().getFirst().fee()).isEqualTo(Lamports.of(15_000));
        assertThat(market.pool(TOKEN).orElseThrow().solReserve()).isEqualTo(Lamports.of(100_500_000_000L));
    }

    /** {@link Markets#onePool()}, where another trader buys for {@code lamports} at {@code at}, then at T0 + 1 s. */
    private static SimulatedMarket onePoolWithABuyAt(Instant at, long lamports) {
        return Markets.started(
                Markets.listing(TOKEN, 100_000_000_000L, 1_000_000_000_000L, 6, 25),
                new MarketEvent.Swapped(at, TOKEN, Side.BUY, BigInteger.valueOf(lamports)),
                new MarketEvent.Swapped(T0.plusSeconds(1), TOKEN, Side.BUY, BigInteger.valueOf(lamports)));
    }

    @Test
    void shouldFailAtLandingWhenAnotherTradeDuringTheLatencyMovedThePriceBeyondTheSlippage() {
        // another trader buys for 2 SOL at 200 ms: after the quote (30 ms), before the landing (460 ms)
        SimulatedMarket market = onePoolWithABuyAt(T0.plusMillis(200), 2_000_000_000L);
        PaperExecutor executor = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), market)
                .timeline(market::advanceTo)
                .build();

        SwapOutcome.Failed failed = failed(executor.execute(order("late", Side.BUY, ONE_SOL, T0)));

        // quoted against 100 SOL: 9 876 482 091, at least 9 777 717 270 within 100 bps; the other buy took
        // 19 559 782 342, and 1 SOL into 102 SOL / (1e12 − 19 559 782 342) pays only 9 495 270 439
        assertThat(failed.failure().stage()).isEqualTo("land");
        assertThat(failed.failure().reason())
                .isEqualTo("slippage exceeded: the pool pays 9495.270439 but the order needs at least 9777.717270");
        assertThat(failed.failure().at()).isEqualTo(T0.plusMillis(460));
        assertThat(failed.failure().fee()).isEqualTo(Lamports.of(15_000));
        assertThat(failed.partialFills()).isEmpty();
        assertThat(market.now()).isEqualTo(T0.plusMillis(460));
        assertThat(market.pool(TOKEN).orElseThrow().solReserve()).isEqualTo(Lamports.of(102_000_000_000L));
    }

    @Test
    void shouldFillAtThePriceAnotherTradeDuringTheLatencyMovedItToWithinTheSlippage() {
        SimulatedMarket market = onePoolWithABuyAt(T0.plusMillis(200), 200_000_000L);
        PaperExecutor executor = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), market)
                .timeline(market::advanceTo)
                .build();

        Fill fill =
                filled(executor.execute(order("moved", Side.BUY, ONE_SOL, T0))).getFirst();

        // the other buy of 0.2 SOL took 1 991 027 899; 1 SOL into 100.2 SOL / (1e12 − 1 991 027 899) pays
        // 9 837 337 381: less than the 9 876 482 091 quoted, more than the 9 777 717 270 the order needs
        assertThat(fill.amountOut()).isEqualTo(TokenAmount.of(9_837_337_381L, 6));
        assertThat(fill.filledAt()).isEqualTo(T0.plusMillis(460));
        // the timeline went to the landing and no further: the trade at T0 + 1 s has not happened
        assertThat(market.now()).isEqualTo(T0.plusMillis(460));
        assertThat(market.pool(TOKEN).orElseThrow().solReserve()).isEqualTo(Lamports.of(101_200_000_000L));
    }

    @Test
    void shouldFillAgainstTheMarketAsExecuteFoundItOnTheDefaultTimeline() {
        SimulatedMarket market = onePoolWithABuyAt(T0.plusMillis(200), 2_000_000_000L);
        PaperExecutor executor =
                PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), market).build();

        Fill fill =
                filled(executor.execute(order("still", Side.BUY, ONE_SOL, T0))).getFirst();

        assertThat(fill.amountOut()).isEqualTo(TokenAmount.of(9_876_482_091L, 6));
        assertThat(market.now()).isEqualTo(T0);
    }

    @Test
    void shouldAwaitEachStageAtItsOwnTime() {
        List<Instant> awaited = new ArrayList<>();
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.JITO_FALLBACK)
                                .withPartials(new Partials(2, 2))
                                .withFailureRates(new FailureRates(0, 0, 0, 1, 0)),
                        Markets.onePool())
                .timeline(awaited::add)
                .build();

        List<Fill> fills = filled(executor.execute(order("staged", Side.BUY, ONE_SOL, T0)));

        // quote, build; per part: send, land (missed), then the bundle's send and land together
        assertThat(awaited)
                .containsExactly(
                        T0.plusMillis(30),
                        T0.plusMillis(40),
                        T0.plusMillis(60),
                        T0.plusMillis(460),
                        T0.plusMillis(880),
                        T0.plusMillis(900),
                        T0.plusMillis(1300),
                        T0.plusMillis(1720));
        assertThat(fills).extracting(Fill::filledAt).containsExactly(T0.plusMillis(880), T0.plusMillis(1720));
    }

    @Test
    void shouldSellForTheExactConstantProductProceeds() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor =
                PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), market).build();

        Fill fill = filled(executor.execute(order("o3", Side.SELL, TokenAmount.of(10_000_000_000L, 6), T0)))
                .getFirst();

        assertThat(fill.amountOut()).isEqualTo(TokenAmount.of(987_648_209L, 9));
        assertThat(fill.sol()).isEqualTo(Lamports.of(987_648_209L));
        assertThat(fill.tokens()).isEqualTo(TokenAmount.of(10_000_000_000L, 6));
    }

    @Test
    void shouldFillAtTheMidPriceWithoutMovingThePoolInTheIdealModel() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor =
                PaperExecutor.builder(settings(ExecModel.IDEAL), market).build();

        Fill fill = filled(executor.execute(order("o4", Side.BUY, ONE_SOL, T0))).getFirst();

        assertThat(fill.amountOut()).isEqualTo(TokenAmount.of(10_000_000_000L, 6));
        assertThat(fill.price()).isEqualTo(Price.of("0.0001"));
        assertThat(fill.fee()).isEqualTo(Lamports.of(15_000));
        assertThat(market.pool(TOKEN).orElseThrow().solReserve()).isEqualTo(Lamports.of(100_000_000_000L));
    }

    @Test
    void shouldPayTheTipAndTheExtraLatencyWhenTheJitoBundleLands() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.JITO_FALLBACK)
                                .withJitoTipLamports(25_000)
                                .withFailureRates(new FailureRates(0, 0, 0, 1, 0)),
                        market)
                .build();

        Fill fill = filled(executor.execute(order("o5", Side.BUY, ONE_SOL, T0))).getFirst();

        assertThat(fill.amountOut()).isEqualTo(TokenAmount.of(9_876_482_091L, 6));
        assertThat(fill.fee()).isEqualTo(Lamports.of(15_000));
        assertThat(fill.tip()).isEqualTo(Lamports.of(25_000));
        // the normal send and land, then the bundle's send and land
        assertThat(fill.filledAt()).isEqualTo(T0.plusMillis(30 + 10 + 2 * (20 + 400)));
    }

    @Test
    void shouldRefuseAQuoteWhosePriceImpactExceedsTheCap() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor =
                PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), market).build();
        TokenAmount tenSol = TokenAmount.of(10_000_000_000L, 9);

        // 10 SOL into 100: 929.756763 bps worse than the mid price, fee included
        assertThat(executor.quote(TOKEN, Side.BUY, tenSol, 100).orElseThrow().priceImpactBps())
                .isEqualByComparingTo("929.76");
        SwapOutcome.Failed failed = failed(executor.execute(order("o6", Side.BUY, tenSol, T0)));

        assertThat(failed.failure().stage()).isEqualTo("quote");
        assertThat(failed.failure().reason()).isEqualTo("price impact of 929.76 bps exceeds slippageBpsCap 500");
        assertThat(failed.failure().at()).isEqualTo(T0.plusMillis(30));
        assertThat(failed.partialFills()).isEmpty();
        assertThat(market.pool(TOKEN).orElseThrow().solReserve()).isEqualTo(Lamports.of(100_000_000_000L));
        // 1 SOL: 123.52 bps, under the cap
        assertThat(executor.execute(order("o7", Side.BUY, ONE_SOL, T0))).isInstanceOf(SwapOutcome.Filled.class);
    }

    @Test
    void shouldQuoteTheExpectedAndMinimumOutput() {
        PaperExecutor executor = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), Markets.onePool())
                .build();
        Quote quote = executor.quote(TOKEN, Side.BUY, ONE_SOL, 100).orElseThrow();
        assertThat(quote.expectedOut()).isEqualTo(TokenAmount.of(9_876_482_091L, 6));
        // floor(9 876 482 091 × 9900 / 10000)
        assertThat(quote.minOut()).isEqualTo(TokenAmount.of(9_777_717_270L, 6));
        assertThat(quote.priceImpactBps()).isEqualByComparingTo(new BigDecimal("123.52"));
        assertThat(executor.quote(io.solbot.core.domain.Mint.USDC, Side.BUY, ONE_SOL, 100))
                .isEmpty();
    }

    @Test
    void shouldFailTheSellOfAHoneypotWhereItWouldRevert() {
        SimulatedMarket market = Markets.started(honeypot());
        PaperExecutor executor =
                PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), market).build();
        Fill bought =
                filled(executor.execute(order("b", Side.BUY, ONE_SOL, T0))).getFirst();

        SwapOutcome.Failed failed = failed(executor.execute(order("s", Side.SELL, bought.amountOut(), T0)));

        assertThat(failed.failure().stage()).isEqualTo("land");
        assertThat(failed.failure().reason()).contains("cannot be sold");
        // the sell landed and reverted: it pays the 5 000 signature fee and its 10 000 priority fee all the same
        assertThat(failed.failure().fee()).isEqualTo(Lamports.of(15_000));
        assertThat(failed.failure().tip()).isEqualTo(Lamports.ZERO);
        assertThat(failed.failure().at()).isEqualTo(T0.plusMillis(30 + 10 + 20 + 400));
    }

    @Test
    void shouldChargeNothingForAJitoBundleWhoseSwapReverts() {
        SimulatedMarket market = Markets.started(honeypot());
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.JITO_FALLBACK).withFailureRates(new FailureRates(0, 0, 0, 1, 0)), market)
                .build();
        Fill bought =
                filled(executor.execute(order("b", Side.BUY, ONE_SOL, T0))).getFirst();
        assertThat(bought.tip()).isEqualTo(Lamports.of(10_000));

        SwapOutcome.Failed failed = failed(executor.execute(order("s", Side.SELL, bought.amountOut(), T0)));

        // every transaction misses and goes as a bundle; a bundle is atomic: reverted, it never landed
        assertThat(failed.failure().reason()).contains("cannot be sold");
        assertThat(failed.failure().fee()).isEqualTo(Lamports.ZERO);
        assertThat(failed.failure().tip()).isEqualTo(Lamports.ZERO);
    }

    @Test
    void shouldChargeNothingForAnOrderThatFailsBeforeItsTransactionLands() {
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.AMM_DEPTH).withFailureRates(new FailureRates(0, 0, 0, 1, 0)),
                        Markets.onePool())
                .build();

        SwapOutcome.Failed failed = failed(executor.execute(order("l", Side.BUY, ONE_SOL, T0)));

        assertThat(failed.failure().stage()).isEqualTo("land");
        assertThat(failed.failure().fee()).isEqualTo(Lamports.ZERO);
        assertThat(failed.failure().tip()).isEqualTo(Lamports.ZERO);
    }

    private static MarketEvent.TokenListed honeypot() {
        return new MarketEvent.TokenListed(
                T0,
                TOKEN,
                "HONEY",
                6,
                Lamports.of(100_000_000_000L),
                TokenAmount.of(1_000_000_000_000L, 6),
                25,
                Authorities.RENOUNCED,
                false,
                List.of());
    }

    @Test
    void shouldFailAtTheQuoteOnceTheLiquidityIsPulled() {
        SimulatedMarket market = Markets.started(
                Markets.listing(TOKEN, 100_000_000_000L, 1_000_000_000_000L, 6, 25),
                new MarketEvent.LiquidityPulled(T0.plusSeconds(1), TOKEN, 10_000));
        market.advanceTo(T0.plusSeconds(1));
        PaperExecutor executor =
                PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), market).build();

        SwapOutcome.Failed failed = failed(executor.execute(order("r", Side.BUY, ONE_SOL, T0.plusSeconds(1))));

        assertThat(failed.failure().stage()).isEqualTo("quote");
        assertThat(failed.failure().reason()).contains("no route");
    }

    @Test
    void shouldRefuseOrdersBeyondMaxDailyTradesUntilTheNextUtcDay() {
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.IDEAL).withMaxDailyTrades(2), Markets.onePool())
                .build();
        Instant evening = T0.plusSeconds(23 * 3600);
        assertThat(executor.execute(order("d1", Side.BUY, ONE_SOL, T0))).isInstanceOf(SwapOutcome.Filled.class);
        assertThat(executor.execute(order("d2", Side.BUY, ONE_SOL, evening))).isInstanceOf(SwapOutcome.Filled.class);

        SwapOutcome.Failed third = failed(executor.execute(order("d3", Side.BUY, ONE_SOL, evening)));

        assertThat(third.failure().stage()).isEqualTo("limit");
        assertThat(third.failure().reason()).isEqualTo("maxDailyTrades of 2 reached for paper-1 on 2026-01-01 (UTC)");
        assertThat(executor.execute(order("d4", Side.BUY, ONE_SOL, T0.plusSeconds(24 * 3600))))
                .isInstanceOf(SwapOutcome.Filled.class);
    }

    @Test
    void shouldNotCountAFailedOrderAsADailyTrade() {
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.IDEAL)
                                .withMaxDailyTrades(1)
                                .withFailureRates(new FailureRates(1, 0, 0, 0, 0)),
                        Markets.onePool())
                .build();
        assertThat(failed(executor.execute(order("f1", Side.BUY, ONE_SOL, T0)))
                        .failure()
                        .stage())
                .isEqualTo("quote");
        assertThat(failed(executor.execute(order("f2", Side.BUY, ONE_SOL, T0)))
                        .failure()
                        .stage())
                .isEqualTo("quote");
    }

    @Test
    void shouldKeepCountingTheDaysTradesAcrossARestartFromEverySegmentOfTheExecutionLog(@TempDir Path dir)
            throws IOException {
        Path log = dir.resolve("paper/executions.jsonl");
        PaperSettings limited = settings(ExecModel.AMM_DEPTH).withMaxDailyTrades(3);
        Instant evening = T0.plusSeconds(23 * 3600);
        BotId other = BotId.of("paper-2");
        try (PaperExecutor first = PaperExecutor.builder(limited, Markets.onePool())
                .executionLog(log)
                .rotateAfter(3)
                .build()) {
            // yesterday's trade does not count today
            assertThat(first.execute(order("d0", Side.BUY, ONE_SOL, T0.minusSeconds(60))))
                    .isInstanceOf(SwapOutcome.Filled.class);
            assertThat(first.execute(order("d1", Side.BUY, ONE_SOL, T0))).isInstanceOf(SwapOutcome.Filled.class);
            // refused before it filled: not a trade
            failed(first.execute(order("d-refused", Side.SELL, TokenAmount.of(1, 6), T0)));
            assertThat(first.execute(order("d2", Side.BUY, ONE_SOL, T0))).isInstanceOf(SwapOutcome.Filled.class);
            // another bot's trades are its own
            assertThat(first.execute(
                            new SwapOrder(OrderId.of("x1"), other, TOKEN, Side.BUY, ONE_SOL, 100, PRIORITY, T0)))
                    .isInstanceOf(SwapOutcome.Filled.class);
        }
        // five lines, rotated after three: d0, d1 and d-refused in segment 1, d2 and x1 in the current file
        assertThat(Files.readAllLines(log)).hasSize(2);

        try (PaperExecutor second = PaperExecutor.builder(limited, Markets.onePool())
                .executionLog(log)
                .rotateAfter(3)
                .build()) {
            assertThat(second.execute(order("d3", Side.BUY, ONE_SOL, evening))).isInstanceOf(SwapOutcome.Filled.class);
            SwapOutcome.Failed fourth = failed(second.execute(order("d4", Side.BUY, ONE_SOL, evening)));
            assertThat(fourth.failure().stage()).isEqualTo("limit");
            assertThat(fourth.failure().reason())
                    .isEqualTo("maxDailyTrades of 3 reached for paper-1 on 2026-01-01 (UTC)");
            assertThat(second.execute(
                            new SwapOrder(OrderId.of("x2"), other, TOKEN, Side.BUY, ONE_SOL, 100, PRIORITY, T0)))
                    .isInstanceOf(SwapOutcome.Filled.class);
            assertThat(second.execute(order("d5", Side.BUY, ONE_SOL, T0.plusSeconds(24 * 3600))))
                    .isInstanceOf(SwapOutcome.Filled.class);
        }
    }

    @Test
    void shouldCountAPartlyFilledOrderAsADailyTradeAfterARestart(@TempDir Path dir) {
        Path log = dir.resolve("executions.jsonl");
        PaperSettings limited =
                settings(ExecModel.AMM_DEPTH).withPartials(new Partials(2, 2)).withMaxDailyTrades(1);
        try (PaperExecutor first = PaperExecutor.builder(limited, Markets.onePool())
                .executionLog(log)
                .build()) {
            SwapOrder strict = new SwapOrder(OrderId.of("strict"), BOT, TOKEN, Side.BUY, ONE_SOL, 0, PRIORITY, T0);
            assertThat(failed(first.execute(strict)).partialFills()).hasSize(1);
        }
        try (PaperExecutor second = PaperExecutor.builder(limited, Markets.onePool())
                .executionLog(log)
                .build()) {
            assertThat(failed(second.execute(order("next", Side.BUY, ONE_SOL, T0)))
                            .failure()
                            .stage())
                    .isEqualTo("limit");
        }
    }

    @Test
    void shouldSplitOrdersIntoPartsThatAddUpExactlyToTheOrder() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.AMM_DEPTH)
                                .withPartials(new Partials(2, 5))
                                .withMaxDailyTrades(10_000),
                        market)
                .build();
        SplittableRandom sizes = new SplittableRandom(1);
        Set<Integer> partCounts = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
            TokenAmount amount = side == Side.BUY
                    ? TokenAmount.of(1 + sizes.nextLong(50_000_000L), 9)
                    : TokenAmount.of(1 + sizes.nextLong(500_000_000L), 6);
            List<Fill> fills = filled(executor.execute(order("p" + i, side, amount, T0)));
            BigInteger sum = fills.stream().map(f -> f.amountIn().raw()).reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(sum).isEqualTo(amount.raw());
            assertThat(fills.size()).isBetween(Math.min(2, amount.raw().intValue()), 5);
            for (int p = 0; p < fills.size(); p++) {
                assertThat(fills.get(p).part()).isEqualTo(p + 1);
                assertThat(fills.get(p).parts()).isEqualTo(fills.size());
            }
            partCounts.add(fills.size());
        }
        assertThat(partCounts).containsExactlyInAnyOrder(2, 3, 4, 5);
    }

    @Test
    void shouldNotSplitAnOrderIntoMorePartsThanItHasRawUnits() {
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.IDEAL).withPartials(new Partials(5, 5)), Markets.onePool())
                .build();
        List<Fill> fills = filled(executor.execute(order("tiny", Side.BUY, TokenAmount.of(3, 9), T0)));
        assertThat(fills).hasSize(3).allMatch(f -> f.amountIn().raw().equals(BigInteger.ONE));
    }

    @Test
    void shouldGiveTheSameFillsForTheSameSeedAndDifferentOnesForAnother() {
        PaperSettings noisy = settings(ExecModel.JITO_FALLBACK)
                .withPartials(new Partials(1, 4))
                .withFailureRates(new FailureRates(0.05, 0.05, 0.1, 0.3, 0.2))
                .withMaxDailyTrades(10_000);
        String first = run(noisy);
        assertThat(first).isEqualTo(run(noisy));
        assertThat(first).isNotEqualTo(run(noisy.withSeed(8)));
    }

    private static String run(PaperSettings settings) {
        PaperExecutor executor =
                PaperExecutor.builder(settings, Markets.onePool()).build();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            out.append(executor.execute(order("s" + i, Side.BUY, TokenAmount.of(10_000_000L + i, 9), T0)))
                    .append('\n');
        }
        return out.toString();
    }

    @Test
    void shouldFailEachStageAtItsConfiguredRate() {
        int n = 20_000;
        FailureRates rates = new FailureRates(0.10, 0.05, 0.20, 0.30, 0.40);
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.JITO_FALLBACK)
                                .withFailureRates(rates)
                                .withMaxDailyTrades(n),
                        Markets.onePool())
                .build();
        Map<String, Integer> failures = new HashMap<>();
        int tipped = 0;
        for (int i = 0; i < n; i++) {
            SwapOutcome outcome = executor.execute(order("r" + i, Side.BUY, TokenAmount.of(1_000, 9), T0));
            if (outcome instanceof SwapOutcome.Failed f) {
                failures.merge(f.failure().stage(), 1, Integer::sum);
            } else if (!filled(outcome).getFirst().tip().isZero()) {
                tipped++;
            }
        }
        // each stage fails at its rate among the orders that reach it; bounds are 4.5 standard deviations
        int reachedQuote = n;
        int quote = failures.getOrDefault("quote", 0);
        assertRate("quote", quote, reachedQuote, rates.quote());
        int reachedBuild = reachedQuote - quote;
        int build = failures.getOrDefault("build", 0);
        assertRate("build", build, reachedBuild, rates.build());
        int reachedSend = reachedBuild - build;
        int send = failures.getOrDefault("send", 0);
        assertRate("send", send, reachedSend, rates.send());
        int reachedLand = reachedSend - send;
        int land = failures.getOrDefault("land", 0);
        // a land failure needs both the transaction and the Jito bundle to miss
        assertRate("land", land, reachedLand, rates.land() * rates.bundle());
        // the bundle lands for the rest of those whose transaction missed, and pays the tip
        assertRate("tipped", tipped, reachedLand, rates.land() * (1 - rates.bundle()));
    }

    @Test
    void shouldFailEveryOrderPerTransactionAtTheRateOfItsPartsCompounded() {
        int n = 20_000;
        int parts = 3;
        FailureRates rates = new FailureRates(0, 0, 0.10, 0.20, 0);
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.AMM_DEPTH)
                                .withFailureRates(rates)
                                .withPartials(new Partials(parts, parts))
                                .withMaxDailyTrades(n),
                        Markets.onePool())
                .build();
        Map<String, Integer> failures = new HashMap<>();
        int[] failedAfterParts = new int[parts];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            SwapOutcome outcome = executor.execute(order("t" + i, Side.BUY, TokenAmount.of(3_000, 9), T0));
            if (outcome instanceof SwapOutcome.Failed f) {
                failures.merge(f.failure().stage(), 1, Integer::sum);
                failedAfterParts[f.partialFills().size()]++;
            } else {
                assertThat(filled(outcome)).hasSize(parts);
                filled++;
            }
        }
        // each transaction is sent and lands with chance q = 0.9 × 0.8; an order needs all three
        double q = (1 - rates.send()) * (1 - rates.land());
        double reachParts = 1 + q + q * q;
        assertRate("filled", filled, n, q * q * q);
        assertRate("send", failures.getOrDefault("send", 0), n, rates.send() * reachParts);
        assertRate("land", failures.getOrDefault("land", 0), n, (1 - rates.send()) * rates.land() * reachParts);
        for (int landed = 0; landed < parts; landed++) {
            assertRate("after " + landed + " parts", failedAfterParts[landed], n, Math.pow(q, landed) * (1 - q));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "quote,   1, 0, 0, 0, 0, amm_depth,     quote, the quote failed (simulated failure)",
        "build,   0, 1, 0, 0, 0, amm_depth,     build, building the transaction failed (simulated failure)",
        "send,    0, 0, 1, 0, 0, amm_depth,     send,  the RPC refused the transaction (simulated failure)",
        "land,    0, 0, 0, 1, 0, amm_depth,     land,  the transaction did not land",
        "bundle,  0, 0, 0, 1, 1, jito_fallback, land,  neither the transaction nor the Jito bundle landed",
        "none,    0, 0, 0, 0, 1, jito_fallback, ,",
        "tipped,  0, 0, 0, 1, 0, jito_fallback, ,",
        "all 0,   0, 0, 0, 0, 0, amm_depth,     ,"
    })
    void shouldFailEveryOrderAtARateOfOneAndNoneAtARateOfZero(
            String name,
            double quote,
            double build,
            double send,
            double land,
            double bundle,
            String model,
            String stage,
            String reason) {
        PaperExecutor executor = PaperExecutor.builder(
                        settings(ExecModel.of(model))
                                .withFailureRates(new FailureRates(quote, build, send, land, bundle))
                                .withPartials(new Partials(1, 3))
                                .withMaxDailyTrades(1_000),
                        Markets.onePool())
                .build();
        for (int i = 0; i < 300; i++) {
            SwapOutcome outcome = executor.execute(order("e" + i, Side.BUY, TokenAmount.of(1_000_000L, 9), T0));
            if (stage == null) {
                // a bundle goes out only after a missed landing; with land at 1 every part pays the tip
                assertThat(filled(outcome))
                        .allSatisfy(f -> assertThat(f.tip().isZero()).isEqualTo(land == 0));
            } else {
                SwapOutcome.Failed failed = failed(outcome);
                assertThat(failed.failure().stage()).isEqualTo(stage);
                assertThat(failed.failure().reason()).contains(reason);
                // the first transaction fails already: nothing filled
                assertThat(failed.partialFills()).isEmpty();
            }
        }
    }

    private static void assertRate(String what, int count, int trials, double p) {
        double expected = trials * p;
        double bound = 4.5 * Math.sqrt(trials * p * (1 - p));
        assertThat((double) count)
                .as("%s failures: %d of %d, expected %.0f ± %.0f", what, count, trials, expected, bound)
                .isBetween(expected - bound, expected + bound);
    }

    @Test
    void shouldResolveFromItsExecutionLogWhatAnEarlierExecutorRanAndFailWhatNeverReachedIt(@TempDir Path dir)
            throws IOException {
        Path log = dir.resolve("paper/executions.jsonl");
        SwapOutcome partial;
        SwapOutcome whole;
        try (PaperExecutor first = PaperExecutor.builder(
                        settings(ExecModel.AMM_DEPTH).withPartials(new Partials(3, 3)), Markets.onePool())
                .executionLog(log)
                .build()) {
            whole = first.execute(order("o-whole", Side.BUY, ONE_SOL, T0));
            partial = first.execute(order("o-refused", Side.SELL, TokenAmount.of(1, 6), T0));
        }
        assertThat(filled(whole)).hasSize(3);
        // the process died while writing one more line
        Files.writeString(log, "{\"orderId\":\"o-cut\",\"bo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (PaperExecutor second = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), Markets.onePool())
                .executionLog(log)
                .build()) {
            assertThat(second.resolve(order("o-whole", Side.BUY, ONE_SOL, T0))).contains(whole);
            assertThat(second.resolve(order("o-refused", Side.SELL, TokenAmount.of(1, 6), T0)))
                    .contains(partial);
            SwapOutcome.Failed never =
                    failed(second.resolve(order("o-cut", Side.BUY, ONE_SOL, T0)).orElseThrow());
            assertThat(never.failure().stage()).isEqualTo("recovery");
            assertThat(never.failure().reason()).contains("never reached the paper executor");
            assertThat(never.partialFills()).isEmpty();
            second.execute(order("o-after", Side.BUY, ONE_SOL, T0));
        }
        assertThat(Files.readString(log)).as("the cut line is cut off the file").doesNotContain("o-cut");
        try (PaperExecutor third = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), Markets.onePool())
                .executionLog(log)
                .build()) {
            assertThat(third.resolve(order("o-after", Side.BUY, ONE_SOL, T0)).orElseThrow())
                    .as("a line written after a cut one is whole")
                    .isInstanceOf(SwapOutcome.Filled.class);
        }
    }

    @Test
    void shouldResolveNothingWithoutAnExecutionLog() {
        PaperExecutor executor = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .build();
        executor.execute(order("o1", Side.BUY, ONE_SOL, T0));

        assertThat(executor.resolve(order("o1", Side.BUY, ONE_SOL, T0))).isEmpty();
    }

    @Test
    void shouldKeepSegmentsUpToTheirLimitWithoutARetentionHookAndAnswerUnknownForOrdersAsOldAsThoseDropped(
            @TempDir Path dir) throws IOException {
        Path log = dir.resolve("paper/executions.jsonl");
        Map<String, SwapOutcome> outcomes = new LinkedHashMap<>();
        try (PaperExecutor first = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .rotateAfter(3)
                .maxSegments(2)
                .build()) {
            for (int i = 1; i <= 10; i++) {
                outcomes.put("o" + i, first.execute(order("o" + i, Side.BUY, ONE_SOL, T0.plusSeconds(i))));
            }
            // o1..o3 went with segment 1; o4..o6 in segment 2, o7..o9 in segment 3, o10 in the current file
            assertThat(dir.resolve("paper/executions.jsonl.1")).doesNotExist();
            assertThat(Files.readAllLines(dir.resolve("paper/executions.jsonl.2")))
                    .hasSize(3)
                    .allMatch(l -> l.matches(".*\"o[456]\".*"));
            assertThat(Files.readAllLines(dir.resolve("paper/executions.jsonl.3")))
                    .hasSize(3)
                    .allMatch(l -> l.matches(".*\"o[789]\".*"));
            assertThat(Files.readAllLines(log)).singleElement().matches(l -> l.contains("\"o10\""));
            assertThat(Files.readString(dir.resolve("paper/executions.jsonl.horizon")))
                    .isEqualTo(T0.plusSeconds(3) + "\n");
            assertThat(first.resolve(order("o5", Side.BUY, ONE_SOL, T0.plusSeconds(5))))
                    .contains(outcomes.get("o5"));
        }
        try (PaperExecutor second = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .rotateAfter(3)
                .maxSegments(2)
                .build()) {
            for (int i = 4; i <= 10; i++) {
                assertThat(second.resolve(order("o" + i, Side.BUY, ONE_SOL, T0.plusSeconds(i))))
                        .contains(outcomes.get("o" + i));
            }
            // dropped: it may have run, so it is unknown, not "never reached"
            assertThat(second.resolve(order("o2", Side.BUY, ONE_SOL, T0.plusSeconds(2))))
                    .isEmpty();
            // newer than anything dropped and in no segment: it never reached the executor
            SwapOutcome.Failed never = failed(second.resolve(order("o-new", Side.BUY, ONE_SOL, T0.plusSeconds(4)))
                    .orElseThrow());
            assertThat(never.failure().reason())
                    .contains("never reached the paper executor")
                    .contains("executions.jsonl.2");
            // the count goes on from the lines already in the file: two more rotate it again
            second.execute(order("o11", Side.BUY, ONE_SOL, T0.plusSeconds(11)));
            second.execute(order("o12", Side.BUY, ONE_SOL, T0.plusSeconds(12)));
            assertThat(Files.readAllLines(dir.resolve("paper/executions.jsonl.4")))
                    .hasSize(3)
                    .allMatch(l -> l.matches(".*\"o1[012]\".*"));
            assertThat(dir.resolve("paper/executions.jsonl.2")).doesNotExist();
            assertThat(Files.readAllLines(log)).isEmpty();
        }
    }

    @Test
    void shouldKeepTheSegmentOfABotAbsentForThreeRotationsWhileItsIntentIsOpenAndResolveItAfterwards(@TempDir Path dir)
            throws IOException {
        Path log = dir.resolve("paper/executions.jsonl");
        AtomicReference<Optional<Instant>> oldestOpenIntent = new AtomicReference<>(Optional.empty());
        Instant day = T0;
        BotId absent = BotId.of("absent");
        SwapOrder away = new SwapOrder(
                OrderId.of("away"), absent, TOKEN, Side.BUY, ONE_SOL, 100, PRIORITY, day.plus(Duration.ofDays(1)));
        SwapOutcome awayOutcome;
        try (PaperExecutor first = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .rotateAfter(2)
                .retainOutcomesSince(oldestOpenIntent::get)
                .build()) {
            first.execute(order("early-1", Side.BUY, ONE_SOL, day));
            first.execute(order("early-2", Side.BUY, ONE_SOL, day));
            // the absent bot journals its intent, the order runs, and the bot is gone before it learns the outcome
            oldestOpenIntent.set(Optional.of(away.submittedAt()));
            awayOutcome = first.execute(away);
            first.execute(order("d1", Side.BUY, ONE_SOL, away.submittedAt()));
            // three more rotations, a day apart, while its intent stays in its journal
            for (int d = 2; d <= 4; d++) {
                first.execute(order("d" + d + "-a", Side.BUY, ONE_SOL, day.plus(Duration.ofDays(d))));
                first.execute(order("d" + d + "-b", Side.BUY, ONE_SOL, day.plus(Duration.ofDays(d))));
            }
        }
        // segment 1 (the early orders, older than any open intent) went; segment 2, with the absent bot's order, stays
        assertThat(dir.resolve("paper/executions.jsonl.1")).doesNotExist();
        assertThat(Files.readString(dir.resolve("paper/executions.jsonl.2"))).contains("\"away\"");
        assertThat(dir.resolve("paper/executions.jsonl.5")).exists();
        assertThat(Files.readString(dir.resolve("paper/executions.jsonl.horizon")))
                .isEqualTo(day + "\n");

        try (PaperExecutor second = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .rotateAfter(2)
                .retainOutcomesSince(oldestOpenIntent::get)
                .build()) {
            assertThat(second.resolve(away)).contains(awayOutcome);
            assertThat(second.resolve(order("early-1", Side.BUY, ONE_SOL, day))).isEmpty();
            assertThat(second.resolve(order("later", Side.BUY, ONE_SOL, day.plus(Duration.ofDays(5)))))
                    .hasValueSatisfying(
                            o -> assertThat(failed(o).failure().stage()).isEqualTo("recovery"));

            // once resolved, its intent leaves the journal: the next rotation drops all but the day's segments
            oldestOpenIntent.set(Optional.empty());
            second.execute(order("d5-a", Side.BUY, ONE_SOL, day.plus(Duration.ofDays(5))));
            second.execute(order("d5-b", Side.BUY, ONE_SOL, day.plus(Duration.ofDays(5))));
        }
        try (var files = Files.list(dir.resolve("paper"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "executions.jsonl",
                            "executions.jsonl.6",
                            "executions.jsonl.horizon",
                            "executions.jsonl.lock");
        }
        assertThat(Files.readString(dir.resolve("paper/executions.jsonl.horizon")))
                .isEqualTo(day.plus(Duration.ofDays(4)) + "\n");
    }

    @Test
    void shouldKeepEverySegmentWhenTheRetentionHookFails(@TempDir Path dir) {
        Path log = dir.resolve("executions.jsonl");
        try (PaperExecutor executor = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .rotateAfter(1)
                .retainOutcomesSince(() -> {
                    throw new IllegalStateException("a lockfile cannot be read");
                })
                .build()) {
            for (int d = 0; d < 4; d++) {
                executor.execute(order("o" + d, Side.BUY, ONE_SOL, T0.plus(Duration.ofDays(d))));
            }
        }
        assertThat(dir.resolve("executions.jsonl.1")).exists();
        assertThat(dir.resolve("executions.jsonl.4")).exists();
        assertThat(dir.resolve("executions.jsonl.horizon")).doesNotExist();
    }

    @Test
    void shouldAdoptTheOlderFileOfEarlierVersionsAsSegmentOneAndTreatWhatItMayHaveReplacedAsUnknown(@TempDir Path dir)
            throws IOException {
        Path log = dir.resolve("executions.jsonl");
        SwapOutcome kept;
        try (PaperExecutor first = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .rotateAfter(2)
                .build()) {
            first.execute(order("p1", Side.BUY, ONE_SOL, T0.plusSeconds(1)));
            kept = first.execute(order("p2", Side.BUY, ONE_SOL, T0.plusSeconds(2)));
            first.execute(order("c1", Side.BUY, ONE_SOL, T0.plusSeconds(3)));
        }
        // as an earlier version left it: the rotated file under its old name
        Files.move(dir.resolve("executions.jsonl.1"), dir.resolve("executions.jsonl.previous"));

        try (PaperExecutor second = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .rotateAfter(2)
                .build()) {
            assertThat(dir.resolve("executions.jsonl.previous")).doesNotExist();
            assertThat(Files.readString(dir.resolve("executions.jsonl.1"))).contains("\"p2\"");
            assertThat(second.resolve(order("p2", Side.BUY, ONE_SOL, T0.plusSeconds(2))))
                    .contains(kept);
            // an order as old as the adopted file's newest may have been in a file an earlier rotation replaced
            assertThat(second.resolve(order("p0", Side.BUY, ONE_SOL, T0))).isEmpty();
            assertThat(second.resolve(order("c2", Side.BUY, ONE_SOL, T0.plusSeconds(3))))
                    .hasValueSatisfying(o -> assertThat(o).isInstanceOf(SwapOutcome.Failed.class));
        }
    }

    @Test
    void shouldCutAFailedAppendBackSoThatNoPartialLineIsLeftForTheNextToBeGluedOnto(@TempDir Path dir)
            throws IOException {
        Path log = dir.resolve("executions.jsonl");
        FaultyDisk disk = new FaultyDisk();
        SwapOrder full = order("o-disk-full", Side.BUY, ONE_SOL, T0);
        SwapOutcome first;
        SwapOutcome ranUnlogged;
        try (PaperExecutor executor = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .opener(disk::open)
                .build()) {
            first = executor.execute(order("o-before", Side.BUY, ONE_SOL, T0));
            long whole = Files.size(log);
            // room for a third of the next line: the disk fills up half-way through it
            disk.fillAfter(whole / 3);
            assertThatThrownBy(() -> executor.execute(full))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("o-disk-full")
                    .hasMessageContaining("cut back");
            assertThat(Files.size(log)).as("cut back to the length before").isEqualTo(whole);
            disk.heal();
            SwapOutcome after = executor.execute(order("o-after", Side.BUY, ONE_SOL, T0));
            assertThat(after).isInstanceOf(SwapOutcome.Filled.class);
            // the order did run against the market: this process answers its outcome, and logs it now
            ranUnlogged = executor.resolve(full).orElseThrow();
            assertThat(ranUnlogged).isInstanceOf(SwapOutcome.Filled.class);
        }
        assertThat(Files.readAllLines(log)).hasSize(3).allMatch(l -> l.startsWith("{\"orderId\":") && l.endsWith("}"));
        try (PaperExecutor next = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .build()) {
            assertThat(next.resolve(order("o-before", Side.BUY, ONE_SOL, T0))).contains(first);
            assertThat(next.resolve(full)).contains(ranUnlogged);
            assertThat(next.resolve(order("o-after", Side.BUY, ONE_SOL, T0)).orElseThrow())
                    .isInstanceOf(SwapOutcome.Filled.class);
        }
    }

    @Test
    void shouldCutAFailedAppendBackWhenItsFsyncFails(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("executions.jsonl");
        FaultyDisk disk = new FaultyDisk();
        try (PaperExecutor executor = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .opener(disk::open)
                .build()) {
            executor.execute(order("o-1", Side.BUY, ONE_SOL, T0));
            long whole = Files.size(log);
            disk.failForce();
            assertThatThrownBy(() -> executor.execute(order("o-2", Side.BUY, ONE_SOL, T0)))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(Files.size(log)).isEqualTo(whole);
        }
    }

    @Test
    void shouldAnswerEveryOutcomeItReturnedAfterAPowerLossThatDropsWhatWasNotForced(@TempDir Path dir)
            throws IOException {
        Path log = dir.resolve("executions.jsonl");
        FaultyDisk disk = new FaultyDisk();
        Map<String, SwapOutcome> returned = new LinkedHashMap<>();
        PaperExecutor executor = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .rotateAfter(2)
                .opener(disk::open)
                .build();
        for (int i = 1; i <= 5; i++) {
            returned.put("o" + i, executor.execute(order("o" + i, Side.BUY, ONE_SOL, T0.plusSeconds(i))));
        }

        // each outcome is forced before it is returned: the power loss takes nothing the engine was told
        assertThat(disk.crash()).as("bytes lost").isZero();
        executor.close();

        try (PaperExecutor next = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .rotateAfter(2)
                .build()) {
            returned.forEach((id, outcome) -> assertThat(next.resolve(order(id, Side.BUY, ONE_SOL, T0)))
                    .as(id)
                    .contains(outcome));
        }
    }

    @Test
    void shouldReturnTheOutcomeOfAnAppendWhenTheRotationAfterItFailsAndRotateOnceItCan(@TempDir Path dir)
            throws IOException {
        Path log = dir.resolve("executions.jsonl");
        FaultyDisk disk = new FaultyDisk();
        Map<String, SwapOutcome> outcomes = new LinkedHashMap<>();
        try (PaperExecutor executor = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .rotateAfter(1)
                .opener(disk::open)
                .build()) {
            // the rotation renames the full file, then cannot create the new one
            disk.refuseOpen(p -> p.getFileName().toString().equals("executions.jsonl"));
            outcomes.put("o1", executor.execute(order("o1", Side.BUY, ONE_SOL, T0)));
            outcomes.put("o2", executor.execute(order("o2", Side.BUY, ONE_SOL, T0)));
            assertThat(log).doesNotExist();
            assertThat(Files.readAllLines(dir.resolve("executions.jsonl.1"))).hasSize(2);
            disk.heal();
            outcomes.put("o3", executor.execute(order("o3", Side.BUY, ONE_SOL, T0)));
            outcomes.put("o4", executor.execute(order("o4", Side.BUY, ONE_SOL, T0)));
        }
        assertThat(Files.readAllLines(dir.resolve("executions.jsonl.1"))).hasSize(3);
        assertThat(Files.readAllLines(dir.resolve("executions.jsonl.2")))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("\"o4\""));
        assertThat(Files.readAllLines(log)).isEmpty();
        try (PaperExecutor next = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .build()) {
            outcomes.forEach((id, outcome) ->
                    assertThat(next.resolve(order(id, Side.BUY, ONE_SOL, T0))).contains(outcome));
        }
    }

    @Test
    void shouldRefuseToOpenAnExecutionLogWithAnUnreadableLineBeforeItsLast(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("executions.jsonl");
        try (PaperExecutor first = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .build()) {
            for (int i = 1; i <= 3; i++) {
                first.execute(order("o" + i, Side.BUY, ONE_SOL, T0));
            }
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(1, lines.get(1).replace("\"amountIn\":\"", "\"amountIn\":\"x"));
        Files.write(log, lines);

        assertThatThrownBy(() -> PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                        .executionLog(log)
                        .build())
                .isInstanceOf(SolbotException.class)
                .hasMessageContaining("Line 2 of the paper execution log " + log.toAbsolutePath())
                .hasMessageContaining("repair or remove that line");
        assertThat(Files.readAllLines(log)).as("left as it was").isEqualTo(lines);
    }

    @Test
    void shouldCutOffAnUnreadableLastLineWhetherOrNotItEndsWithANewline(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("executions.jsonl");
        try (PaperExecutor first = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .build()) {
            first.execute(order("o1", Side.BUY, ONE_SOL, T0));
        }
        String whole = Files.readString(log);
        // a crash mid-append whose size reached the disk before its data: zeros, then the newline
        Files.writeString(log, whole + "\u0000".repeat(40) + "\n");

        try (PaperExecutor second = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .build()) {
            assertThat(Files.readString(log)).isEqualTo(whole);
            second.execute(order("o2", Side.BUY, ONE_SOL, T0));
        }
        assertThat(Files.readAllLines(log)).hasSize(2);
    }

    @Test
    void shouldRefuseASecondExecutorOnALogThatAnotherHasOpen(@TempDir Path dir) {
        Path log = dir.resolve("executions.jsonl");
        try (PaperExecutor first = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .build()) {
            assertThatThrownBy(() -> PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                            .executionLog(log)
                            .build())
                    .isInstanceOf(SolbotException.class)
                    .hasMessageContaining("is in use by another executor");
            first.execute(order("o1", Side.BUY, ONE_SOL, T0));
        }
        try (PaperExecutor after = PaperExecutor.builder(settings(ExecModel.IDEAL), Markets.onePool())
                .executionLog(log)
                .build()) {
            assertThat(after.resolve(order("o1", Side.BUY, ONE_SOL, T0)).orElseThrow())
                    .isInstanceOf(SwapOutcome.Filled.class);
        }
    }

    @Test
    void shouldKeepTheFeeOfAFailureInTheExecutionLogAndReadOldLinesWithoutItAsZero(@TempDir Path dir)
            throws IOException {
        Path log = dir.resolve("executions.jsonl");
        SwapOutcome.Failed reverted;
        try (PaperExecutor first = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), Markets.started(honeypot()))
                .executionLog(log)
                .build()) {
            Fill bought =
                    filled(first.execute(order("b", Side.BUY, ONE_SOL, T0))).getFirst();
            reverted = failed(first.execute(order("s", Side.SELL, bought.amountOut(), T0)));
        }
        assertThat(reverted.failure().fee()).isEqualTo(Lamports.of(15_000));
        try (PaperExecutor second = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), Markets.onePool())
                .executionLog(log)
                .build()) {
            assertThat(second.resolve(order("s", Side.SELL, TokenAmount.of(1, 6), T0)))
                    .contains(reverted);
        }
        String lines = Files.readString(log);
        // the lines as versions before the fee wrote them
        String old = lines.replace(",\"feeLamports\":15000,\"tipLamports\":0}", "}");
        assertThat(old).isNotEqualTo(lines);
        assertThat(old.lines().filter(l -> l.contains("\"failure\":{")))
                .singleElement()
                .satisfies(l -> assertThat(l).endsWith("\"at\":\"2026-01-01T00:00:00.460Z\"},\"fills\":[]}"));
        Files.writeString(log, old);

        try (PaperExecutor third = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), Markets.onePool())
                .executionLog(log)
                .build()) {
            SwapOutcome.Failed read = failed(third.resolve(order("s", Side.SELL, TokenAmount.of(1, 6), T0))
                    .orElseThrow());
            assertThat(read.failure())
                    .isEqualTo(new OrderFailure(
                            reverted.failure().orderId(),
                            reverted.failure().mint(),
                            reverted.failure().side(),
                            reverted.failure().stage(),
                            reverted.failure().reason(),
                            reverted.failure().at()));
            assertThat(read.failure().fee()).isEqualTo(Lamports.ZERO);
        }
    }

    @Test
    void shouldReadExecutionLogFailuresWrittenBeforeTheyCarriedTheirOrderId(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("executions.jsonl");
        SwapOutcome.Failed refused;
        try (PaperExecutor first = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), Markets.onePool())
                .executionLog(log)
                .build()) {
            refused = failed(first.execute(order("o-refused", Side.SELL, TokenAmount.of(1, 6), T0)));
        }
        String line = Files.readString(log);
        // the line as versions before it wrote it: the order id once, on the line, not in the failure
        String old = line.replace("\"failure\":{\"orderId\":\"o-refused\",", "\"failure\":{");
        assertThat(old).isNotEqualTo(line).contains("\"orderId\":\"o-refused\"");
        Files.writeString(log, old);

        try (PaperExecutor second = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), Markets.onePool())
                .executionLog(log)
                .build()) {
            assertThat(second.resolve(order("o-refused", Side.SELL, TokenAmount.of(1, 6), T0)))
                    .contains(refused);
        }
    }

    @Test
    void shouldReadExecutionLogLinesWrittenBeforeFillsCarriedTheirOrderId(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("executions.jsonl");
        SwapOutcome outcome;
        try (PaperExecutor first = PaperExecutor.builder(
                        settings(ExecModel.AMM_DEPTH).withPartials(new Partials(2, 2)), Markets.onePool())
                .executionLog(log)
                .build()) {
            outcome = first.execute(order("o-old", Side.BUY, ONE_SOL, T0));
        }
        String line = Files.readString(log);
        // the line as the first version wrote it: the order id once, on the line, not in each fill
        String old = line.replace("{\"orderId\":\"o-old\",\"mint\"", "{\"mint\"");
        assertThat(old).isNotEqualTo(line).contains("\"orderId\":\"o-old\"");
        Files.writeString(log, old);

        try (PaperExecutor second = PaperExecutor.builder(settings(ExecModel.AMM_DEPTH), Markets.onePool())
                .executionLog(log)
                .build()) {
            assertThat(second.resolve(order("o-old", Side.BUY, ONE_SOL, T0))).contains(outcome);
        }
    }
}
