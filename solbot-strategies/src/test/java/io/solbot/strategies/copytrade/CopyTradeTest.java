package io.solbot.strategies.copytrade;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.JUP;
import static io.solbot.strategies.common.internal.Scripts.WIF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.WalletSwap;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.Scripts;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyTradeTest {
    private static final String LEADER = RandomMarketSettings.smartWallet(0);
    private static final String OTHER = RandomMarketSettings.smartWallet(1);

    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("copy-1"));
    private final Instant t0 = ctx.now();
    private final java.util.Set<io.solbot.core.domain.OrderId> filled = new java.util.HashSet<>();
    private int swaps;

    private static CopyTradeConfig config(String fields) {
        return Scripts.config("copy-trade", "{wallets: [" + LEADER + ", " + OTHER + "], " + fields + "}");
    }

    private static Strategy copier(String fields) {
        return new CopyTradeProvider().create(config(fields));
    }

    /** The leader's swap {@code afterMs} after the test's start: SOL in lamports, tokens in raw units (6 decimals). */
    private WalletSwap swap(String wallet, long afterMs, Side side, Mint mint, long lamports, long tokens) {
        WalletSwap swap = new WalletSwap(
                t0.plusMillis(afterMs),
                wallet,
                mint,
                side,
                Lamports.of(lamports),
                TokenAmount.ofRaw(BigInteger.valueOf(tokens), 6),
                "sig-" + ++swaps);
        ctx.walletSwap(swap);
        return swap;
    }

    private void at(long ms) {
        ctx.advance(Duration.between(ctx.now(), t0.plusMillis(ms)));
    }

    /** Fills every order placed and not filled yet, at the current prices. */
    private void fillAll(Strategy s) throws Exception {
        for (PlacedOrder order : ctx.placedOrders()) {
            if (filled.add(order.id())) {
                s.onFill(ctx, ctx.fill(order));
            }
        }
    }

    @Test
    void shouldCopyABuyScaledByScalePctAndCappedAtMaxSolPerBuy() throws Exception {
        ctx.price(BONK, "0.00001").price(WIF, "0.01");
        Strategy s = copier("scalePct: 10, maxSolPerBuy: 0.3");
        s.onTick(ctx); // starts following
        swap(LEADER, 1_000, Side.BUY, BONK, 2_000_000_000L, 200_000_000_000L);
        swap(OTHER, 1_500, Side.BUY, WIF, 5_000_000_001L, 500_000_000L);
        at(2_000);
        s.onTick(ctx);

        // 10 % of 2 SOL; 10 % of 5.000000001 SOL is 0.5 SOL, above the cap
        assertThat(ctx.placedOrders())
                .extracting(PlacedOrder::side, PlacedOrder::mint, PlacedOrder::sol)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Side.BUY, BONK, Lamports.ofSol("0.2")),
                        org.assertj.core.groups.Tuple.tuple(Side.BUY, WIF, Lamports.ofSol("0.3")));
        assertThat(ctx.state().get(CopyTrade.COPIED)).contains("2");

        CopyTrade fixed = (CopyTrade) copier("fixedSol: 0.05");
        assertThat(fixed.size(Lamports.ofSol("7"))).isEqualTo(Lamports.ofSol("0.05"));
        CopyTrade scaled = (CopyTrade) copier("scalePct: 33.33, maxSolPerBuy: 1");
        // 0.000000007 SOL × 33.33 % = 2.3331 lamports: rounded down
        assertThat(scaled.size(Lamports.of(7))).isEqualTo(Lamports.of(2));
    }

    @Test
    void shouldWaitCopyDelayMsAndCopyTheLeadersLaterSwapsInTheirOrder() throws Exception {
        ctx.price(BONK, "0.00001");
        Strategy s = copier("fixedSol: 0.1, copyDelayMs: 5000");
        s.onTick(ctx);
        swap(LEADER, 1_000, Side.BUY, BONK, 1_000_000_000L, 100_000_000_000L);
        swap(LEADER, 2_000, Side.SELL, BONK, 1_000_000_000L, 100_000_000_000L);

        at(5_999);
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();

        at(6_000); // the buy is due, the sell 1 s later
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).extracting(PlacedOrder::side).containsExactly(Side.BUY);
        fillAll(s);
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);

        at(7_000);
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).extracting(PlacedOrder::side).containsExactly(Side.BUY, Side.SELL);
        assertThat(ctx.placedOrders().getLast().quantity())
                .isEqualTo(ctx.positions().getFirst().quantity());
    }

    @Test
    void shouldMirrorALeadersPartialSellsAsTheSameShareOfOurPosition() throws Exception {
        ctx.price(BONK, "0.00001");
        Strategy s = copier("scalePct: 10, maxSolPerBuy: 1");
        s.onTick(ctx);
        swap(LEADER, 1_000, Side.BUY, BONK, 1_000_000_000L, 80_000_000_000L);
        swap(LEADER, 1_000, Side.BUY, BONK, 1_000_000_000L, 20_000_000_000L);
        at(2_000);
        s.onTick(ctx);
        fillAll(s);
        // 2 × 0.1 SOL at 0.00001 SOL per token: 20 000 tokens, 2e10 raw
        TokenAmount ours = ctx.positions().getFirst().quantity();
        assertThat(ours.raw()).isEqualTo(BigInteger.valueOf(20_000_000_000L));

        swap(LEADER, 3_000, Side.SELL, BONK, 300_000_000L, 25_000_000_000L); // a quarter of its 1e11
        at(4_000);
        s.onTick(ctx);
        assertThat(ctx.placedOrders().getLast().side()).isEqualTo(Side.SELL);
        assertThat(ctx.placedOrders().getLast().quantity().raw()).isEqualTo(BigInteger.valueOf(5_000_000_000L));
        assertThat(ctx.placedOrders().getLast().options().reason()).contains(CopyTrade.SELL_REASON);
        fillAll(s);

        // then half of what it has left (3.75e10 of 7.5e10): half of our 1.5e10
        swap(LEADER, 5_000, Side.SELL, BONK, 300_000_000L, 37_500_000_000L);
        at(6_000);
        s.onTick(ctx);
        assertThat(ctx.placedOrders().getLast().quantity().raw()).isEqualTo(BigInteger.valueOf(7_500_000_000L));
        fillAll(s);

        // and more than it bought while followed (some it held before): all of ours
        swap(LEADER, 7_000, Side.SELL, BONK, 900_000_000L, 90_000_000_000L);
        at(8_000);
        s.onTick(ctx);
        assertThat(ctx.placedOrders().getLast().quantity().raw()).isEqualTo(BigInteger.valueOf(7_500_000_000L));
        fillAll(s);
        assertThat(ctx.positions()).isEmpty();
        assertThat(ctx.placedOrders()).hasSize(5);
    }

    @Test
    void shouldIgnoreALeadersSellOfWhatWeNeverBoughtAndSwapsFromBeforeItWasFollowed() throws Exception {
        ctx.price(BONK, "0.00001").price(JUP, "0.005");
        Strategy s = copier("fixedSol: 0.1");
        swap(LEADER, -1_000, Side.BUY, JUP, 1_000_000_000L, 200_000_000L); // before the bot started
        s.onTick(ctx);
        swap(LEADER, 1_000, Side.SELL, BONK, 500_000_000L, 50_000_000_000L); // never bought by anyone here
        swap(LEADER, 1_000, Side.SELL, JUP, 500_000_000L, 100_000_000L); // bought before we followed it
        at(2_000);
        s.onTick(ctx);

        assertThat(ctx.placedOrders()).isEmpty();
        assertThat(ctx.state().get(CopyTrade.IGNORED)).contains("2");

        // another leader's buy of JUP copied: this leader's sell of JUP it held before is still not ours to mirror
        swap(OTHER, 3_000, Side.BUY, JUP, 1_000_000_000L, 200_000_000L);
        at(4_000);
        s.onTick(ctx);
        fillAll(s);
        swap(LEADER, 5_000, Side.SELL, JUP, 500_000_000L, 100_000_000L);
        at(6_000);
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).extracting(PlacedOrder::side).containsExactly(Side.BUY);
        assertThat(ctx.state().get(CopyTrade.IGNORED)).contains("3");
    }

    @Test
    void shouldNeverCopyASwapTwiceAcrossARestart() throws Exception {
        ctx.price(BONK, "0.00001").price(WIF, "0.01");
        Strategy s = copier("fixedSol: 0.1, copyDelayMs: 3000");
        s.onTick(ctx);
        swap(LEADER, 1_000, Side.BUY, BONK, 1_000_000_000L, 100_000_000_000L);
        swap(LEADER, 2_000, Side.BUY, WIF, 1_000_000_000L, 100_000_000L);
        at(4_000);
        s.onTick(ctx); // copies the BONK buy; the WIF buy is due at 5 s
        fillAll(s);
        assertThat(ctx.placedOrders()).hasSize(1);

        // the process dies; a new instance over the same state reads the same swaps again
        Strategy restarted = copier("fixedSol: 0.1, copyDelayMs: 3000");
        restarted.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);
        at(5_000);
        restarted.onTick(ctx);
        restarted.onTick(ctx);
        Strategy again = copier("fixedSol: 0.1, copyDelayMs: 3000");
        at(6_000);
        again.onTick(ctx);
        assertThat(ctx.placedOrders()).extracting(PlacedOrder::mint).containsExactly(BONK, WIF);
    }

    @Test
    void shouldTryARefusedBuyAgainUntilMaxCopyAgeMsAndThenDropIt() throws Exception {
        ctx.price(BONK, "0.00001").price(WIF, "0.01");
        Strategy s = copier("fixedSol: 0.1, maxCopyAgeMs: 10000");
        s.onTick(ctx);
        swap(LEADER, 1_000, Side.BUY, BONK, 1_000_000_000L, 100_000_000_000L);
        ctx.refuseOrders(
                "safety: the checks of " + BONK + " are running; its buys are refused until their verdict is in");
        at(2_000);
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();
        ctx.refuseOrders(null); // the verdict is in, and allows it
        at(3_000);
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).extracting(PlacedOrder::mint).containsExactly(BONK);

        // an unsafe token: refused at every try, then dropped for good
        swap(LEADER, 4_000, Side.BUY, WIF, 1_000_000_000L, 100_000_000L);
        ctx.refuseOrders("safety refused " + WIF + ": risk 100/100: mint-authority FAIL (100)");
        for (long ms = 5_000; ms <= 14_000; ms += 1_000) {
            at(ms);
            s.onTick(ctx);
        }
        assertThat(ctx.state().get(CopyTrade.IGNORED)).isEmpty();
        at(14_001);
        s.onTick(ctx);
        assertThat(ctx.state().get(CopyTrade.IGNORED)).contains("1");
        ctx.refuseOrders(null);
        at(20_000);
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).extracting(PlacedOrder::mint).containsExactly(BONK);
    }

    @Test
    void shouldNotCopyABuyOfAnotherTokenPastMaxOpenPositionsNorAnySellWhenCopySellsIsOff() throws Exception {
        ctx.price(BONK, "0.00001").price(WIF, "0.01");
        Strategy s = copier("fixedSol: 0.1, maxOpenPositions: 1, copySells: false");
        s.onTick(ctx);
        swap(LEADER, 1_000, Side.BUY, BONK, 1_000_000_000L, 100_000_000_000L);
        swap(LEADER, 1_000, Side.BUY, WIF, 1_000_000_000L, 100_000_000L);
        swap(LEADER, 1_000, Side.BUY, BONK, 1_000_000_000L, 100_000_000_000L); // adds to the one it holds
        swap(LEADER, 1_500, Side.SELL, BONK, 1_000_000_000L, 100_000_000_000L);
        at(2_000);
        s.onTick(ctx);

        assertThat(ctx.placedOrders())
                .extracting(PlacedOrder::side, PlacedOrder::mint)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Side.BUY, BONK),
                        org.assertj.core.groups.Tuple.tuple(Side.BUY, BONK));
        assertThat(ctx.state().get(CopyTrade.IGNORED)).contains("2");
    }

    @Test
    void shouldSellAWholePositionAtItsTakeProfit() throws Exception {
        ctx.price(BONK, "0.00001");
        Strategy s = copier("fixedSol: 0.1, takeProfit: 20, stopLoss: 10");
        s.onTick(ctx);
        swap(LEADER, 1_000, Side.BUY, BONK, 1_000_000_000L, 100_000_000_000L);
        at(2_000);
        s.onTick(ctx);
        fillAll(s);
        ctx.price(BONK, "0.000012");
        at(3_000);
        s.onTick(ctx);
        assertThat(ctx.placedOrders().getLast().side()).isEqualTo(Side.SELL);
        assertThat(ctx.placedOrders().getLast().quantity())
                .isEqualTo(ctx.positions().getFirst().quantity());
        assertThat(ctx.placedOrders().getLast().options().reason()).contains("take-profit");
    }

    @Test
    void shouldRefuseAConfigWithoutWalletsOrSizesOrWithRulesBrokenEachNamed() throws Exception {
        String other = "wallets: [" + LEADER + "]";
        assertThatThrownBy(() -> Scripts.config("copy-trade", "{wallets: [], fixedSol: 0.1}"))
                .hasMessageContaining("wallets must list at least one wallet to copy");
        assertThatThrownBy(() -> Scripts.config("copy-trade", "{fixedSol: 0.1}"))
                .hasMessageContaining("wallets");
        assertThatThrownBy(() -> Scripts.config("copy-trade", "{wallets: [not-an-address], fixedSol: 0.1}"))
                .hasMessageContaining("must be a Solana address");
        assertThatThrownBy(
                        () -> Scripts.config("copy-trade", "{wallets: [" + LEADER + ", " + LEADER + "], fixedSol: 1}"))
                .hasMessageContaining("wallets must not name a wallet twice");
        assertThatThrownBy(() -> Scripts.config("copy-trade", "{" + other + "}"))
                .hasMessageContaining("scalePct is required (or fixedSol, the SOL each copied buy spends)");
        assertThatThrownBy(() -> Scripts.config("copy-trade", "{" + other + ", scalePct: 10, fixedSol: 1}"))
                .hasMessageContaining("fixedSol must be left out when scalePct is given (one or the other)");
        assertThatThrownBy(() -> Scripts.config("copy-trade", "{" + other + ", scalePct: 10}"))
                .hasMessageContaining("maxSolPerBuy is required with scalePct");
        assertThatThrownBy(() -> Scripts.config("copy-trade", "{" + other + ", fixedSol: 1, maxSolPerBuy: 0.5}"))
                .hasMessageContaining("maxSolPerBuy must be at least fixedSol (1 SOL)");
        assertThatThrownBy(() -> Scripts.config(
                        "copy-trade", "{" + other + ", fixedSol: 1, copyDelayMs: 5000, maxCopyAgeMs: 5000}"))
                .hasMessageContaining("maxCopyAgeMs must be above copyDelayMs (5000 ms)");
        assertThatThrownBy(() -> Scripts.config("copy-trade", "{" + other + ", scalePct: 1001, maxSolPerBuy: 1}"))
                .hasMessageContaining("scalePct must be");
        assertThatThrownBy(() -> Scripts.config("copy-trade", "{" + other + ", fixedSol: 1, maxOpenPositions: 0}"))
                .hasMessageContaining("maxOpenPositions must be between 1 and 100, but was 0");
        assertThatThrownBy(() -> Scripts.config("copy-trade", "{" + other + ", fixedSol: 1, stopLoss: 150}"))
                .hasMessageContaining("stopLoss must be");

        CopyTradeConfig ok = config("scalePct: 10, maxSolPerBuy: 0.5, maxOpenPositions: 3, interval: 5");
        assertThat(ok.settings().maxOpenPositions()).isEqualTo(3);
        assertThat(ok.settings().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ok.settings().amountPerTrade())
                .isEqualTo(TokenAmount.fromDecimal(new java.math.BigDecimal("0.5"), 9));
        assertThat(ok.warnings()).containsExactly("no stop loss (positions are sold when the leaders sell)");
    }
}
