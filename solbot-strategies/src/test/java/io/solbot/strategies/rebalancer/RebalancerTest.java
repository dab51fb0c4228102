package io.solbot.strategies.rebalancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenBalance;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.StrategyRuns;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebalancerTest {
    private static final Mint BONK = Listing.BONK.mint();
    private static final Mint JUP = Listing.JUP.mint();
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("rebalancer-1"))
            .price(BONK, "0.001")
            .price(JUP, "0.01")
            .solUsd("150");

    private static RebalancerConfig config(String extra) {
        return StrategyRuns.config(
                "rebalancer",
                "{targetAllocations: {" + BONK + ": 50, " + JUP + ": 50}, rebalanceThreshold: 5, slippage: 1,"
                        + " maxRebalances: 4" + extra + "}",
                RebalancerConfig.class);
    }

    private void wallet(long lamports, TokenBalance... tokens) {
        ctx.wallet(new WalletBalances("default", Lamports.of(lamports), List.of(tokens), ctx.now()));
    }

    private static TokenBalance holds(Mint mint, long raw) {
        return TokenBalance.unpriced(mint, TokenAmount.of(raw, 6));
    }

    /** The first cycle from a wallet of SOL only: both buys, the floor and the fees kept exactly. */
    private Strategy startFromSol(String extra) throws Exception {
        Strategy strategy = new RebalancerProvider().create(config(extra));
        wallet(10_050_000_000L);
        strategy.onTick(ctx);
        return strategy;
    }

    @Test
    void shouldBuyEveryTargetFromTheSolAboveTheFloorAndTheFees() throws Exception {
        startFromSol("");

        // 10 SOL above the 0.05 SOL floor, 5 each; the second buy leaves the two orders' fees (2 × 5 000)
        assertThat(ctx.placedOrders())
                .extracting(PlacedOrder::side, PlacedOrder::mint, PlacedOrder::sol)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Side.BUY, BONK, Lamports.of(5_000_000_000L)),
                        org.assertj.core.groups.Tuple.tuple(Side.BUY, JUP, Lamports.of(4_999_990_000L)));
        assertThat(ctx.placedOrders())
                .allMatch(o -> o.options().reason().orElseThrow().equals("rebalance"));
        assertThat(ctx.state().get(Rebalancer.REBALANCES)).contains("1");
    }

    @Test
    void shouldSellTheOverWeightFirstAndBuyOnlyOnceTheSellHasFilled() throws Exception {
        Strategy strategy = startFromSol("");
        for (PlacedOrder buy : ctx.placedOrders()) {
            strategy.onFill(ctx, ctx.fill(buy));
        }
        // BONK doubles: 10 SOL of BONK, 4.99999 of JUP, nothing above the floor; each target 7.499995 SOL
        ctx.price(BONK, "0.002").advance(Duration.ofMinutes(10));
        wallet(50_000_000L, holds(BONK, 5_000_000_000L), holds(JUP, 499_999_000L));
        strategy.onTick(ctx);

        assertThat(ctx.placedOrders()).hasSize(3);
        PlacedOrder sell = ctx.placedOrders().get(2);
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.mint()).isEqualTo(BONK);
        assertThat(sell.quantity()).isEqualTo(TokenAmount.of(1_250_002_500L, 6)); // 2.500005 SOL at 0.002

        strategy.onTick(ctx); // the sell is still executing: no buy yet
        assertThat(ctx.placedOrders()).hasSize(3);

        Fill sold = ctx.fill(sell); // 2.500005 SOL, less its 5 000 fee
        wallet(2_550_000_000L, holds(BONK, 3_749_997_500L), holds(JUP, 499_999_000L));
        strategy.onFill(ctx, sold);

        // 2.5 SOL above the floor; JUP is 2.5000025 SOL short, the buy keeps its own fee
        PlacedOrder buy = ctx.placedOrders().get(3);
        assertThat(buy.side()).isEqualTo(Side.BUY);
        assertThat(buy.mint()).isEqualTo(JUP);
        assertThat(buy.sol()).isEqualTo(Lamports.of(2_499_995_000L));
        assertThat(ctx.placedOrders()).hasSize(4);
        assertThat(ctx.state().get(Rebalancer.REBALANCES)).contains("2");
    }

    @Test
    void shouldLeaveADriftWithinTheThresholdAlone() throws Exception {
        Strategy strategy = new RebalancerProvider().create(config(""));
        // 0.4 SOL above the floor, 5 SOL of BONK, 4.6 of JUP: JUP at 46 %, 4 points off, threshold 5
        wallet(450_000_000L, holds(BONK, 5_000_000_000L), holds(JUP, 460_000_000L));
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();

        // 0.6 SOL above the floor and 4.4 of JUP: 6 points off, bought back to 5 SOL less the buy's fee
        wallet(650_000_000L, holds(BONK, 5_000_000_000L), holds(JUP, 440_000_000L));
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.mint()).isEqualTo(JUP);
            assertThat(o.sol()).isEqualTo(Lamports.of(599_995_000L));
        });
    }

    @Test
    void shouldSellOnlyWhatTheBotBoughtItself() throws Exception {
        Strategy strategy = new RebalancerProvider().create(config(""));
        // BONK is 8 points over, but the bot bought none of it: the wallet's tokens are not its to sell
        wallet(50_000_000L, holds(BONK, 5_800_000_000L), holds(JUP, 420_000_000L));
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();
        assertThat(ctx.state().get(Rebalancer.REBALANCES)).isEmpty();
    }

    @Test
    void shouldSkipMovesWorthLessThanTheMinimumTradeSize() throws Exception {
        Strategy strategy = new RebalancerProvider().create(config(", minTradeUsd: 20"));
        // 0.25 SOL above the floor: 0.125 SOL (18.75 USD at 150) per target, below 20 USD
        wallet(300_000_000L);
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();
        assertThat(ctx.state().get(Rebalancer.REBALANCES)).isEmpty();

        wallet(350_000_000L); // 0.15 SOL each: 22.50 USD
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(2);
    }

    @Test
    void shouldNeverSpendBelowTheSolFloor() throws Exception {
        Strategy strategy = new RebalancerProvider().create(config(", minSolBalance: 2, priorityFeeLamports: 20000"));
        wallet(1_990_000_000L); // below the floor: nothing to spend
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();

        wallet(3_000_000_000L);
        strategy.onTick(ctx);
        long spent = ctx.placedOrders().stream().mapToLong(o -> o.sol().value()).sum();
        long fees = ctx.placedOrders().size() * 25_000L;
        assertThat(spent + fees).isEqualTo(1_000_000_000L); // exactly what is above the 2 SOL floor
    }

    @Test
    void shouldHoldTheSolWeightWhenTheTargetsNameSol() throws Exception {
        Strategy strategy = new RebalancerProvider()
                .create(StrategyRuns.config(
                        "rebalancer",
                        "{targetAllocations: {" + BONK + ": 1, " + Mint.WRAPPED_SOL + ": 3}, rebalanceThreshold: 5,"
                                + " slippage: 1, maxRebalances: 4}",
                        RebalancerConfig.class));
        wallet(10_050_000_000L);
        strategy.onTick(ctx);
        // a quarter of the 10 SOL above the floor into BONK, the rest stays SOL
        assertThat(ctx.placedOrders()).singleElement().satisfies(o -> {
            assertThat(o.mint()).isEqualTo(BONK);
            assertThat(o.sol()).isEqualTo(Lamports.of(2_500_000_000L));
        });
    }

    @Test
    void shouldStopAfterMaxRebalancesEvenAcrossARestart() throws Exception {
        RebalancerConfig once = StrategyRuns.config(
                "rebalancer",
                "{targetAllocations: {" + BONK + ": 50, " + JUP + ": 50}, rebalanceThreshold: 5, slippage: 1,"
                        + " maxRebalances: 1}",
                RebalancerConfig.class);
        Strategy strategy = new RebalancerProvider().create(once);
        wallet(10_050_000_000L);
        strategy.onTick(ctx);
        for (PlacedOrder buy : ctx.placedOrders()) {
            strategy.onFill(ctx, ctx.fill(buy));
        }
        assertThat(ctx.state().get(Rebalancer.REBALANCES)).contains("1");

        ctx.price(BONK, "0.002").advance(Duration.ofMinutes(10)); // 16.7 points off: a rebalance would sell
        wallet(50_000_000L, holds(BONK, 5_000_000_000L), holds(JUP, 499_999_000L));
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(2);

        Strategy restarted = new RebalancerProvider().create(once); // a restart reads the count from the state
        restarted.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(2);
    }

    @Test
    void shouldDoNothingWithoutAPriceForATargetOrWithoutTheSolPrice() throws Exception {
        Strategy strategy = new RebalancerProvider().create(config(""));
        wallet(10_050_000_000L);
        ctx.clearPrice(JUP);
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();

        RecordingStrategyContext noSolUsd = new RecordingStrategyContext(BotId.of("rebalancer-2"))
                .price(BONK, "0.001")
                .price(JUP, "0.01")
                .wallet(new WalletBalances("default", Lamports.ofSol("10"), List.of(), ctx.now()));
        strategy.onTick(noSolUsd);
        assertThat(noSolUsd.placedOrders()).isEmpty();
    }

    @Test
    void shouldTradeInABacktestOnASimulatedMarket() {
        String bots = """
                bots:
                  - id: rebalancer-1
                    mode: rebalancer
                    config: {targetAllocations: {%s: 60, %s: 40}, rebalanceThreshold: 2, slippage: 3,
                             maxRebalances: 6, rebalanceInterval: 60000}
                """.formatted(BONK, JUP);
        StrategyRuns.Run run = StrategyRuns.backtest(
                bots, 42, Duration.ofHours(2), p -> p.withWallets(PaperSettings.Wallets.of(Lamports.ofSol("2"))));

        List<Fill> fills = run.fills();
        assertThat(fills).extracting(Fill::mint).contains(BONK, JUP);
        assertThat(fills).extracting(Fill::side).contains(Side.BUY, Side.SELL);
        assertThat(fills).allMatch(f -> f.reason().equals("rebalance"));
        // the wallet's SOL never goes below its 0.05 SOL floor, fees included
        long sol = 2_000_000_000L;
        for (Fill f : fills) {
            sol += (f.side() == Side.BUY ? -f.sol().value() : f.sol().value())
                    - f.fee().value()
                    - f.tip().value();
            assertThat(sol).isGreaterThanOrEqualTo(50_000_000L);
        }
        assertThat(run.statuses().getFirst().trades()).isPositive();
    }
}
