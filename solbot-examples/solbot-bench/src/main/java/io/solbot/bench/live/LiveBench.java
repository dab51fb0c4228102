package io.solbot.bench.live;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.execution.LiveExecutor;
import io.solbot.core.execution.SwapOrder;
import io.solbot.core.execution.SwapOutcome;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterSettings;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.Keypair;
import io.solbot.core.solana.SignedTransaction;
import io.solbot.core.solana.SigningPolicy;
import io.solbot.core.solana.TransactionSigner;
import io.solbot.core.solana.rpc.RpcSettings;
import io.solbot.core.solana.rpc.SolanaRpc;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.FakeSolanaRpc;
import io.solbot.core.testing.WireTransactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Live trading's own costs: signing a 272-byte v0 swap transaction (read, policy check, Ed25519, slot write) and the
 * JDK's Ed25519 alone; and one whole live buy through {@link LiveExecutor} against a fake Jupiter and a fake RPC node on
 * 127.0.0.1 (quote, swap transaction, sign, journal with fsync, send, one status poll after a 1 ms wait,
 * getTransaction, the outcome journalled), which is the executor's overhead per order over a network and chain that
 * answer at once.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LiveBench {
    private static final Mint TOKEN = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");

    Keypair wallet;
    TransactionSigner signer;
    byte[] unsigned;
    byte[] message;
    FakeSolanaRpc node;
    FakeJupiter jupiter;
    LiveExecutor executor;
    Path journal;
    final AtomicLong orders = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        byte[] seed = new byte[32];
        seed[0] = 1;
        wallet = Keypair.fromSeed(seed);
        signer = new TransactionSigner(wallet, SigningPolicy.jupiterSwaps());
        WireTransactions shape = WireTransactions.v0(wallet.address())
                .key(Address.COMPUTE_BUDGET_PROGRAM)
                .key(Address.SYSTEM_PROGRAM)
                .readonly(0, 2)
                .instruction(1, new int[] {}, new byte[] {2, 0x40, 0x0d, 3, 0})
                .instruction(1, new int[] {}, new byte[] {3, (byte) 0xe8, 3, 0, 0, 0, 0, 0, 0})
                .instruction(2, new int[] {0, 3}, new byte[] {2, 0, 0, 0, 0x40, 0x42, 0x0f, 0, 0, 0, 0, 0})
                .lookup(Address.TOKEN_PROGRAM, new int[] {0}, new int[] {});
        unsigned = shape.build();
        message = shape.message();

        node = new FakeSolanaRpc().fund(wallet.address(), Long.MAX_VALUE / 4);
        jupiter = new FakeJupiter().price(TOKEN, 1_000, 40_000).chain(node::blockhash, node::lastValidBlockHeight);
        journal = Files.createTempDirectory("live-bench");
        executor = LiveExecutor.builder(
                        new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.empty(), 1000)).metis(),
                        new SolanaRpc(RpcSettings.of(node.uri(), 10_000)),
                        signer,
                        journal.resolve("live.jsonl"))
                .polling(Duration.ofMillis(1), 1_000)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
        node.close();
        jupiter.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public SignedTransaction signSwapTransaction() {
        return signer.sign(unsigned);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] ed25519Only() {
        return wallet.sign(message);
    }

    /** One live buy, each of another amount, so that every order is its own transaction. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SwapOutcome liveBuyAgainstLoopbackFakes() {
        long n = orders.incrementAndGet();
        SwapOutcome outcome = executor.execute(new SwapOrder(
                OrderId.of("bench-" + n),
                BotId.of("bench"),
                TOKEN,
                Side.BUY,
                Lamports.of(1_000_000 + n).toTokenAmount(),
                100,
                Lamports.ZERO,
                Instant.EPOCH));
        if (!(outcome instanceof SwapOutcome.Filled)) {
            throw new IllegalStateException("the bench order did not fill: " + outcome);
        }
        return outcome;
    }
}
