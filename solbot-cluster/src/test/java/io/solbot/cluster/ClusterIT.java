package io.solbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.testing.FixedPriceMarket;
import io.solbot.persistence.EmbeddedPostgresExtension;
import io.solbot.persistence.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many machines in one JVM: nodes with their own engines and their own link to one embedded PostgreSQL (a link a test
 * can cut), one venue that records every order and executes each order id once. Heartbeats of 500 ms with 4 missed
 * before dead, so a takeover takes a few seconds; every wait is on state, with a deadline.
 */
class ClusterIT {
    private static final Duration HEARTBEAT = Duration.ofMillis(500);
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final Venue venue = new Venue();
    private final List<Node> nodes = new ArrayList<>();

    /** One node: its link, database pool, engine and cluster membership. */
    private final class Node implements AutoCloseable {
        final String name;
        final CuttableLink link;
        final PostgresDatabase database;
        final ClusterNode cluster;
        final SolbotEngine engine;

        Node(String name, String db, List<BotSpec> bots, Duration slice) throws Exception {
            this.name = name;
            this.link = new CuttableLink(EmbeddedPostgresExtension.port());
            this.database = PostgresDatabase.open(url(link.port(), db), null, null, 8);
            this.cluster = ClusterNode.builder(database, name)
                    .heartbeat(HEARTBEAT, 4)
                    .pollInterval(HEARTBEAT)
                    .slice(slice)
                    .handOverTimeout(Duration.ofSeconds(2))
                    .build();
            this.engine = cluster.configure(SolbotEngine.builder())
                    .strategyProvider(new Trader.Provider())
                    .marketData(new FixedPriceMarket().price(Trader.MINT, "0.001"))
                    .swapExecutor(venue.from(name))
                    .storeRetryInterval(Duration.ofMillis(200))
                    .intentExpiry(Duration.ofSeconds(30))
                    .build();
            cluster.start(engine, bots);
        }

        @Override
        public void close() throws Exception {
            cluster.close();
            database.close();
            link.close();
        }
    }

    @AfterEach
    void closeNodes() throws Exception {
        for (Node n : nodes) {
            n.close();
        }
    }

    private Node node(String name, String db, List<BotSpec> bots) throws Exception {
        Node n = new Node(name, db, bots, Duration.ofMinutes(10));
        nodes.add(n);
        return n;
    }

    private static List<BotSpec> bots(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> BotSpec.builder(BotId.of("bot-" + i), "trader", new Trader.Plan("bot-" + i))
                        .interval(Duration.ofMillis(500))
                        .build())
                .toList();
    }

    /** A JDBC URL of {@code database} through {@code port} (the embedded server's own, or a link's). */
    private static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20); // polling interval of the wait, not a synchronisation: the loop checks the state
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The bots each node runs now. */
    private Map<String, Set<BotId>> owners(List<Node> of) {
        Map<String, Set<BotId>> out = new HashMap<>();
        for (Node n : of) {
            out.put(n.name, n.cluster.owned());
        }
        return out;
    }

    /** Whether the nodes share the bots fairly, each bot on one node (a bot counted twice makes the sum too big). */
    private boolean fair(List<Node> of, int bots) {
        Map<String, Set<BotId>> owners = owners(of);
        if (owners.values().stream().flatMap(Set::stream).distinct().count() != bots) {
            return false;
        }
        int floor = bots / of.size();
        int ceiling = floor + (bots % of.size() == 0 ? 0 : 1);
        return owners.values().stream().mapToInt(Set::size).sum() == bots
                && owners.values().stream().allMatch(s -> s.size() >= floor && s.size() <= ceiling);
    }

    private static int pendingIntentsOlderThan(PostgresDatabase db, Duration age) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM bot_intent WHERE status = 'PENDING'"
                        + " AND created_at < now() - make_interval(secs => ?)")) {
            s.setDouble(1, age.toMillis() / 1000.0);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void shouldRunEveryBotOnOneNodeShareThemFairlyAndMoveTheBotsOfANodeCutOffFromTheDatabase() throws Exception {
        String db = EmbeddedPostgresExtension.newDatabase("cluster");
        List<BotSpec> bots = bots(9);
        Node a = node("node-a", db, bots);
        Node b = node("node-b", db, bots);
        await("9 bots shared fairly by 2 nodes", () -> fair(List.of(a, b), 9));

        // a third node takes its fair share: the others end slices early
        Node c = node("node-c", db, bots);
        await("9 bots shared fairly by 3 nodes", () -> fair(List.of(a, b, c), 9));
        await(
                "every bot traded",
                () -> venue.sent.stream().map(Venue.Sent::botId).distinct().count() == 9);

        // node c loses the database: it stops on its own, and the others revive its bots
        Set<BotId> ofC = c.cluster.owned();
        assertThat(ofC).isNotEmpty();
        c.link.cut();
        Instant cutAt = Instant.now();
        await("node c stops its bots on its own", () -> c.cluster.owned().isEmpty());
        Instant stoppedAt = Instant.now();
        await("the bots of node c run on a and b", () -> {
            Map<String, Set<BotId>> owners = owners(List.of(a, b));
            return owners.values().stream().mapToInt(Set::size).sum() == 9;
        });
        Instant takenOverAt = Instant.now();
        assertThat(Duration.between(cutAt, takenOverAt)).isLessThan(Duration.ofSeconds(8));
        // nothing leaves node c once it stopped them
        assertThat(venue.sent).noneMatch(s -> s.node().equals("node-c") && s.at().isAfter(stoppedAt));
        await(
                "every bot of node c trades again",
                () -> venue.sent.stream()
                        .filter(s -> s.at().isAfter(takenOverAt))
                        .map(s -> BotId.of(s.botId()))
                        .collect(java.util.stream.Collectors.toSet())
                        .containsAll(ofC));

        // back on the network, node c takes its share again
        c.link.restore();
        await("9 bots shared fairly by 3 nodes again", () -> fair(List.of(a, b, c), 9));

        // every order id reached the venue once, sent by the node that journalled its intent past the fence, and no
        // intent stays pending: each was resolved by its owner. The bots keep trading: take the orders sent before
        // reading the intents, each committed before its order left, or an order sent after the read has no row in it
        assertThat(venue.executedTwice).isEmpty();
        List<Venue.Sent> sentBeforeRead = List.copyOf(venue.sent);
        Map<String, String> journalledBy = new HashMap<>();
        try (Connection conn = a.database.dataSource().getConnection();
                PreparedStatement s = conn.prepareStatement("SELECT client_order_id, node FROM bot_intent");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                journalledBy.put(r.getString(1), r.getString(2));
            }
        }
        assertThat(sentBeforeRead)
                .isNotEmpty()
                .allSatisfy(sent -> assertThat(journalledBy.get(sent.orderId().value()))
                        .as("the node that journalled order %s", sent.orderId())
                        .isEqualTo(sent.node()));
        await("no intent left pending", () -> {
            try {
                return pendingIntentsOlderThan(a.database, Duration.ofSeconds(5)) == 0;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(ClusterNode.owners(a.database))
                .hasSize(9)
                .allSatisfy(o -> assertThat(o.node()).isPresent());
    }

    @Test
    void shouldStopABotThatAnotherNodeTookOverAndSendNoOrderJournalledAfterIt() throws Exception {
        String db = EmbeddedPostgresExtension.newDatabase("fence");
        Node a = node("node-a", db, bots(1));
        BotId bot = BotId.of("bot-0");
        await("node a runs the bot", () -> a.cluster.owned().contains(bot));
        await(
                "the bot trades",
                () -> venue.sent.stream().anyMatch(s -> s.botId().equals("bot-0")));

        // another node revives the execution, as db-scheduler does with one it finds dead: a new version, its name
        try (Connection conn = a.database.dataSource().getConnection();
                PreparedStatement s = conn.prepareStatement("UPDATE scheduled_tasks SET picked_by = 'node-z',"
                        + " version = version + 1, last_heartbeat = now() WHERE task_instance = ?")) {
            s.setString(1, bot.value());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Instant takenAt = Instant.now();

        await("node a stops the bot", () -> !a.cluster.owned().contains(bot));
        Instant stoppedAt = Instant.now();
        assertThat(Duration.between(takenAt, stoppedAt)).isLessThan(Duration.ofSeconds(2));
        // an intent write after the takeover fails the fence, so its order is never sent: whatever reached the venue
        // since was journalled before
        List<String> sentSince = venue.sent.stream()
                .filter(s -> s.at().isAfter(takenAt) && s.at().isBefore(stoppedAt))
                .map(s -> s.orderId().value())
                .toList();
        for (String order : sentSince) {
            try (Connection conn = a.database.dataSource().getConnection();
                    PreparedStatement s =
                            conn.prepareStatement("SELECT created_at FROM bot_intent WHERE client_order_id = ?")) {
                s.setString(1, order);
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getTimestamp(1).toInstant()).isBefore(takenAt);
                }
            }
        }
    }

    @Test
    void shouldNotCountANodeAsLiveOnceItMissedTwoMarksSoThatTheBotsItLeftAreTakenAtOnce() throws Exception {
        String db = EmbeddedPostgresExtension.newDatabase("share");
        try (PostgresDatabase database =
                PostgresDatabase.open(url(EmbeddedPostgresExtension.port(), db), null, null, 2)) {
            FairShare share = new FairShare(
                    database.dataSource(), ClusterNode.TASK, "node-a", FairShare.goneAfter(Duration.ofSeconds(1), 4));
            share.markAlive();
            try (Connection c = database.dataSource().getConnection();
                    PreparedStatement s = c.prepareStatement("INSERT INTO cluster_node (node_id, started_at,"
                            + " heartbeat_at) VALUES (?, now(), now() - make_interval(secs => ?))")) {
                s.setString(1, "node-late");
                s.setDouble(2, 1.5);
                s.executeUpdate();
                // silent for 2.5 s: dead, though its bots are not revived before 4 s without a heartbeat
                s.setString(1, "node-dead");
                s.setDouble(2, 2.5);
                s.executeUpdate();
            }
            assertThat(share.counts().byNode()).containsOnlyKeys("node-a", "node-late");
        }
    }

    @Test
    void shouldRefuseToRunWhileALockfileRemains(@TempDir Path runtime) throws Exception {
        String db = EmbeddedPostgresExtension.newDatabase("lockfiles");
        Files.writeString(runtime.resolve("bot-0.json"), "{}");
        try (PostgresDatabase database =
                PostgresDatabase.open(url(EmbeddedPostgresExtension.port(), db), null, null, 2)) {
            ClusterNode node =
                    ClusterNode.builder(database, "node-a").lockfiles(runtime).build();
            SolbotEngine engine = node.configure(SolbotEngine.builder())
                    .strategyProvider(new Trader.Provider())
                    .build();
            try {
                assertThatThrownBy(() -> node.start(engine, bots(1)))
                        .isInstanceOf(SolbotException.class)
                        .hasMessageContaining("Node node-a refuses to run in a cluster while 1 lockfiles remain in "
                                + runtime + " (bot-0.json)");
            } finally {
                engine.shutdown(Duration.ofSeconds(2));
            }
        }
    }
}
