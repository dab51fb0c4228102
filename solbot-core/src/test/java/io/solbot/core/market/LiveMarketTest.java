package io.solbot.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.Authorities;
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
import io.solbot.core.testing.FakePubSub;
import io.solbot.core.testing.FakeSolanaRpc;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveMarketTest {
    private static final Mint TOKEN = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Address AUTHORITY = Address.of("9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");

    @Test
    void shouldPriceInSolFromUsdPricesAndReadDecimalsAndAuthoritiesFromTheMint() {
        try (FakeSolanaRpc node = new FakeSolanaRpc();
                FakeJupiter jupiter = new FakeJupiter()) {
            jupiter.usdPrice(Mint.WRAPPED_SOL, new BigDecimal("150")).usdPrice(TOKEN, new BigDecimal("0.0003"));
            byte[] mint = new byte[82];
            // mint authority renounced: tag 0, the old key left in place; freeze authority set
            System.arraycopy(AUTHORITY.bytes(), 0, mint, 4, 32);
            mint[44] = 5;
            mint[45] = 1;
            mint[46] = 1;
            System.arraycopy(AUTHORITY.bytes(), 0, mint, 50, 32);
            node.account(Address.of(TOKEN.address()), mint);
            LiveMarket market = new LiveMarket(
                    new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.empty(), 1000)),
                    new SolanaRpc(RpcSettings.of(node.uri(), 1000)));

            assertThat(market.price(TOKEN).orElseThrow().value()).isEqualByComparingTo("0.000002");
            assertThat(market.solUsd().orElseThrow().usdPerSol()).isEqualByComparingTo("150");
            assertThat(market.decimals(TOKEN)).contains(5);
            assertThat(market.authorities(TOKEN)).contains(new Authorities(null, AUTHORITY.toString()));
            assertThat(market.price(Mint.USDC)).isEmpty();
            assertThat(market.decimals(Mint.USDC)).isEmpty();
            assertThat(market.capabilities())
                    .containsExactlyInAnyOrder(
                            "prices", "sol-usd", "pools", "token-info", "accounts", "wallet-swaps", "priority-fees");
        }
    }

    @Test
    void shouldListPumpFunLaunchesFromTheWebsocket() throws Exception {
        try (FakeSolanaRpc node = new FakeSolanaRpc();
                FakeJupiter jupiter = new FakeJupiter();
                FakePubSub pubSub = new FakePubSub();
                PubSubClient client = new PubSubClient(PubSubSettings.of(pubSub.uri()))) {
            LiveMarket market = new LiveMarket(
                    new JupiterClient(JupiterSettings.of(jupiter.uri(), Optional.empty(), 1000)),
                    new SolanaRpc(RpcSettings.of(node.uri(), 1000)));
            client.start();
            market.listenForLaunches(client);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // one subscription per program: pump.fun, Raydium AMM v4, Raydium CPMM
            while (pubSub.live("logsSubscribe").size() < 3) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(2);
            }

            String pump = NewPools.PUMP_FUN.toString();
            List<String> logs = List.of(
                    "Program " + pump + " invoke [1]",
                    "Program log: Instruction: Create",
                    "Program data: " + Base64.getEncoder().encodeToString(createEvent(TOKEN, "BONK", 1_764_000_000L)),
                    "Program " + pump + " success");
            pubSub.notifyLogs(NewPools.PUMP_FUN, "sig-1", 10, null, logs);
            pubSub.notifyLogs(NewPools.PUMP_FUN, "sig-1", 10, null, logs);
            while (market.newTokens(Instant.EPOCH).isEmpty()) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(2);
            }

            assertThat(market.newTokens(Instant.EPOCH))
                    .containsExactly(new NewToken(TOKEN, "BONK", 6, Instant.ofEpochSecond(1_764_000_000L)));
            assertThat(market.newTokens(Instant.ofEpochSecond(1_764_000_000L))).isEmpty();
            assertThat(market.capabilities()).contains("new-tokens");
        }
    }

    /** pump.fun's CreateEvent as its program emits it: discriminator, name, symbol, uri, four keys, timestamp. */
    static byte[] createEvent(Mint mint, String symbol, long timestamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {27, 114, (byte) 169, 77, (byte) 222, (byte) 235, 99, 118});
        for (String text : List.of("Bonk Inu", symbol, "https://ipfs.io/ipfs/Qm")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(bytes.length)
                    .array());
            out.writeBytes(bytes);
        }
        out.writeBytes(mint.bytes());
        out.writeBytes(new byte[3 * 32]);
        out.writeBytes(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(timestamp)
                .array());
        out.writeBytes(new byte[40]);
        return out.toByteArray();
    }
}
