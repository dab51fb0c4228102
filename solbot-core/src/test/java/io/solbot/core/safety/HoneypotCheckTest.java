package io.solbot.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.config.SafetyChoice;
import io.solbot.core.domain.Authorities;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.execution.Quote;
import io.solbot.core.execution.SwapExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.market.MarketEvent;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.solana.account.Extension;
import io.solbot.core.testing.Markets;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The honeypot check against the simulated market and the paper executor: quotes, a round trip, a dry-run sell. */
class HoneypotCheckTest {
    private static final Mint GOOD = Markets.TOKEN;
    private static final Mint TRAP = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final String HOOK = "JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN";

    private static MarketEvent.TokenListed listing(Mint mint, boolean sellable, List<Extension> extensions) {
        return new MarketEvent.TokenListed(
                Markets.T0,
                mint,
                "TKN",
                6,
                Lamports.of(100_000_000_000L),
                new TokenAmount(BigInteger.valueOf(1_000_000_000_000L), 6),
                25,
                Authorities.RENOUNCED,
                sellable,
                List.of(),
                extensions);
    }

    private static SafetyGate gate(SimulatedMarket market) {
        PaperExecutor executor = PaperExecutor.builder(
                        PaperSettings.defaults(1).withExecModel(ExecModel.AMM_DEPTH), market)
                .build();
        return SafetyGate.builder(market).executor(executor).inline().build();
    }

    private static CheckResult result(SafetyVerdict verdict, String check) {
        return verdict.items().stream()
                .filter(i -> i.check().equals(check))
                .findFirst()
                .orElseThrow()
                .result();
    }

    @Test
    void shouldPassARoundTripThatLosesOnlyThePoolFeesAndImpact() {
        SafetyGate gate = gate(Markets.started(listing(GOOD, true, List.of())));

        SafetyVerdict verdict = gate.verdict(GOOD, SafetyChoice.ALL);

        // 0.1 SOL buys 996 505 985 raw units from 100 SOL / 1e12, 0.25 % fee; they sell back for 99 302 763 lamports:
        // (1e8 − 99 302 763) × 10000 / 1e8 = 69.7, rounded up to 70 bps
        assertThat(result(verdict, BuiltInChecks.HONEYPOT))
                .isEqualTo(
                        CheckResult.pass(
                                "a round trip of 0.1 SOL returns 0.099302763 SOL, a loss of 70 bps; the sell lands when tried"));
    }

    /** An executor that passes each quote and dry run to {@code paper}, noting the sells' amounts. */
    private record Recording(PaperExecutor paper, List<TokenAmount> sellQuotes, List<TokenAmount> sellDryRuns)
            implements SwapExecutor {
        Recording(PaperExecutor paper) {
            this(paper, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        @Override
        public SwapOutcome execute(SwapOrder order) {
            throw new UnsupportedOperationException("a safety check sends nothing");
        }

        @Override
        public Optional<Quote> quote(Mint mint, Side side, TokenAmount amountIn, int slippageBps) {
            if (side == Side.SELL) {
                sellQuotes.add(amountIn);
            }
            return paper.quote(mint, side, amountIn, slippageBps);
        }

        @Override
        public Optional<DryRun> dryRun(Mint mint, Side side, TokenAmount amountIn) {
            if (side == Side.SELL) {
                sellDryRuns.add(amountIn);
            }
            return paper.dryRun(mint, side, amountIn);
        }
    }

    @Test
    void shouldQuoteAndTryTheSellOfWhatTheWalletHoldsAfterTheBuysTransferFee() {
        BigInteger u64Max = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
        Extension.TransferFee fivePercent = new Extension.TransferFee(BigInteger.ZERO, u64Max, 500);
        SimulatedMarket market = Markets.started(listing(
                GOOD,
                true,
                List.of(new Extension.TransferFeeConfig(
                        Optional.empty(), Optional.empty(), BigInteger.ZERO, fivePercent, fivePercent))));
        Recording executor = new Recording(
                PaperExecutor.builder(PaperSettings.defaults(1).withExecModel(ExecModel.AMM_DEPTH), market)
                        .build());

        SafetyGate.builder(market).executor(executor).inline().build().verdict(GOOD, SafetyChoice.ALL);

        // 0.1 SOL buys 996 505 985 raw units; the fee of their transfer to the wallet is ceil(5 % of them), 49 825 300,
        // so the wallet holds and would sell 946 680 685: the fee of the sell's own transfer is not taken off again
        TokenAmount held = new TokenAmount(BigInteger.valueOf(946_680_685L), 6);
        assertThat(executor.sellQuotes()).containsExactly(held);
        assertThat(executor.sellDryRuns()).containsExactly(held);
    }

    @Test
    void shouldFailATokenWhoseSellRevertsAndNameItsTransferHook() {
        SafetyGate gate = gate(Markets.started(
                listing(TRAP, false, List.of(new Extension.TransferHook(Optional.empty(), Optional.of(HOOK))))));

        SafetyVerdict verdict = gate.verdict(TRAP, SafetyChoice.ALL);

        assertThat(result(verdict, BuiltInChecks.HONEYPOT))
                .isEqualTo(CheckResult.fail(
                        "a sell of what 0.1 SOL buys would revert: the sell of " + TRAP
                                + " reverted: the token cannot be sold",
                        100));
        assertThat(result(verdict, BuiltInChecks.TOKEN_EXTENSIONS))
                .isEqualTo(CheckResult.fail(
                        "the transfer hook program " + HOOK + " runs on every transfer and can refuse sells", 60));
        assertThat(verdict.decision()).isEqualTo(SafetyVerdict.Decision.REFUSE);
    }

    @Test
    void shouldFindTheHoneypotsOfARandomMarketFromTheirBytesAndTheirSells() {
        // every step launches a token, and every launch is a honeypot
        SimulatedMarket market = SimulatedMarket.random(RandomMarketSettings.defaults(5, Markets.T0)
                .withInitialTokens(0)
                .withLaunches(1, 0, 1));
        market.advanceTo(Markets.T0.plusSeconds(2));
        SafetyGate gate = gate(market);

        assertThat(market.mints()).isNotEmpty();
        for (Mint mint : market.mints()) {
            SafetyVerdict verdict = gate.verdict(mint, new SafetyChoice(true, Set.of()));
            assertThat(result(verdict, BuiltInChecks.HONEYPOT).outcome()).isEqualTo(CheckResult.Outcome.FAIL);
            assertThat(result(verdict, BuiltInChecks.TOKEN_EXTENSIONS).reason())
                    .startsWith("the transfer hook program");
            assertThat(verdict.riskScore()).isEqualTo(100);
        }
    }
}
