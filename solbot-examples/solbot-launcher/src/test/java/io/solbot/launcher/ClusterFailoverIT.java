package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.cluster.BotOwner;
import io.solbot.cluster.ClusterNode;
import io.solbot.cluster.CuttableLink;
import io.solbot.persistence.PostgresDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many machines on one: launcher JVMs on 127.0.0.1 run the bots of one file as nodes of a cluster on one embedded
 * PostgreSQL, and are killed, paused and cut off from the database in turn. Each node's paper execution log is the
 * record of every order id that left it, checked at the end against the intents the nodes journalled.
 *
 * <p>The nodes heartbeat every second and are declared dead after 4 missed heartbeats, as in production; only the
 * slice is short (20 s), so that a node that joins gets its share within the test. Every wait is on state (the
 * execution rows, a node's output), with a deadline.
 */
class ClusterFailoverIT {
    private static final int BOTS = 9;
    private static final Duration SLICE = Duration.ofSeconds(20);
    private static final Duration TAKEOVER = Duration.ofSeconds(8);
    /** The bots' interval: a node stops a bot it lost within one. */
    private static final Duration TICK = Duration.ofSeconds(1);

    private static final List<String> MINTS = List.of(
            "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263",
            "JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN",
            "EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm");

    @TempDir
    Path tmp;

    private Path runtime;
    private Path bots;
    private final Map<String, LauncherProcess> nodes = new LinkedHashMap<>();

    @AfterEach
    void killNodes() throws InterruptedException {
        for (LauncherProcess node : nodes.values()) {
            if (node.isAlive()) {
                node.kill();
            }
        }
    }

    @Test
    void shouldRunEveryBotOnOneNodeAndMoveItInSecondsWhenItsNodeDiesHaltsOrLosesTheDatabase() throws Exception {
        runtime = tmp.resolve("runtime");
        bots = botsFile();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(tmp.resolve("pgdata"), port);
                PostgresDatabase db = PostgresDatabase.open(embedded.jdbcUrl(), null, null, 2);
                CuttableLink linkOfC = new CuttableLink(port)) {
            String url = embedded.jdbcUrl();
            String urlOfC = url.replaceFirst(":" + port + "/", ":" + linkOfC.port() + "/");
            assertThat(urlOfC).isNotEqualTo(url);

            // three nodes share the nine bots, three each
            start("node-a", url);
            start("node-b", url);
            start("node-c", urlOfC);
            for (String node : nodes.keySet()) {
                nodes.get(node).awaitLine("Node " + node + " joined the cluster", Duration.ofSeconds(120));
            }
            await(db, "3 nodes run 3 bots each", Duration.ofSeconds(60), () -> fair(db, "node-a", "node-b", "node-c"));

            // a fourth node joins: within one slice, each of the four runs 2 or 3
            start("node-d", url);
            nodes.get("node-d").awaitLine("Node node-d joined the cluster", Duration.ofSeconds(120));
            Duration shared = await(
                    db, "4 nodes run 2 or 3 bots each", SLICE, () -> fair(db, "node-a", "node-b", "node-c", "node-d"));
            System.out.printf("ClusterFailoverIT: a fourth node had its share after %d ms%n", shared.toMillis());

            // kill -9: the bots of node a move within 8 s, and its orders in flight are resolved
            awaitTrading(db, "node-a");
            Map<String, Long> ofA = picked(db, "node-a");
            assertThat(ofA).isNotEmpty();
            Instant killed = Instant.now();
            nodes.get("node-a").kill();
            await(
                    db,
                    "the bots of node-a run elsewhere",
                    Duration.ofSeconds(30),
                    () -> runBy(db, "node-b", "node-c", "node-d"));
            Duration moved = Duration.between(killed, Instant.now());
            System.out.printf(
                    "ClusterFailoverIT: the %d bots of a killed node moved in %d ms%n", ofA.size(), moved.toMillis());
            assertThat(moved).as("takeover after kill -9").isLessThan(TAKEOVER);
            await(db, "no intent of node-a left pending", Duration.ofSeconds(30), () -> pending(db, "node-a") == 0);

            // kill -STOP for 10 s, then -CONT: node b's bots move meanwhile, and it stops them within one tick
            awaitTrading(db, "node-b");
            Map<String, Long> ofB = picked(db, "node-b");
            assertThat(ofB).isNotEmpty();
            LauncherProcess b = nodes.get("node-b");
            Instant halted = Instant.now();
            b.pause();
            await(
                    db,
                    "the bots of the halted node-b run elsewhere",
                    Duration.ofSeconds(30),
                    () -> runBy(db, "node-c", "node-d"));
            Duration movedB = Duration.between(halted, Instant.now());
            System.out.printf("ClusterFailoverIT: the bots of a halted node moved in %d ms%n", movedB.toMillis());
            assertThat(movedB).as("takeover after kill -STOP").isLessThan(TAKEOVER);
            long left = Duration.between(Instant.now(), halted.plusSeconds(10)).toMillis();
            if (left > 0) {
                Thread.sleep(left); // the length of the halt: the scenario, not a synchronisation
            }
            Instant resumed = Instant.now();
            b.resume();
            Duration slowest = Duration.ZERO;
            List<String> why = new ArrayList<>();
            for (String bot : ofB.keySet()) {
                String stopped = "Node node-b handed bot '" + bot + "' over";
                await(
                        db,
                        "node-b stops " + bot,
                        Duration.ofSeconds(30),
                        () -> !b.linesSince(stopped, resumed).isEmpty());
                Map.Entry<String, Instant> line =
                        b.linesSince(stopped, resumed).entrySet().iterator().next();
                assertThat(Duration.between(resumed, line.getValue()))
                        .as("node-b stopped %s within one tick of resuming: %s", bot, line.getKey())
                        .isLessThanOrEqualTo(TICK);
                Duration took = Duration.between(resumed, line.getValue());
                slowest = took.compareTo(slowest) > 0 ? took : slowest;
                why.add(line.getKey().substring(line.getKey().indexOf(" over: ") + 7));
            }
            System.out.printf(
                    "ClusterFailoverIT: a node halted 10 s stopped its %d bots within %d ms of resuming (%s)%n",
                    ofB.size(), slowest.toMillis(), why.stream().distinct().collect(Collectors.joining("; ")));

            // node c loses the database: it stops sending on its own, and the others take its bots over
            awaitTrading(db, "node-c");
            Map<String, Long> ofC = picked(db, "node-c");
            assertThat(ofC).isNotEmpty();
            LauncherProcess c = nodes.get("node-c");
            Instant cutting = Instant.now();
            linkOfC.cut();
            // every connection of node c is closed by now: an order it submits later cannot have been journalled
            Instant cut = Instant.now();
            await(db, "the bots of node-c run elsewhere", Duration.ofSeconds(30), () -> runBy(db, "node-b", "node-d"));
            Duration movedC = Duration.between(cutting, Instant.now());
            System.out.printf("ClusterFailoverIT: the bots of a node cut off moved in %d ms%n", movedC.toMillis());
            assertThat(movedC).as("takeover after the link was cut").isLessThan(TAKEOVER);
            for (String bot : ofC.keySet()) {
                String stopped = "Node node-c handed bot '" + bot + "' over";
                await(
                        db,
                        "node-c stops " + bot + " on its own",
                        Duration.ofSeconds(30),
                        () -> !c.linesSince(stopped, cut).isEmpty());
            }

            for (LauncherProcess node : nodes.values()) {
                if (node.isAlive()) {
                    node.kill();
                }
            }
            Map<String, ExecutionRecord> sent = new LinkedHashMap<>();
            for (String node : nodes.keySet()) {
                sent.put(node, ExecutionRecord.readUnfinished(ClusterRun.executionLog(runtime, node)));
            }
            verify(db, sent);
            // node b sent nothing for the bots taken from it under the ownership it had before its halt; node c
            // nothing once cut off (an intent it could not journal is never sent)
            for (ExecutionRecord.Order order : sent.get("node-b").lines()) {
                Long before = ofB.get(order.botId());
                if (before != null && order.submittedAt().isAfter(halted)) {
                    assertThat(intent(db, order.orderId()).version())
                            .as("node-b's order %s of %s after its halt", order.orderId(), order.botId())
                            .isNotEqualTo(before);
                }
            }
            // nor journalled any: its next fenced write after the halt failed, if it tried one
            assertThat(intentsSince(db, "node-b", halted))
                    .as("intents node-b journalled after its halt")
                    .allSatisfy((bot, versions) -> assertThat(versions).doesNotContain(ofB.get(bot)));
            assertThat(sent.get("node-c").lines())
                    .as("orders node-c sent once cut off")
                    .noneMatch(o -> o.submittedAt().isAfter(cut));
        }
    }

    /** One journalled intent: the node and fence version that wrote it, and its bot. */
    private record Intent(String node, long version, String botId) {}

    /**
     * Every order id left one node once, journalled before by that node; and no bot ran on two nodes at once: the
     * orders of one bot, by the time each was submitted, follow the fence versions they were journalled under (the
     * version grows with every pick), each version's orders from one node. An order of a node that lost the bot
     * after the new owner's first order would break that order.
     */
    private void verify(PostgresDatabase db, Map<String, ExecutionRecord> sent) throws SQLException {
        Map<String, Intent> intents = intents(db);
        Map<String, Integer> times = new HashMap<>();
        record Sent(Instant at, String node, long version, String orderId) {}
        Map<String, List<Sent>> byBot = new HashMap<>();
        for (Map.Entry<String, ExecutionRecord> e : sent.entrySet()) {
            assertThat(e.getValue().size())
                    .as("orders node %s sent", e.getKey())
                    .isPositive();
            for (ExecutionRecord.Order order : e.getValue().lines()) {
                times.merge(order.orderId(), 1, Integer::sum);
                Intent intent = intents.get(order.orderId());
                assertThat(intent)
                        .as("the intent of order %s sent by %s", order.orderId(), e.getKey())
                        .isNotNull();
                assertThat(intent.node())
                        .as("the node that journalled %s", order.orderId())
                        .isEqualTo(e.getKey());
                assertThat(intent.botId()).isEqualTo(order.botId());
                byBot.computeIfAbsent(order.botId(), k -> new ArrayList<>())
                        .add(new Sent(order.submittedAt(), e.getKey(), intent.version(), order.orderId()));
            }
        }
        assertThat(times.entrySet().stream()
                        .filter(t -> t.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .toList())
                .as("orders executed twice")
                .isEmpty();
        assertThat(byBot).as("bots that traded").hasSize(BOTS);
        for (Map.Entry<String, List<Sent>> bot : byBot.entrySet()) {
            List<Sent> orders = bot.getValue().stream()
                    .sorted(Comparator.comparing(Sent::at))
                    .toList();
            Map<Long, String> nodeOfVersion = new HashMap<>();
            for (int i = 0; i < orders.size(); i++) {
                Sent o = orders.get(i);
                String other = nodeOfVersion.putIfAbsent(o.version(), o.node());
                assertThat(other == null || other.equals(o.node()))
                        .as("%s: fence version %d sent from %s and %s", bot.getKey(), o.version(), other, o.node())
                        .isTrue();
                if (i > 0) {
                    assertThat(o.version())
                            .as(
                                    "%s: order %s of %s at version %d after order %s of %s at version %d",
                                    bot.getKey(),
                                    o.orderId(),
                                    o.node(),
                                    o.version(),
                                    orders.get(i - 1).orderId(),
                                    orders.get(i - 1).node(),
                                    orders.get(i - 1).version())
                            .isGreaterThanOrEqualTo(orders.get(i - 1).version());
                }
            }
        }
        System.out.printf("ClusterFailoverIT: %d orders sent by %d nodes, each once%n", times.size(), sent.size());
    }

    private void start(String node, String url) throws IOException {
        List<String> args = List.of(
                "run",
                "--config",
                bots.toString(),
                "--plugins-dir",
                System.getProperty("solbot.test.pluginsDir"),
                "--runtime",
                runtime.toString(),
                "--cluster",
                "--node-id",
                node,
                "--db-url",
                url,
                "--cluster-slice",
                Durations.format(SLICE),
                "--status-every",
                "1s");
        // the cluster's INFO lines say when a node runs and hands over each bot
        List<String> jvm = List.of(
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.log.io.solbot.cluster=info");
        nodes.put(node, LauncherProcess.start(jvm, args));
    }

    private Path botsFile() throws IOException {
        StringBuilder yaml = new StringBuilder("bots:\n");
        for (int i = 1; i <= BOTS; i++) {
            yaml.append("  - id: bot-")
                    .append(i)
                    .append("\n    mode: ma-cross\n    config: {mint: ")
                    .append(MINTS.get(i % MINTS.size()))
                    .append(", window: 2, amountSol: 0.01, takeProfitPct: 0.2, stopLossPct: 0.2, interval: 1,")
                    .append(" maxTrades: 1000}\n");
        }
        return Files.writeString(tmp.resolve("bots.yaml"), yaml);
    }

    /**
     * Polls {@code condition} until it holds; how long that took. Fails with the owners and the nodes' output if it
     * did not within {@code deadline}.
     */
    private Duration await(PostgresDatabase db, String what, Duration deadline, BooleanSupplier condition)
            throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > deadline.toNanos()) {
                StringBuilder out = new StringBuilder("not within " + deadline + ": " + what + "\nowners: ");
                out.append(ClusterNode.owners(db));
                nodes.forEach((name, node) ->
                        out.append("\n---- ").append(name).append(" ----\n").append(node.output()));
                throw new AssertionError(out.toString());
            }
            Thread.sleep(50); // the polling interval of the wait: the loop checks the state
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits until {@code node} sends an order: it trades the bots it runs when the test turns on it. */
    private void awaitTrading(PostgresDatabase db, String node) throws InterruptedException {
        Instant since = Instant.now();
        Path log = ClusterRun.executionLog(runtime, node);
        await(db, node + " sends an order", Duration.ofSeconds(30), () -> {
            try {
                return ExecutionRecord.readUnfinished(log).lines().stream()
                        .anyMatch(o -> o.submittedAt().isAfter(since));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Whether every bot runs, on one of {@code live}, each of which runs its fair share of them. */
    private static boolean fair(PostgresDatabase db, String... live) {
        List<BotOwner> owners = ClusterNode.owners(db);
        Map<String, Long> perNode = owners.stream()
                .filter(o -> o.node().isPresent())
                .collect(Collectors.groupingBy(o -> o.node().get(), Collectors.counting()));
        int floor = BOTS / live.length;
        int ceiling = floor + (BOTS % live.length == 0 ? 0 : 1);
        return owners.size() == BOTS
                && perNode.values().stream().mapToLong(Long::longValue).sum() == BOTS
                && perNode.keySet().stream().allMatch(List.of(live)::contains)
                && List.of(live).stream().allMatch(n -> {
                    long runs = perNode.getOrDefault(n, 0L);
                    return runs >= floor && runs <= ceiling;
                });
    }

    /** Whether every bot runs, each on one of {@code live}. */
    private static boolean runBy(PostgresDatabase db, String... live) {
        List<BotOwner> owners = ClusterNode.owners(db);
        return owners.size() == BOTS
                && owners.stream()
                        .allMatch(o -> o.node().filter(List.of(live)::contains).isPresent());
    }

    /** The bots {@code node} runs, with the fence version of its pick. */
    private static Map<String, Long> picked(PostgresDatabase db, String node) {
        return ClusterNode.owners(db).stream()
                .filter(o -> o.node().filter(node::equals).isPresent())
                .collect(Collectors.toMap(o -> o.botId().value(), BotOwner::fenceVersion));
    }

    private static int pending(PostgresDatabase db, String node) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM bot_intent WHERE status = 'PENDING' AND node = ?")) {
            s.setString(1, node);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Intent> intents(PostgresDatabase db) throws SQLException {
        Map<String, Intent> out = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT client_order_id, node, fence_version, bot_id FROM bot_intent");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), new Intent(r.getString(2), r.getLong(3), r.getString(4)));
            }
        }
        return out;
    }

    /** The fence versions of the intents {@code node} journalled for each bot after {@code since}. */
    private static Map<String, List<Long>> intentsSince(PostgresDatabase db, String node, Instant since)
            throws SQLException {
        Map<String, List<Long>> out = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT bot_id, fence_version FROM bot_intent WHERE node = ? AND created_at > ?")) {
            s.setString(1, node);
            s.setObject(2, since.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getLong(2));
                }
            }
        }
        return out;
    }

    private static Intent intent(PostgresDatabase db, String orderId) throws SQLException {
        return intents(db).get(orderId);
    }
}
