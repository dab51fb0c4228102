package io.solbot.core.execution;

import static io.solbot.core.execution.LiveFixture.TOKEN;
import static io.solbot.core.execution.LiveFixture.WALLET;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterSettings;
import io.solbot.core.solana.SigningPolicy;
import io.solbot.core.solana.TransactionSigner;
import io.solbot.core.solana.rpc.RpcSettings;
import io.solbot.core.solana.rpc.SolanaRpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live executor with Swap API v2: order, sign, journal, then Jupiter's {@code /execute} lands it. */
class LiveExecutorV2Test {
    @TempDir
    Path dir;

    private final LiveFixture f = new LiveFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private LiveExecutor executor(Path journal) {
        JupiterClient client = new JupiterClient(JupiterSettings.of(f.jupiter.uri(), Optional.empty(), 1000)
                .withRetries(Duration.ofSeconds(60), 3, Duration.ofMillis(1), Duration.ofMillis(4)));
        SolanaRpc rpc = new SolanaRpc(RpcSettings.of(f.node.uri(), 1000)
                .withRetries(Duration.ofSeconds(60), 3, Duration.ofMillis(1), Duration.ofMillis(4)));
        return LiveExecutor.builder(
                        client.swapV2(), rpc, new TransactionSigner(WALLET, SigningPolicy.jupiterSwaps()), journal)
                .polling(Duration.ofMillis(5), 2)
                .build();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldBuyThroughJupitersExecuteWithTheAttemptJournalledBeforeIt() {
        Path journal = dir.resolve("live.jsonl");
        List<String> journalAtExecute = new CopyOnWriteArrayList<>();
        f.jupiter.lander(tx -> {
            journalAtExecute.add(read(journal));
            String signature = f.node.submit(tx);
            return f.node.landed().contains(signature);
        });

        SwapOutcome outcome;
        try (LiveExecutor live = executor(journal)) {
            outcome = live.execute(LiveFixture.buy("v2-buy", 100_000_000));
        }

        Fill fill = ((SwapOutcome.Filled) outcome).fills().getFirst();
        // 0.1 SOL at 40 tokens a thousand lamports
        assertThat(fill.amountOut()).isEqualTo(TokenAmount.of(4_000_000_000L, 6));
        assertThat(fill.signature().value()).isEqualTo(f.node.succeeded().getFirst());
        assertThat(f.node.tokens(WALLET.address(), TOKEN)).isEqualTo(BigInteger.valueOf(4_000_000_000L));
        // sent by Jupiter alone, once, after the attempt was on disk
        assertThat(f.node.calls("sendTransaction")).isZero();
        assertThat(journalAtExecute).hasSize(1);
        assertThat(journalAtExecute.getFirst())
                .contains("\"type\":\"attempt\"", fill.signature().value());
    }

    @Test
    void shouldFailWithoutWaitingWhenJupiterSaysItDidNotSendTheTransaction() {
        f.jupiter.enqueue(
                "/swap/v2/execute",
                200,
                "{\"status\":\"Failed\",\"signature\":\"\",\"code\":-2,\"error\":\"Invalid signed transaction\","
                        + "\"totalInputAmount\":\"0\",\"totalOutputAmount\":\"0\"}");

        SwapOutcome outcome;
        try (LiveExecutor live = executor(dir.resolve("live.jsonl"))) {
            outcome = live.execute(LiveFixture.buy("v2-refused", 100_000_000));
        }

        assertThat(outcome).isInstanceOf(SwapOutcome.Failed.class);
        assertThat(((SwapOutcome.Failed) outcome).failure().reason())
                .contains("Jupiter did not send", "code -2 Invalid signed transaction");
        assertThat(f.node.landed()).isEmpty();
        assertThat(f.jupiter.transactionsBuilt()).isEqualTo(1);
    }

    @Test
    void shouldResolveAnOrderLandedThroughJupiterByItsSignatureAfterACrash() throws IOException {
        Path journal = dir.resolve("live.jsonl");
        f.jupiter.lander(tx -> f.node.landed().contains(f.node.submit(tx)));
        SwapOrder order = LiveFixture.buy("v2-crash", 100_000_000);
        try (LiveExecutor live = executor(journal)) {
            live.execute(order);
        }
        // the process died after sending: its journal holds the attempt, not the outcome
        List<String> lines = Files.readAllLines(journal).stream()
                .filter(l -> !l.contains("\"type\":\"outcome\""))
                .toList();
        Files.write(journal, lines);

        Optional<SwapOutcome> resolved;
        try (LiveExecutor restarted = executor(journal)) {
            resolved = restarted.resolve(order);
        }

        Fill fill = ((SwapOutcome.Filled) resolved.orElseThrow()).fills().getFirst();
        assertThat(fill.signature().value()).isEqualTo(f.node.succeeded().getFirst());
        assertThat(fill.amountOut()).isEqualTo(TokenAmount.of(4_000_000_000L, 6));
        assertThat(f.node.landed()).hasSize(1);
    }
}
