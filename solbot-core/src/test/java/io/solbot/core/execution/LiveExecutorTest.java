package io.solbot.core.execution;

import static io.solbot.core.execution.LiveFixture.TOKEN;
import static io.solbot.core.execution.LiveFixture.WALLET;
import static io.solbot.core.execution.LiveFixture.buy;
import static io.solbot.core.execution.LiveFixture.sell;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.internal.Json;
import io.solbot.core.solana.rpc.RpcSettings;
import io.solbot.core.solana.rpc.SolanaRpc;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.FakeSolanaRpc;
import io.solbot.core.testing.RelayServer;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveExecutorTest {
    @TempDir
    Path dir;

    private final LiveFixture chain = new LiveFixture();

    @AfterEach
    void close() {
        chain.close();
    }

    @Test
    void shouldBuyAndSellFillingFromTheWalletsBalanceChanges() {
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            SwapOutcome bought = executor.execute(buy("b-1", 1_000_000_000L));

            Fill buy = ((SwapOutcome.Filled) bought).fills().getFirst();
            assertThat(buy.side()).isEqualTo(Side.BUY);
            assertThat(buy.amountIn()).isEqualTo(Lamports.of(1_000_000_000L).toTokenAmount());
            // a thousand lamports buy 40,000 raw units: 1 SOL buys 40,000 whole tokens of 6 decimals
            assertThat(buy.amountOut()).isEqualTo(TokenAmount.of(40_000_000_000L, 6));
            assertThat(buy.fee()).isEqualTo(Lamports.of(5_000));
            assertThat(buy.signature().value()).isEqualTo(chain.node.succeeded().getFirst());
            assertThat(chain.node.tokens(WALLET.address(), TOKEN)).isEqualTo(BigInteger.valueOf(40_000_000_000L));

            SwapOutcome sold = executor.execute(sell("s-1", 20_000_000_000L));

            Fill sell = ((SwapOutcome.Filled) sold).fills().getFirst();
            assertThat(sell.amountIn()).isEqualTo(TokenAmount.of(20_000_000_000L, 6));
            assertThat(sell.amountOut()).isEqualTo(Lamports.of(500_000_000L).toTokenAmount());
            assertThat(chain.node.lamports(WALLET.address())).isEqualTo(10_000_000_000L - 500_000_000L - 10_000L);
            assertThat(chain.node.succeeded()).hasSize(2);
            assertThat(executor.resolve(sell("s-1", 20_000_000_000L))).contains(sold);
        }
    }

    @Test
    void shouldFailWithoutCostWhenThePreflightRefusesAndWithTheFeeWhenItLandsAndReverts() {
        chain.node.fates(FakeSolanaRpc.Fate.FAIL, FakeSolanaRpc.Fate.REVERT);
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            OrderFailure refused = ((SwapOutcome.Failed) executor.execute(buy("b-1", 1_000_000_000L))).failure();
            OrderFailure reverted = ((SwapOutcome.Failed) executor.execute(buy("b-2", 1_000_000_001L))).failure();

            assertThat(refused.stage()).isEqualTo("send");
            assertThat(refused.reason()).contains("preflight failed").contains("6001");
            assertThat(refused.fee()).isEqualTo(Lamports.ZERO);
            assertThat(reverted.stage()).isEqualTo("land");
            assertThat(reverted.reason()).contains("landed and failed: {\"InstructionError\":[2,{\"Custom\":6001}]}");
            assertThat(reverted.fee()).isEqualTo(Lamports.of(5_000));
            assertThat(chain.node.landed()).hasSize(1);
            assertThat(chain.node.succeeded()).isEmpty();
        }
    }

    @Test
    void shouldResendTheSameBytesUntilExpiryThenRequoteAndLandExactlyOneSwap() throws Exception {
        chain.node.fates(FakeSolanaRpc.Fate.DROP);
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            CompletableFuture<SwapOutcome> outcome =
                    CompletableFuture.supplyAsync(() -> executor.execute(buy("b-1", 1_000_000_000L)));
            awaitTrue(() -> !chain.node.received().isEmpty()
                    && chain.node.receipts(TxSignature.of(chain.node.received().getFirst())) >= 3);
            // re-sent, never re-signed while the first may land
            assertThat(chain.node.received()).hasSize(1);
            assertThat(chain.jupiter.transactionsBuilt()).isEqualTo(1);

            chain.node.advance(FakeSolanaRpc.VALIDITY + 1);
            Fill fill = ((SwapOutcome.Filled) outcome.get()).fills().getFirst();

            assertThat(chain.node.received()).hasSize(2);
            assertThat(chain.jupiter.requests("/swap/v1/quote")).hasSize(2);
            assertThat(chain.node.succeeded())
                    .containsExactly(chain.node.received().get(1));
            assertThat(fill.signature().value()).isEqualTo(chain.node.received().get(1));
            assertThat(chain.node.tokens(WALLET.address(), TOKEN)).isEqualTo(BigInteger.valueOf(40_000_000_000L));
        }
    }

    @Test
    void shouldFillFromTheStatusWhenTheAnswerToTheSendIsLost() {
        chain.node.loseNextSendReply();
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            Fill fill = ((SwapOutcome.Filled) executor.execute(buy("b-1", 1_000_000_000L)))
                    .fills()
                    .getFirst();

            assertThat(chain.node.received()).hasSize(1);
            assertThat(chain.node.succeeded()).containsExactly(fill.signature().value());
            assertThat(chain.jupiter.requests("/swap/v1/quote")).hasSize(1);
            assertThat(fill.amountOut()).isEqualTo(TokenAmount.of(40_000_000_000L, 6));
        }
    }

    @Test
    void shouldTakeAlreadyProcessedForSentAndFillFromTheStatus() {
        chain.node.deliverNextSendTwice();
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            Fill fill = ((SwapOutcome.Filled) executor.execute(buy("b-1", 1_000_000_000L)))
                    .fills()
                    .getFirst();

            assertThat(chain.node.receipts(fill.signature())).isGreaterThanOrEqualTo(2);
            assertThat(chain.node.succeeded()).containsExactly(fill.signature().value());
            assertThat(chain.jupiter.requests("/swap/v1/quote")).hasSize(1);
        }
    }

    @Test
    void shouldResendNotResignWhenALaggingNodeDoesNotKnowTheBlockhashYet() throws Exception {
        // Jupiter's node is two blocks ahead of ours: our node's preflight answers BlockhashNotFound
        long ahead = chain.node.blockHeight() + 2;
        chain.jupiter.chain(() -> FakeSolanaRpc.blockhashBytesAt(ahead), () -> ahead + FakeSolanaRpc.VALIDITY);
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            CompletableFuture<SwapOutcome> outcome =
                    CompletableFuture.supplyAsync(() -> executor.execute(buy("b-1", 1_000_000_000L)));
            awaitTrue(() -> outcome.isDone()
                    || (!chain.node.received().isEmpty()
                            && chain.node.receipts(
                                            TxSignature.of(chain.node.received().getFirst()))
                                    >= 2));
            assertThat(outcome).isNotDone();

            chain.node.advance(2);
            Fill fill = ((SwapOutcome.Filled) outcome.get()).fills().getFirst();

            assertThat(chain.jupiter.requests("/swap/v1/quote")).hasSize(1);
            assertThat(chain.node.received()).containsExactly(fill.signature().value());
            assertThat(chain.node.succeeded()).containsExactly(fill.signature().value());
        }
    }

    @Test
    void shouldNotRequoteWhileOurNodeStillTakesTheBlockhashThoughJupitersHeightHasPassed() throws Exception {
        // Jupiter's last valid block height is 100 blocks short of what our node allows
        chain.jupiter.chain(chain.node::blockhash, () -> chain.node.lastValidBlockHeight() - 100);
        chain.node.fates(FakeSolanaRpc.Fate.DROP);
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            CompletableFuture<SwapOutcome> outcome =
                    CompletableFuture.supplyAsync(() -> executor.execute(buy("b-1", 1_000_000_000L)));
            awaitTrue(() -> !chain.node.received().isEmpty());

            chain.node.advance(FakeSolanaRpc.VALIDITY - 90);
            awaitTrue(() -> chain.node.calls("isBlockhashValid") >= 2
                    || chain.jupiter.requests("/swap/v1/quote").size() > 1);
            assertThat(chain.jupiter.requests("/swap/v1/quote")).hasSize(1);
            assertThat(chain.node.received()).hasSize(1);
            // resolving judges expiry the same way: the attempt may still land
            assertThat(executor.resolve(buy("b-1", 1_000_000_000L))).isEmpty();

            chain.node.advance(91);
            Fill fill = ((SwapOutcome.Filled) outcome.get()).fills().getFirst();

            assertThat(chain.jupiter.requests("/swap/v1/quote")).hasSize(2);
            assertThat(chain.node.received()).hasSize(2);
            assertThat(chain.node.succeeded()).containsExactly(fill.signature().value());
        }
    }

    @Test
    void shouldSendATippedOrderThroughJitoWithoutPreflightAndCountTheTipApart() throws Exception {
        try (RelayServer blockEngine = new RelayServer(chain.node.uri());
                LiveExecutor executor = chain.executor(dir.resolve("live.jsonl"))
                        .jito(new SolanaRpc(RpcSettings.of(
                                URI.create(blockEngine.uri() + "/api/v1/transactions?bundleOnly=true"), 1000)))
                        .build()) {
            SwapOrder tipped = new SwapOrder(
                    OrderId.of("j-1"),
                    LiveFixture.BOT,
                    TOKEN,
                    Side.BUY,
                    Lamports.of(1_000_000_000L).toTokenAmount(),
                    100,
                    Lamports.of(50_000),
                    Lamports.of(10_000),
                    OrderOptions.DEFAULT_WALLET,
                    Fill.ENTRY,
                    LiveFixture.T0);

            Fill fill = ((SwapOutcome.Filled) executor.execute(tipped)).fills().getFirst();

            assertThat(blockEngine.requests()).isNotEmpty();
            JsonNode send = Json.parse(blockEngine.requests().getFirst().body());
            assertThat(send.get("method").asText()).isEqualTo("sendTransaction");
            assertThat(send.get("params").get(1).get("skipPreflight").asBoolean())
                    .isTrue();
            assertThat(blockEngine.requests().getFirst().query()).containsEntry("bundleOnly", "true");
            var body = Json.parse(
                    chain.jupiter.requests("/swap/v1/swap").getFirst().body());
            assertThat(body.get("prioritizationFeeLamports")
                            .get("jitoTipLamports")
                            .asLong())
                    .isEqualTo(10_000);
            assertThat(fill.tip()).isEqualTo(Lamports.of(10_000));
            assertThat(fill.amountIn()).isEqualTo(Lamports.of(1_000_000_000L).toTokenAmount());
            assertThat(chain.node.lamports(FakeJupiter.JITO_TIP_ACCOUNT)).isEqualTo(10_000);
            assertThat(chain.node.lamports(WALLET.address()))
                    .isEqualTo(10_000_000_000L - 1_000_000_000L - 5_000L - 10_000L);
        }
    }

    @Test
    void shouldNotSendTwoOrdersWhoseTransactionsAreTheSameBytes() {
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            SwapOutcome first = executor.execute(buy("b-1", 1_000_000_000L));
            OrderFailure twin = ((SwapOutcome.Failed) executor.execute(buy("b-2", 1_000_000_000L))).failure();

            assertThat(first).isInstanceOf(SwapOutcome.Filled.class);
            assertThat(twin.stage()).isEqualTo("sign");
            assertThat(twin.reason()).contains("is the very one of order b-1");
            assertThat(chain.node.received()).hasSize(1);
            chain.node.advance(1);
            assertThat(executor.execute(buy("b-3", 1_000_000_000L))).isInstanceOf(SwapOutcome.Filled.class);
        }
    }

    @Test
    void shouldGiveUpAfterItsAttemptsExpire() throws Exception {
        chain.node.fates(FakeSolanaRpc.Fate.DROP, FakeSolanaRpc.Fate.DROP);
        try (LiveExecutor executor =
                chain.executor(dir.resolve("live.jsonl")).maxAttempts(2).build()) {
            CompletableFuture<SwapOutcome> outcome =
                    CompletableFuture.supplyAsync(() -> executor.execute(buy("b-1", 1_000_000_000L)));
            for (int attempt = 1; attempt <= 2; attempt++) {
                int sent = attempt;
                awaitTrue(() -> chain.node.received().size() == sent);
                chain.node.advance(FakeSolanaRpc.VALIDITY + 1);
            }

            OrderFailure failure = ((SwapOutcome.Failed) outcome.get()).failure();
            assertThat(failure.stage()).isEqualTo("land");
            assertThat(failure.reason()).isEqualTo("expired 2 times without landing");
            assertThat(chain.node.landed()).isEmpty();
        }
    }

    @Test
    void shouldFailAtTheQuoteWithoutSendingWhenJupiterHasNoRoute() {
        chain.jupiter.untradable(TOKEN);
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            OrderFailure failure = ((SwapOutcome.Failed) executor.execute(buy("b-1", 1_000_000_000L))).failure();

            assertThat(failure.stage()).isEqualTo("quote");
            assertThat(failure.reason()).contains("TOKEN_NOT_TRADABLE");
            assertThat(chain.node.received()).isEmpty();
        }
    }

    @Test
    void shouldQuoteWithTheMintsDecimals() {
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            Quote quote = executor.quote(
                            TOKEN, Side.BUY, Lamports.of(1_000_000_000L).toTokenAmount(), 100)
                    .orElseThrow();

            assertThat(quote.expectedOut()).isEqualTo(TokenAmount.of(40_000_000_000L, 6));
            assertThat(quote.minOut()).isEqualTo(TokenAmount.of(39_600_000_000L, 6));
            assertThat(quote.price().value()).isEqualByComparingTo("0.000025");
        }
    }

    @Test
    void shouldHaveNoQuoteForAMintWhoseAccountIsMissingOrNoMint() {
        byte[] nine = new byte[32];
        java.util.Arrays.fill(nine, (byte) 9);
        io.solbot.core.domain.Mint missing = io.solbot.core.domain.Mint.of(
                io.solbot.core.solana.Address.ofBytes(nine).toString());
        io.solbot.core.domain.Mint tooShort =
                io.solbot.core.domain.Mint.of("Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB");
        chain.node.account(io.solbot.core.solana.Address.of(tooShort.address()), new byte[45]);
        chain.jupiter.price(missing, 1_000, 40_000).price(tooShort, 1_000, 40_000);
        try (LiveExecutor executor = chain.executor(dir.resolve("live.jsonl")).build()) {
            TokenAmount oneSol = Lamports.of(1_000_000_000L).toTokenAmount();

            assertThat(executor.quote(missing, Side.BUY, oneSol, 100)).isEmpty();
            assertThat(executor.quote(tooShort, Side.BUY, oneSol, 100)).isEmpty();
            assertThat(executor.quote(TOKEN, Side.BUY, oneSol, 100)).isPresent();
        }
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not hold within 20 s");
            }
            Thread.sleep(2);
        }
    }
}
