package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solbot.cluster.BotOwner;
import io.solbot.cluster.ClusterNode;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.journal.LockfileJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --cluster}: launchers that share one PostgreSQL share its bots, each run by one node at a time. */
class ClusterRunIT {
    private static final String MINT = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";

    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        return run(new StringWriter(), args);
    }

    /** Runs the launcher with its standard output in {@code out}, which others may read as it runs. */
    private static Result run(StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int rc = cli.execute(args);
        return new Result(rc, out.toString(), err.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Path botsFile(int count) throws IOException {
        StringBuilder yaml = new StringBuilder("bots:\n");
        for (int i = 1; i <= count; i++) {
            yaml.append("  - id: bot-")
                    .append(i)
                    .append("\n    mode: ma-cross\n    config: {mint: ")
                    .append(MINT)
                    .append(", window: 2, amountSol: 0.05, takeProfitPct: 0.5, stopLossPct: 0.5, interval: 1}\n");
        }
        return Files.writeString(tmp.resolve("bots.yaml"), yaml);
    }

    private String[] node(Path bots, String url, String nodeId, String duration, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "run",
                "--config",
                bots.toString(),
                "--plugins-dir",
                System.getProperty("solbot.test.pluginsDir"),
                "--runtime",
                tmp.resolve("runtime").toString(),
                "--cluster",
                "--node-id",
                nodeId,
                "--db-url",
                url,
                "--duration",
                duration,
                "--status-every",
                "1s"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Polls {@code condition} (a read of the database) until it holds; false if it did not within 30 s. */
    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    @Test
    void shouldShareTheBotsOfTheFileBetweenTwoNodesAndHandThemAllOverWhenTheyStop() throws Exception {
        Path bots = botsFile(4);
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(tmp.resolve("pgdata"), freePort());
                PostgresDatabase db = PostgresDatabase.open(embedded.jdbcUrl(), null, null, 1);
                // one thread per node, both at once; closing waits for the nodes, before the database stops
                ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            StringWriter outA = new StringWriter();
            String apiPort = Integer.toString(freePort());
            CompletableFuture<Result> a = CompletableFuture.supplyAsync(
                    () -> run(
                            outA,
                            node(
                                    bots,
                                    embedded.jdbcUrl(),
                                    "node-a",
                                    "25s",
                                    "--api-host",
                                    "127.0.0.1",
                                    "--api-port",
                                    apiPort)),
                    nodes);
            CompletableFuture<Result> b = CompletableFuture.supplyAsync(
                    () -> run(node(bots, embedded.jdbcUrl(), "node-b", "25s", "--no-api")), nodes);

            // each bot scheduled once, and each node runs its fair share: two of the four
            boolean shared = await(() -> {
                Map<String, Long> perNode = ClusterNode.owners(db).stream()
                        .filter(o -> o.node().isPresent())
                        .collect(Collectors.groupingBy(o -> o.node().get(), Collectors.counting()));
                return perNode.equals(Map.of("node-a", 2L, "node-b", 2L));
            });
            List<BotOwner> owners = ClusterNode.owners(db);
            assertThat(shared).as("owners: %s", owners).isTrue();
            assertThat(owners).extracting(o -> o.botId().value()).containsExactly("bot-1", "bot-2", "bot-3", "bot-4");

            // node-a's operator API says which node runs which bot, whichever node that is
            Matcher token = Pattern.compile("#token=(\\S+)").matcher(outA.toString());
            assertThat(token.find()).as(outA.toString()).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            JsonNode cluster = get(http, apiPort, token.group(1), "/api/cluster");
            assertThat(cluster.get("node").asText()).isEqualTo("node-a");
            assertThat(cluster.get("bots")).hasSize(4);
            for (JsonNode bot : cluster.get("bots")) {
                assertThat(bot.get("node").asText()).isIn("node-a", "node-b");
                assertThat(bot.get("fenceVersion").asLong()).isPositive();
                assertThat(Instant.parse(bot.get("lastHeartbeat").asText()))
                        .isBefore(Instant.now().plusSeconds(5));
            }
            JsonNode items = get(http, apiPort, token.group(1), "/api/bots").get("items");
            assertThat(items).isNotEmpty();
            for (JsonNode item : items) {
                assertThat(item.get("cluster").get("botId").asText())
                        .isEqualTo(item.get("botId").asText());
                assertThat(item.get("cluster").has("node")).isTrue();
            }

            Result ra = a.get();
            Result rb = b.get();
            assertThat(ra.exitCode()).as(ra.err()).isZero();
            assertThat(rb.exitCode()).as(rb.err()).isZero();
            assertThat(ra.out())
                    .contains("Node node-a joined the cluster with 4 bots")
                    .containsPattern("Node node-a runs [0-9] of 4 bots")
                    .contains("Node node-a hands its bots over and leaves the cluster");
            // both left gracefully: no bot stays picked by a node that is gone
            assertThat(ClusterNode.owners(db))
                    .allSatisfy(o -> assertThat(o.node()).as(o.botId().value()).isEmpty());
        }
    }

    @Test
    void shouldResolveAnOrderADeadNodeLeftInFlightAsNeverSentWhenANodeTakesItsBotOver() throws Exception {
        Path bots = botsFile(1);
        Path runtime = tmp.resolve("runtime");
        Instant then = Instant.now().minusSeconds(30);
        OrderIntent inFlight = new OrderIntent(
                OrderId.of("order-of-a-dead-node"), Mint.of(MINT), Side.BUY, TokenAmount.of(50_000_000, 9), then);
        new LockfileJournal(runtime)
                .save(new JournalEntry(
                        BotId.of("bot-1"),
                        "ma-cross",
                        RunStatus.RUNNING,
                        "hash",
                        "999999999@gone-host",
                        List.of(inFlight),
                        Map.of(),
                        List.of(),
                        List.of(),
                        then));
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(tmp.resolve("pgdata"), freePort());
                PostgresDatabase db = PostgresDatabase.open(embedded.jdbcUrl(), null, null, 1);
                ExecutorService nodes = Executors.newSingleThreadExecutor()) {
            Result refused = run(node(bots, embedded.jdbcUrl(), "node-a", "5s"));
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err())
                    .contains("Node node-a refuses to run in a cluster while 1 lockfiles remain in " + runtime)
                    .contains("`run --cluster --import-lockfiles`");

            CompletableFuture<Result> a = CompletableFuture.supplyAsync(
                    () -> run(node(bots, embedded.jdbcUrl(), "node-a", "20s", "--import-lockfiles")), nodes);
            boolean resolved = await(() -> failure(db, "order-of-a-dead-node").isPresent());
            Result ra = a.get();
            assertThat(ra.exitCode()).as(ra.err()).isZero();
            assertThat(resolved).as(ra.out()).isTrue();
            assertThat(ra.out()).contains("Imported 1 lockfiles of " + runtime + " into the database: [bot-1]");
            assertThat(failure(db, "order-of-a-dead-node").orElseThrow()).contains("never reached the paper executor");
            assertThat(intentStatuses(db, "order-of-a-dead-node")).containsExactly("RESOLVED");
            // resolved, not sent again: this node's executor never saw it
            Path log = ClusterRun.executionLog(runtime, "node-a");
            assertThat(Files.exists(log) ? Files.readString(log) : "").doesNotContain("order-of-a-dead-node");
            assertThat(runtime.resolve("bot-1.json")).doesNotExist();
        }
    }

    private static JsonNode get(HttpClient http, String port, String token, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static Optional<String> failure(PostgresDatabase db, String orderId) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT reason FROM order_failure WHERE order_id = ?")) {
            s.setString(1, orderId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> intentStatuses(PostgresDatabase db, String orderId) throws java.sql.SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT status FROM bot_intent WHERE client_order_id = ?")) {
            s.setString(1, orderId);
            try (ResultSet r = s.executeQuery()) {
                Set<String> out = new java.util.HashSet<>();
                while (r.next()) {
                    out.add(r.getString(1));
                }
                return out;
            }
        }
    }
}
