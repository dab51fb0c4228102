package io.solbot.strategies.rotationbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Price;
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

class RotationBotTest {
    private static final Mint BONK = Listing.BONK.mint();
    private static final Mint JUP = Listing.JUP.mint();
    private static final Mint WIF = Listing.WIF.mint();
    private static final Duration HOUR = Duration.ofHours(1);
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("rotation-1"))
            .price(BONK, "0.001")
            .price(JUP, "0.01")
            .price(WIF, "0.1");

    private static RotationBotConfig config(String extra) {
        return StrategyRuns.config(
                "rotation-bot",
                "{tokens: [" + BONK + ", " + JUP + ", " + WIF + "], slippage: 1, maxTrades: 10" + extra + "}",
                RotationBotConfig.class);
    }

    /** The last hour of {@code mint}: from 1 to {@code close}. */
    private void change(Mint mint, String close) {
        Price open = Price.of("1");
        Price last = Price.of(close);
        Price high = last.isAbove(open) ? last : open;
        Price low = last.isAbove(open) ? open : last;
        ctx.candle(
                mint,
                HOUR,
                new Candle(
                        ctx.now().minus(HOUR),
                        ctx.now(),
                        open,
                        high,
                        low,
                        last,
                        Lamports.ZERO,
                        TokenAmount.zero(6),
                        0));
    }

    private void wallet(long lamports, TokenBalance... tokens) {
        ctx.wallet(new WalletBalances("default", Lamports.of(lamports), List.of(tokens), ctx.now()));
    }

    @Test
    void shouldBuyTheLeaderWithTheSolLessTheGasBufferAndTheFee() throws Exception {
        Strategy strategy = new RotationBotProvider().create(config(""));
        change(BONK, "1.03");
        change(JUP, "1.05");
        change(WIF, "0.90");
        wallet(1_000_000_000L);
        strategy.onTick(ctx);

        assertThat(ctx.placedOrders()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.mint()).isEqualTo(JUP); // +5 % over the hour (the default window: the rotation interval)
            assertThat(o.sol()).isEqualTo(Lamports.of(979_995_000L)); // 1 SOL less 0.02 gas and a 5 000 fee
            assertThat(o.options().reason()).contains("rotation");
        });
        assertThat(ctx.state().get(RotationBot.ROTATIONS)).contains("1");
    }

    @Test
    void shouldNotRotateIntoALeaderBelowTheMinimumMomentum() throws Exception {
        Strategy strategy = new RotationBotProvider().create(config(""));
        change(BONK, "1.019");
        change(JUP, "1.01");
        change(WIF, "0.90");
        wallet(1_000_000_000L);
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty(); // +1.9 %, below the default 2 %
    }

    @Test
    void shouldSellTheHoldingAndBuyTheNewLeaderOnlyOnceTheSellFilled() throws Exception {
        Strategy strategy = new RotationBotProvider().create(config(", cooldown: 0"));
        change(BONK, "1.05");
        change(JUP, "1.01");
        wallet(1_000_000_000L);
        strategy.onTick(ctx);
        Fill bought = ctx.fill(ctx.placedOrders().getFirst()); // 979.995 BONK
        strategy.onFill(ctx, bought);

        ctx.advance(HOUR);
        change(BONK, "0.98");
        change(JUP, "1.04");
        wallet(20_000_000L, TokenBalance.unpriced(BONK, bought.amountOut()));
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(2);
        PlacedOrder sell = ctx.placedOrders().get(1);
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.quantity()).isEqualTo(bought.amountOut());

        Fill sold = ctx.fill(sell); // 0.979995 SOL less its fee
        wallet(994_990_000L);
        strategy.onFill(ctx, sold);
        PlacedOrder buy = ctx.placedOrders().get(2);
        assertThat(buy.mint()).isEqualTo(JUP);
        assertThat(buy.sol()).isEqualTo(Lamports.of(974_985_000L));
        assertThat(ctx.state().get(RotationBot.ROTATIONS)).contains("2");
    }

    @Test
    void shouldLeaveTheWalletInALeaderItHoldsAlready() throws Exception {
        Strategy strategy = new RotationBotProvider().create(config(""));
        change(BONK, "1.05");
        wallet(1_000_000_000L, TokenBalance.unpriced(BONK, TokenAmount.of(1_000_000, 6)));
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();
    }

    @Test
    void shouldWaitTheCooldownBetweenRotationsAndStopAtMaxRotationsAcrossARestart() throws Exception {
        RotationBotConfig config = config(", cooldown: 600, maxRotations: 2");
        Strategy strategy = new RotationBotProvider().create(config);
        change(BONK, "1.05");
        wallet(1_000_000_000L);
        strategy.onTick(ctx);
        strategy.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));

        change(BONK, "0.95");
        change(JUP, "1.05");
        wallet(1_000_000_000L); // as if the BONK were gone: a rotation would buy JUP right away
        ctx.advance(Duration.ofSeconds(599));
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1); // within the 600 s cooldown

        ctx.advance(Duration.ofSeconds(1));
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(2);
        strategy.onFill(ctx, ctx.fill(ctx.placedOrders().get(1)));

        change(JUP, "0.95");
        change(WIF, "1.05");
        ctx.advance(Duration.ofHours(2));
        new RotationBotProvider().create(config).onTick(ctx); // a restart: still 2 rotations, the most
        assertThat(ctx.placedOrders()).hasSize(2);
    }

    /** Rotates the wallet {@code label} (1 SOL) into BONK at 0.001 and fills the buy: 979.995 BONK. */
    private Strategy holdingBonk(String extra, String label) throws Exception {
        String tokens = "[" + BONK + ", " + JUP + ", " + WIF + "]";
        RotationBotConfig config = label.equals("default")
                ? config(extra)
                : StrategyRuns.config(
                        "rotation-bot",
                        "{wallets: {" + label + ": " + tokens + "}, slippage: 1, maxTrades: 10" + extra + "}",
                        RotationBotConfig.class);
        Strategy strategy = new RotationBotProvider().create(config);
        change(BONK, "1.05");
        ctx.wallet(new WalletBalances(label, Lamports.ofSol("1"), List.of(), ctx.now()));
        strategy.onTick(ctx);
        Fill bought = ctx.fill(ctx.placedOrders().getFirst());
        strategy.onFill(ctx, bought);
        ctx.wallet(new WalletBalances(
                label, Lamports.ofSol("0.02"), List.of(TokenBalance.unpriced(BONK, bought.amountOut())), ctx.now()));
        return strategy;
    }

    private List<PlacedOrder> sells() {
        return ctx.placedOrders().stream().filter(o -> o.side() == Side.SELL).toList();
    }

    @Test
    void shouldStopLossTheWholePositionFromTheWalletThatBoughtIt() throws Exception {
        Strategy strategy = holdingBonk(", stopLoss: 10", "alt");
        ctx.price(BONK, "0.00091");
        strategy.onTick(ctx);
        assertThat(sells()).isEmpty();

        ctx.price(BONK, "0.0009"); // 10 % below the entry
        strategy.onTick(ctx);
        assertThat(sells()).singleElement().satisfies(o -> {
            assertThat(o.quantity()).isEqualTo(ctx.positions().getFirst().quantity());
            assertThat(o.options().reason()).contains("stop-loss");
            assertThat(o.options().wallet()).contains("alt");
        });
        strategy.onTick(ctx); // in flight: no second sale
        assertThat(sells()).hasSize(1);

        strategy.onFill(ctx, ctx.fill(sells().getFirst()));
        assertThat(ctx.positions()).isEmpty();
        assertThat(ctx.state().get(RotationBot.BOUGHT_IN + BONK)).isEmpty();
    }

    @Test
    void shouldTakeProfitAndRetryASaleThatFailed() throws Exception {
        Strategy strategy = holdingBonk(", takeProfit: 20", "default");
        ctx.price(BONK, "0.00119");
        strategy.onTick(ctx);
        assertThat(sells()).isEmpty();

        ctx.price(BONK, "0.0012");
        strategy.onTick(ctx);
        assertThat(sells()).singleElement().satisfies(o -> {
            assertThat(o.quantity()).isEqualTo(ctx.positions().getFirst().quantity());
            assertThat(o.options().reason()).contains("take-profit");
            assertThat(o.options().wallet()).isEmpty(); // the default wallet
        });
        PlacedOrder first = sells().getFirst();
        strategy.onOrderFailed(
                ctx, new io.solbot.core.domain.OrderFailure(first.id(), BONK, Side.SELL, "send", "timeout", ctx.now()));
        strategy.onTick(ctx);
        assertThat(sells())
                .hasSize(2)
                .allSatisfy(o -> assertThat(o.options().reason()).contains("take-profit"));
    }

    @Test
    void shouldNotRotateAWalletWhileAnExitSellsOneOfItsTokens() throws Exception {
        Strategy strategy = holdingBonk(", stopLoss: 10, cooldown: 0", "default");
        ctx.advance(HOUR);
        ctx.price(BONK, "0.0005"); // the stop loss fires, and JUP leads: a rotation would sell the BONK too
        change(BONK, "0.5");
        change(JUP, "1.05");
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(2); // the buy, and the stop loss's sale alone
        assertThat(sells())
                .singleElement()
                .satisfies(o -> assertThat(o.options().reason()).contains("stop-loss"));
        assertThat(ctx.state().get(RotationBot.ROTATIONS)).contains("1");

        strategy.onFill(ctx, ctx.fill(sells().getFirst()));
        wallet(509_997_500L); // 0.02 SOL and the sale's 0.4899975 SOL less its fee
        strategy.onTick(ctx); // then the rotation buys JUP with the sale's SOL
        assertThat(ctx.placedOrders().getLast()).satisfies(o -> {
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.mint()).isEqualTo(JUP);
            assertThat(o.sol()).isEqualTo(Lamports.of(489_992_500L));
            assertThat(o.options().reason()).contains("rotation");
        });
        assertThat(ctx.state().get(RotationBot.ROTATIONS)).contains("2");
    }

    @Test
    void shouldLeaveAnExitOutWhileTheRotationSellsTheToken() throws Exception {
        Strategy strategy = holdingBonk(", stopLoss: 10, cooldown: 0", "default");
        ctx.advance(HOUR);
        change(BONK, "0.98");
        change(JUP, "1.04");
        strategy.onTick(ctx); // the rotation sells the BONK
        assertThat(sells())
                .singleElement()
                .satisfies(o -> assertThat(o.options().reason()).contains("rotation"));

        ctx.price(BONK, "0.0005"); // the stop loss would fire now
        strategy.onTick(ctx);
        assertThat(sells()).hasSize(1);
    }

    @Test
    void shouldNotRotateAWalletIntoATokenTheBotHoldsFromAnotherWallet() throws Exception {
        String tokens = "[" + BONK + ", " + JUP + "]";
        RotationBotConfig config = StrategyRuns.config(
                "rotation-bot",
                "{wallets: {a: " + tokens + ", b: " + tokens + "}, slippage: 1, maxTrades: 10, cooldown: 0}",
                RotationBotConfig.class);
        Strategy strategy = new RotationBotProvider().create(config);
        change(BONK, "1.05");
        ctx.wallet(new WalletBalances("a", Lamports.ofSol("1"), List.of(), ctx.now()));
        strategy.onTick(ctx); // a buys BONK; b has no balances yet
        Fill bought = ctx.fill(ctx.placedOrders().getFirst());
        strategy.onFill(ctx, bought);
        ctx.wallet(new WalletBalances(
                "a", Lamports.ofSol("0.02"), List.of(TokenBalance.unpriced(BONK, bought.amountOut())), ctx.now()));

        ctx.advance(HOUR);
        ctx.wallet(new WalletBalances("b", Lamports.ofSol("1"), List.of(), ctx.now()));
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1); // b would buy BONK, which the bot holds from a
    }

    @Test
    void shouldNeedPricesForItsExits() {
        assertThat(new RotationBotProvider().capabilities()).contains(io.solbot.core.spi.Capability.PRICES);
    }

    @Test
    void shouldRotateInABacktestOnASimulatedMarket() {
        String bots = """
                bots:
                  - id: rotation-1
                    mode: rotation-bot
                    config: {tokens: [%s, %s, %s], slippage: 3, maxTrades: 10, rotationInterval: 120000,
                             priceChangeWindow: 5m, minMomentum: 0, cooldown: 0, maxRotations: 4}
                """.formatted(BONK, JUP, WIF);
        StrategyRuns.Run run = StrategyRuns.backtest(
                bots, 42, Duration.ofHours(2), p -> p.withWallets(PaperSettings.Wallets.of(Lamports.ofSol("1"))));

        List<Fill> fills = run.fills();
        assertThat(fills).extracting(Fill::side).contains(Side.BUY, Side.SELL);
        assertThat(fills).allMatch(f -> f.reason().equals("rotation"));
        assertThat(fills.stream()
                        .filter(f -> f.side() == Side.BUY)
                        .map(Fill::orderId)
                        .distinct())
                .hasSizeLessThanOrEqualTo(4);
        assertThat(run.wallets().of("rotation-1", "default").sol()).isGreaterThanOrEqualTo(Lamports.ofSol("0.02"));
    }
}
