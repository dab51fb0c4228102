package io.solbot.core.execution;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterSettings;
import io.solbot.core.solana.Keypair;
import io.solbot.core.solana.SigningPolicy;
import io.solbot.core.solana.TransactionSigner;
import io.solbot.core.solana.rpc.RpcSettings;
import io.solbot.core.solana.rpc.SolanaRpc;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.FakeSolanaRpc;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A wallet, a fake Jupiter and a fake RPC node on one simulated chain, and live executors against them. */
final class LiveFixture implements AutoCloseable {
    static final Mint TOKEN = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    static final Keypair WALLET = Keypair.fromSeed(seed());
    static final BotId BOT = BotId.of("live-bot");
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    final FakeSolanaRpc node;
    final FakeJupiter jupiter;

    LiveFixture() {
        this(new FakeSolanaRpc(), new FakeJupiter());
    }

    LiveFixture(FakeSolanaRpc node, FakeJupiter jupiter) {
        this.node = node.fund(WALLET.address(), 10_000_000_000L);
        // 40 tokens (6 decimals) a thousand lamports
        this.jupiter = jupiter.price(TOKEN, 1_000, 40_000).chain(node::blockhash, node::lastValidBlockHeight);
        byte[] mint = new byte[82];
        mint[44] = 6;
        mint[45] = 1;
        node.account(io.solbot.core.solana.Address.of(TOKEN.address()), mint);
    }

    static LiveExecutor.Builder executor(URI jupiter, URI rpc, Path journal) {
        // no test here times a call out: a timeout long enough that a busy machine never makes an extra attempt
        JupiterClient client = new JupiterClient(JupiterSettings.of(jupiter, Optional.empty(), 1000)
                .withRetries(Duration.ofSeconds(60), 3, Duration.ofMillis(1), Duration.ofMillis(4)));
        SolanaRpc solana = new SolanaRpc(RpcSettings.of(rpc, 1000)
                .withRetries(Duration.ofSeconds(60), 3, Duration.ofMillis(1), Duration.ofMillis(4)));
        return LiveExecutor.builder(
                        client.metis(), solana, new TransactionSigner(WALLET, SigningPolicy.jupiterSwaps()), journal)
                .polling(Duration.ofMillis(5), 2);
    }

    LiveExecutor.Builder executor(Path journal) {
        return executor(jupiter.uri(), node.uri(), journal);
    }

    static SwapOrder buy(String id, long lamports) {
        return new SwapOrder(
                OrderId.of(id), BOT, TOKEN, Side.BUY, Lamports.of(lamports).toTokenAmount(), 100, Lamports.ZERO, T0);
    }

    static SwapOrder sell(String id, long units) {
        return new SwapOrder(OrderId.of(id), BOT, TOKEN, Side.SELL, TokenAmount.of(units, 6), 100, Lamports.ZERO, T0);
    }

    private static byte[] seed() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (100 + i);
        }
        return seed;
    }

    @Override
    public void close() {
        node.close();
        jupiter.close();
    }
}
