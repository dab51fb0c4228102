package io.solbot.core.solana.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.solana.Address;
import io.solbot.core.solana.rpc.Commitment;
import io.solbot.core.testing.CapturedErr;
import io.solbot.core.testing.FakePubSub;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PubSubClientTest {
    private static final Address MINT = Address.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final String SIGNATURE =
            "5h6xBEauJ3PK6SWCZ1PGjBvj8vDdWG3KpwATGy1ARAXFSDwt8GFXM7W5Ncn16wmqokgpiKRLuS83KUxyZyv2sUYv";

    private final FakePubSub node = new FakePubSub();
    private final List<LogsNotification> logs = new CopyOnWriteArrayList<>();
    private final List<AccountNotification> accounts = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        node.close();
    }

    private PubSubClient client(Duration ping, Duration silence) {
        return new PubSubClient(new PubSubSettings(
                URI.create(node.uri() + "/?api-key=secret"),
                ping,
                silence,
                Duration.ofMillis(5),
                Duration.ofMillis(40)));
    }

    @Test
    void shouldDeliverLogsAndAccountNotifications() throws Exception {
        try (PubSubClient client = client(Duration.ofSeconds(20), Duration.ofSeconds(60))) {
            client.start();
            client.logsSubscribe(NewPools.PUMP_FUN, Commitment.PROCESSED, logs::add);
            client.accountSubscribe(MINT, Commitment.CONFIRMED, accounts::add);
            await(() -> node.live("logsSubscribe").size() == 1
                    && node.live("accountSubscribe").size() == 1);

            node.notifyLogs(NewPools.PUMP_FUN, SIGNATURE, 5_208_469, null, List.of("Program log: hello"));
            node.notifyAccount(MINT, new byte[] {1, 2, 3}, 1_461_600, 5_208_470);
            await(() -> logs.size() == 1 && accounts.size() == 1);

            assertThat(logs.getFirst().signature()).isEqualTo(SIGNATURE);
            assertThat(logs.getFirst().slot()).isEqualTo(5_208_469);
            assertThat(logs.getFirst().logs()).containsExactly("Program log: hello");
            assertThat(accounts.getFirst().account().data()).containsExactly(1, 2, 3);
            assertThat(accounts.getFirst().account().owner()).isEqualTo(Address.TOKEN_PROGRAM);
            var params = node.live("logsSubscribe").getFirst().params();
            assertThat(params.get(0).get("mentions").get(0).asText()).isEqualTo(NewPools.PUMP_FUN.toString());
            assertThat(params.get(1).get("commitment").asText()).isEqualTo("processed");
        }
    }

    @Test
    void shouldReconnectAndSubscribeAgainAfterTheConnectionDrops() throws Exception {
        // a dropped connection is seen at once (end of stream) or, failing that, by the watchdog within 2 s
        try (CapturedErr err = CapturedErr.start();
                PubSubClient client = client(Duration.ofMillis(100), Duration.ofSeconds(2))) {
            client.start();
            client.logsSubscribe(NewPools.PUMP_FUN, Commitment.PROCESSED, logs::add);
            await(() -> node.live("logsSubscribe").size() == 1);
            long firstId = node.live("logsSubscribe").getFirst().id();

            node.drop();
            await(() -> node.live("logsSubscribe").size() == 1 && node.connectionsOpened() >= 2);
            await(() -> {
                node.notifyLogs(NewPools.PUMP_FUN, SIGNATURE, 7, null, List.of("Program log: after"));
                return !logs.isEmpty();
            });

            assertThat(node.live("logsSubscribe").getFirst().id()).isNotEqualTo(firstId);
            assertThat(client.connections()).isGreaterThanOrEqualTo(2);
            assertThat(logs).allSatisfy(n -> assertThat(n.logs()).containsExactly("Program log: after"));
            assertThat(err.text()).doesNotContain("secret");
        }
    }

    @Test
    void shouldPingAndReplaceAConnectionThatWentSilent() throws Exception {
        try (CapturedErr err = CapturedErr.start();
                PubSubClient client = client(Duration.ofMillis(20), Duration.ofMillis(500))) {
            client.start();
            client.logsSubscribe(NewPools.RAYDIUM_AMM_V4, Commitment.CONFIRMED, logs::add);
            await(() -> node.pings() >= 2 && node.live("logsSubscribe").size() == 1);
            int before = client.connections();

            node.silence();
            await(() -> client.connections() > before);
            node.speak();
            await(() -> node.live("logsSubscribe").stream().anyMatch(s -> s.on() != null) && logsDelivered());

            assertThat(err.text()).contains("silent for").doesNotContain("secret");
        }
    }

    private boolean logsDelivered() {
        node.notifyLogs(NewPools.RAYDIUM_AMM_V4, SIGNATURE, 9, null, List.of("Program log: x"));
        return !logs.isEmpty();
    }

    @Test
    void shouldSkipANotificationOfAnotherShapeAndGoOn() throws Exception {
        try (CapturedErr err = CapturedErr.start();
                PubSubClient client = client(Duration.ofSeconds(20), Duration.ofSeconds(60))) {
            client.start();
            client.logsSubscribe(NewPools.PUMP_FUN, Commitment.PROCESSED, logs::add);
            await(() -> node.live("logsSubscribe").size() == 1);
            long id = node.live("logsSubscribe").getFirst().id();

            node.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"logsNotification\",\"params\":{\"result\":"
                    + "\"receivedSignature\",\"subscription\":" + id + "}}");
            node.sendRaw("not json at all");
            node.notifyLogs(NewPools.PUMP_FUN, SIGNATURE, 3, null, List.of("Program log: fine"));
            await(() -> logs.size() == 1);

            assertThat(err.text()).contains("notification of another shape, skipped");
            assertThat(client.connections()).isEqualTo(1);
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not hold within 20 s");
            }
            Thread.sleep(2);
        }
    }
}
