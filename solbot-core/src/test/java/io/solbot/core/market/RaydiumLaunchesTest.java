package io.solbot.core.market;

import static io.solbot.core.market.LiveMarketReadsTest.address;
import static io.solbot.core.market.LiveMarketReadsTest.sig;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.NewToken;
import io.solbot.core.jupiter.JupiterClient;
import io.solbot.core.jupiter.JupiterSettings;
import io.solbot.core.solana.Address;
import io.solbot.core.solana.pubsub.NewPools;
import io.solbot.core.solana.pubsub.PubSubClient;
import io.solbot.core.solana.pubsub.PubSubSettings;
import io.solbot.core.solana.rpc.RpcSettings;
import io.solbot.core.solana.rpc.SolanaRpc;
import io.solbot.core.testing.FakeJupiter;
import io.solbot.core.testing.FakeLedger;
import io.solbot.core.testing.FakePubSub;
import io.solbot.core.testing.FakeSolanaRpc;
import io.solbot.core.testing.TransactionJson;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RaydiumLaunchesTest {
    private static final Mint TOKEN = LiveMarketReadsTest.TOKEN;
    private static final Mint OTHER = Mint.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN");
    private static final Address WSOL = Address.of(Mint.WRAPPED_SOL.address());
    private static final Address LAUNCHPAD = address(90);

    /** Raydium AMM v4 {@code initialize2}: 21 accounts, the coin mint 9th and the pc mint 10th. */
    static String initialize2(String signature, Mint coin, Mint pc) {
        TransactionJson tx = new TransactionJson(signature).blockTime(1_764_000_100L);
        tx.account(address(80), 10_000_000_000L, 9_000_000_000L);
        List<Address> accounts = new ArrayList<>(List.of(
                Address.TOKEN_PROGRAM,
                Address.ASSOCIATED_TOKEN_PROGRAM,
                Address.SYSTEM_PROGRAM,
                Address.of("SysvarRent111111111111111111111111111111111"),
                address(81),
                Address.of("5Q544fKrFoe6tsEbD7S8EmxGTJYAKtTVhAW5Q5pge4j1"),
                address(82),
                address(83),
                Address.of(coin.address()),
                Address.of(pc.address())));
        for (int i = 84; i < 95; i++) {
            accounts.add(address(i));
        }
        byte[] data = new byte[26];
        data[0] = 1;
        tx.instruction(NewPools.RAYDIUM_AMM_V4, accounts, data);
        return tx.json();
    }

    /** Raydium CPMM {@code initialize}, called by a launchpad: token 0's mint 5th, token 1's 6th. */
    static String cpmmInitialize(String signature, Mint token0, Mint token1) throws Exception {
        TransactionJson tx = new TransactionJson(signature).blockTime(1_764_000_200L);
        tx.account(address(80), 10_000_000_000L, 9_000_000_000L);
        tx.instruction(LAUNCHPAD, List.of(address(80)), new byte[] {9});
        byte[] data = Arrays.copyOf(
                Arrays.copyOf(
                        MessageDigest.getInstance("SHA-256")
                                .digest("global:initialize".getBytes(StandardCharsets.UTF_8)),
                        8),
                32);
        tx.innerInstruction(
                0,
                NewPools.RAYDIUM_CPMM,
                List.of(
                        address(80),
                        address(84),
                        Address.of("GpMZbSM2GgvTKHJirzeGfMFoaZ8UR2X7F4v8vHTvxFbL"),
                        address(85),
                        Address.of(token0.address()),
                        Address.of(token1.address()),
                        address(86)),
                data);
        return tx.json();
    }

    private static List<String> logs(Address program, String marker) {
        return List.of(
                "Program " + program + " invoke [1]", "Program log: " + marker, "Program " + program + " success");
    }

    @Test
    void shouldNameTheTokenOfARaydiumPoolFromItsTransactionOnceTheNodeServesIt() throws Exception {
        try (FakeSolanaRpc node = new FakeSolanaRpc();
                FakeJupiter jupiter = new FakeJupiter();
                FakePubSub pubSub = new FakePubSub();
                PubSubClient client = new PubSubClient(PubSubSettings.of(pubSub.uri()))) {
            FakeLedger ledger = new FakeLedger(node);
            ledger.mint(TOKEN, Address.TOKEN_PROGRAM, 5, BigInteger.TEN, null);
            ledger.mint(OTHER, Address.TOKEN_2022_PROGRAM, 9, BigInteger.TEN, null);
            ledger.transaction(sig(1), initialize2(sig(1), TOKEN, Mint.WRAPPED_SOL));
            ledger.transaction(sig(2), cpmmInitialize(sig(2), Mint.WRAPPED_SOL, OTHER));
            // the first read of the v4 pool comes before the node serves it at confirmed
            node.script("getTransaction", "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}");
            LiveMarket market = new LiveMarket(
                    new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.empty(), 1000)),
                    new SolanaRpc(RpcSettings.of(node.uri(), 1000)));
            client.start();
            market.listenForLaunches(client, Duration.ofMillis(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (pubSub.live("logsSubscribe").size() < 3) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(2);
            }

            pubSub.notifyLogs(
                    NewPools.RAYDIUM_AMM_V4,
                    sig(1),
                    10,
                    null,
                    logs(
                            NewPools.RAYDIUM_AMM_V4,
                            "initialize2: InitializeInstruction2 { nonce: 254, open_time: 0, init_pc_amount: 10,"
                                    + " init_coin_amount: 20 }"));
            while (market.newTokens(Instant.EPOCH).isEmpty()) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(2);
            }
            pubSub.notifyLogs(
                    NewPools.RAYDIUM_CPMM, sig(2), 11, null, logs(NewPools.RAYDIUM_CPMM, "Instruction: Initialize"));
            while (market.newTokens(Instant.EPOCH).size() < 2) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(2);
            }

            assertThat(market.newTokens(Instant.EPOCH))
                    .containsExactly(
                            new NewToken(TOKEN, "DezX", 5, Instant.ofEpochSecond(1_764_000_100L)),
                            new NewToken(OTHER, "JUPy", 9, Instant.ofEpochSecond(1_764_000_200L)));
            // the v4 pool's transaction was asked twice: not there, then there
            assertThat(node.requests().stream()
                            .filter(r -> r.body().contains("getTransaction")
                                    && r.body().contains(sig(1)))
                            .count())
                    .isEqualTo(2);
        }
    }

    @Test
    void shouldFindNoTokenInAPoolBetweenTwoTokensOrATransactionWithoutTheInstruction() throws Exception {
        try (FakeSolanaRpc node = new FakeSolanaRpc()) {
            FakeLedger ledger = new FakeLedger(node);
            ledger.transaction(sig(1), initialize2(sig(1), TOKEN, Mint.USDC));
            ledger.transaction(sig(2), cpmmInitialize(sig(2), OTHER, Mint.WRAPPED_SOL));
            SolanaRpc rpc = new SolanaRpc(RpcSettings.of(node.uri(), 1000));

            var v4 = rpc.transaction(
                            io.solbot.core.domain.TxSignature.of(sig(1)),
                            io.solbot.core.solana.rpc.Commitment.CONFIRMED)
                    .orElseThrow();
            var cpmm = rpc.transaction(
                            io.solbot.core.domain.TxSignature.of(sig(2)),
                            io.solbot.core.solana.rpc.Commitment.CONFIRMED)
                    .orElseThrow();

            assertThat(NewPools.poolMint(v4, NewPools.RAYDIUM_AMM_V4)).isEmpty();
            assertThat(NewPools.poolMint(v4, NewPools.RAYDIUM_CPMM)).isEmpty();
            assertThat(NewPools.poolMint(cpmm, NewPools.RAYDIUM_CPMM)).contains(OTHER);
            assertThat(cpmm.instructions())
                    .extracting(i -> i.program() + "@" + i.depth())
                    .containsExactly(LAUNCHPAD + "@1", NewPools.RAYDIUM_CPMM + "@2");
        }
    }
}
