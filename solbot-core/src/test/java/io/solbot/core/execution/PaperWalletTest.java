package io.solbot.core.execution;

import static io.solbot.core.testing.Markets.T0;
import static io.solbot.core.testing.Markets.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenBalance;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.execution.PaperSettings.FailureRates;
import io.solbot.core.execution.PaperSettings.Partials;
import io.solbot.core.execution.PaperSettings.Wallets;
import io.solbot.core.market.MarketEvent;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.testing.Markets;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orders with their own options on the paper executor, and the paper wallets they trade from: the pool of {@link
 * Markets#onePool()} (100 SOL against 1 000 000 tokens, 0.25 % fee), a 10 000-lamport priority fee, so 15 000
 * lamports of fees per landed transaction.
 */
class PaperWalletTest {
    private static final BotId BOT = BotId.of("paper-1");
    private static final Lamports PRIORITY = Lamports.of(10_000);
    private static final TokenAmount ONE_SOL = TokenAmount.of(1_000_000_000L, 9);
    /** What 1 SOL buys of the pool: see PaperExecutorTest. */
    private static final TokenAmount BOUGHT = TokenAmount.of(9_876_482_091L, 6);

    private static SwapOrder order(String id, Side side, TokenAmount amount, OrderOptions options) {
        return SwapOrder.of(OrderId.of(id), BOT, TOKEN, side, amount, 100, PRIORITY, options, T0);
    }

    private static PaperExecutor executor(SimulatedMarket market, PaperSettings settings) {
        return PaperExecutor.builder(settings, market).build();
    }

    private static Fill filled(SwapOutcome outcome) {
        assertThat(outcome).isInstanceOf(SwapOutcome.Filled.class);
        return ((SwapOutcome.Filled) outcome).fills().getFirst();
    }

    private static SwapOutcome.Failed failed(SwapOutcome outcome) {
        assertThat(outcome).isInstanceOf(SwapOutcome.Failed.class);
        return (SwapOutcome.Failed) outcome;
    }

    private static WalletBalances wallet(PaperExecutor executor, String label) {
        return executor.balances(BOT, label).orElseThrow();
    }

    @Test
    void shouldMoveAWalletsSolAndTokensWithItsFillsAndFees() {
        PaperExecutor executor = executor(Markets.onePool(), PaperSettings.defaults(7));
        assertThat(wallet(executor, "default").sol()).isEqualTo(Lamports.ofSol("100"));

        filled(executor.execute(order("b1", Side.BUY, ONE_SOL, OrderOptions.NONE)));

        // 100 SOL − 1 SOL − 15 000 lamports of fees
        WalletBalances afterBuy = wallet(executor, "default");
        assertThat(afterBuy.sol()).isEqualTo(Lamports.of(98_999_985_000L));
        assertThat(afterBuy.tokens()).containsExactly(TokenBalance.unpriced(TOKEN, BOUGHT));

        Fill sell =
                filled(executor.execute(order("s1", Side.SELL, BOUGHT, OrderOptions.NONE.withReason("take-profit"))));

        // floor(101e9 × 9 876 482 091 × 9975 / (990 123 517 909 × 10000 + 9 876 482 091 × 9975)) = 995 055 448
        assertThat(sell.amountOut()).isEqualTo(TokenAmount.of(995_055_448L, 9));
        assertThat(sell.reason()).isEqualTo("take-profit");
        WalletBalances afterSell = wallet(executor, "default");
        assertThat(afterSell.sol()).isEqualTo(Lamports.of(98_999_985_000L + 995_055_448L - 15_000L));
        assertThat(afterSell.tokens()).isEmpty();
        assertThat(executor.capabilities()).containsExactlyInAnyOrder("wallet-balances", "multi-wallet");
    }

    @Test
    void shouldTradeFromTheWalletTheOrderNamesEachBotWithItsOwn() {
        PaperSettings settings = PaperSettings.defaults(7)
                .withWallets(new Wallets(Lamports.ofSol("100"), Map.of("w2", Lamports.ofSol("2"))));
        PaperExecutor executor = executor(Markets.onePool(), settings);

        filled(executor.execute(order("b1", Side.BUY, ONE_SOL, OrderOptions.NONE.withWallet("w2"))));

        assertThat(wallet(executor, "w2").sol()).isEqualTo(Lamports.of(2_000_000_000L - 1_000_015_000L));
        assertThat(wallet(executor, "w2").token(TOKEN)).isPresent();
        assertThat(wallet(executor, "default").sol()).isEqualTo(Lamports.ofSol("100"));
        assertThat(executor.balances(BotId.of("paper-2"), "w2").orElseThrow().sol())
                .isEqualTo(Lamports.ofSol("2"));
    }

    @Test
    void shouldRefuseABuyItsWalletCannotPayAtNoCost() {
        SimulatedMarket market = Markets.onePool();
        PaperExecutor executor =
                executor(market, PaperSettings.defaults(7).withWallets(Wallets.of(Lamports.ofSol("1"))));

        SwapOutcome.Failed failed = failed(executor.execute(order("b1", Side.BUY, ONE_SOL, OrderOptions.NONE)));

        assertThat(failed.failure().stage()).isEqualTo("send");
        assertThat(failed.failure().reason())
                .isEqualTo("insufficient SOL: paper wallet 'default' has 1000000000 lamports free, but the transaction"
                        + " needs up to 1000015000 lamports");
        assertThat(failed.failure().fee()).isEqualTo(Lamports.ZERO);
        assertThat(wallet(executor, "default").sol()).isEqualTo(Lamports.ofSol("1"));
        assertThat(market.pool(TOKEN).orElseThrow().solReserve()).isEqualTo(Lamports.ofSol("100"));
    }

    @Test
    void shouldPayTheOrdersOwnJitoTipOnEachLandedPart() {
        PaperExecutor executor = executor(Markets.onePool(), PaperSettings.defaults(7));

        Fill fill = filled(
                executor.execute(order("b1", Side.BUY, ONE_SOL, OrderOptions.NONE.withJitoTip(Lamports.of(50_000)))));

        assertThat(fill.tip()).isEqualTo(Lamports.of(50_000));
        assertThat(fill.fee()).isEqualTo(Lamports.of(15_000));
        assertThat(wallet(executor, "default").sol()).isEqualTo(Lamports.of(100_000_000_000L - 1_000_065_000L));
    }

    @Test
    void shouldRefuseATipBelowJitosMinimumAtNoCost() {
        PaperExecutor executor = executor(Markets.onePool(), PaperSettings.defaults(7));

        SwapOutcome.Failed failed = failed(
                executor.execute(order("b1", Side.BUY, ONE_SOL, OrderOptions.NONE.withJitoTip(Lamports.of(999)))));

        assertThat(failed.failure().stage()).isEqualTo("send");
        assertThat(failed.failure().reason())
                .isEqualTo("the block engine refused the bundle: a tip of 999 lamports is below Jito's minimum of 1000"
                        + " lamports");
        assertThat(wallet(executor, "default").sol()).isEqualTo(Lamports.ofSol("100"));
    }

    @Test
    void shouldNotChargeABundleThatDidNotLand() {
        PaperSettings settings = PaperSettings.defaults(7).withFailureRates(new FailureRates(0, 0, 0, 0, 1));
        PaperExecutor executor = executor(Markets.onePool(), settings);

        SwapOutcome.Failed failed = failed(
                executor.execute(order("b1", Side.BUY, ONE_SOL, OrderOptions.NONE.withJitoTip(Lamports.of(50_000)))));

        assertThat(failed.failure().reason()).isEqualTo("the Jito bundle did not land (simulated failure)");
        assertThat(failed.failure().fee()).isEqualTo(Lamports.ZERO);
        assertThat(wallet(executor, "default").sol()).isEqualTo(Lamports.ofSol("100"));
    }

    @Test
    void shouldUseTheOrdersOwnSlippage() {
        // in two parts, the second against the pool the first moved: it pays 4 913 672 983, short of its share of
        // the quote with no slippage (4 938 241 045) but within 1 % of it
        PaperSettings settings = PaperSettings.defaults(7).withPartials(new Partials(2, 2));
        PaperExecutor strict = executor(Markets.onePool(), settings);
        PaperExecutor lenient = executor(Markets.onePool(), settings);

        SwapOutcome.Failed failed =
                failed(strict.execute(order("b1", Side.BUY, ONE_SOL, OrderOptions.NONE.withSlippageBps(0))));
        SwapOutcome filled = lenient.execute(order("b1", Side.BUY, ONE_SOL, OrderOptions.NONE));

        assertThat(failed.failure().reason()).contains("slippage exceeded");
        assertThat(filled).isInstanceOf(SwapOutcome.Filled.class);
    }

    @Test
    void shouldChargeAWalletTheFeeOfASellThatLandedAndReverted() {
        SimulatedMarket honeypot = Markets.started(new MarketEvent.TokenListed(
                T0,
                TOKEN,
                "HNY",
                6,
                Lamports.ofSol("100"),
                new TokenAmount(BigInteger.valueOf(1_000_000_000_000L), 6),
                25,
                Authorities.RENOUNCED,
                false,
                List.of()));
        PaperExecutor executor = executor(honeypot, PaperSettings.defaults(7));
        filled(executor.execute(order("b1", Side.BUY, ONE_SOL, OrderOptions.NONE)));

        SwapOutcome.Failed failed = failed(executor.execute(order("s1", Side.SELL, BOUGHT, OrderOptions.NONE)));

        assertThat(failed.failure().fee()).isEqualTo(Lamports.of(15_000));
        WalletBalances after = wallet(executor, "default");
        assertThat(after.sol()).isEqualTo(Lamports.of(100_000_000_000L - 1_000_015_000L - 15_000L));
        assertThat(after.tokens()).containsExactly(TokenBalance.unpriced(TOKEN, BOUGHT));
    }
}
