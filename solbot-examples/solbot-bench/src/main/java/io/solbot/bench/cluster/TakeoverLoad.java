package io.solbot.bench.cluster;

import static io.solbot.bench.cluster.FencedBots.ids;
import static io.solbot.bench.cluster.FencedBots.specs;
import static io.solbot.bench.cluster.FencedBots.url;

import io.solbot.bench.cluster.FencedBots.Node;
import io.solbot.bench.cluster.FencedBots.Writes;
import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.TickStats;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The takeover load command (issue 19): cluster nodes in one JVM, each with its own engine, its own connection pool and
 * its own link to one embedded PostgreSQL (fsync and synchronous commit on), at the node's default settings (heartbeat
 * 1 s, 4 missed before dead, poll 1 s). Every bot ticks each second and each tick writes through the fence: a put in
 * its strategy state, one fenced transaction. Two measurements:
 *
 * <ol>
 *   <li>takeover: 3 nodes share B bots; one node's link to the database is cut (every connection closed, new ones
 *       refused, as a host that drops off the network), and the command times, from the cut, when that node stopped
 *       its bots on its own, when the other nodes had picked every one of its bots (db-scheduler found their
 *       executions dead and revived them) and when every one of them wrote past the fence on another node. Then the
 *       link is restored, the node takes its fair share back, and the next node is cut; median and max over T
 *       takeovers.
 *   <li>bots per node: one node with N bots, for each N given, in a fresh database: after all N run (within 60 s, or
 *       N did not keep up) and a 3 s warm-up, the fenced writes per second, the engine's tick lateness (p50, p99, max,
 *       within its ~3 % buckets), skipped ticks, refused writes, bots stopped (a bot stops when its node loses it: a
 *       refused write, or a heartbeat close to dead) and the server's commits per second (fenced writes plus
 *       db-scheduler's heartbeats, one per bot per heartbeat). N kept up if its fenced writes reached 95 % of N per
 *       second, the lateness p99 stayed under the 1 s interval, and no write was refused and no bot stopped; the ramp
 *       stops at the first N that did not.
 * </ol>
 *
 * <pre>
 * java -cp solbot-examples/solbot-bench/target/benchmarks.jar io.solbot.bench.cluster.TakeoverLoad [takeovers] [bots] [seconds] [N ...]
 * </pre>
 *
 * Defaults: 5 takeovers of 30 bots on 3 nodes; 10 measured seconds for each N of 250, 500, 1,000 and 2,000. Logs go to
 * a file (its path is printed), so that the nodes that lose the database do not fill the console.
 */
public final class TakeoverLoad {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    /** How long N bots may take to all run on one node before N counts as not kept up. */
    private static final Duration RAMP = Duration.ofSeconds(60);

    private static final int NODES = 3;

    private TakeoverLoad() {}

    public static void main(String[] args) throws Exception {
        Path logFile = Files.createTempFile("solbot-takeover-", ".log");
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int takeovers = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int bots = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(250, 500, 1_000, 2_000);
        }
        System.out.printf(
                Locale.ROOT,
                "JVM %s, %d cores, max heap %d MB, load average at start: %s, logs: %s%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                loadAverage(),
                System.getProperty("org.slf4j.simpleLogger.logFile"));
        Path work = Files.createTempDirectory("solbot-takeover-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .setPort(freePort())
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky starts the server with fsync off and synchronous_commit off: durability back on
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start()) {
            if (takeovers > 0) {
                takeovers(pg.getPort(), takeovers, bots);
                System.out.println();
            }
            botsPerNode(pg.getPort(), sizes, seconds);
        } finally {
            deleteRecursively(work);
        }
        System.out.println("load average at end: " + loadAverage());
    }

    // ---- takeover ----

    private static void takeovers(int pgPort, int takeovers, int bots) throws Exception {
        String db = newDatabase(pgPort, "takeover");
        List<BotSpec> specs = specs(bots, INTERVAL);
        Writes writes = new Writes();
        List<Node> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < NODES; i++) {
                nodes.add(new Node("node-" + (char) ('a' + i), pgPort, db, specs, writes, true, 8, 1_000));
            }
            long joined = System.nanoTime();
            await("every bot runs on one node, shared fairly", () -> fair(nodes, bots));
            await("every bot writes past the fence", () -> writes.allSince(ids(specs), joined, null));
            System.out.printf(
                    Locale.ROOT,
                    "Takeover: %d bots on %d nodes, a fenced write per bot per second; a node's link to the database"
                            + " cut, then restored%n",
                    bots,
                    NODES);
            System.out.println("| # | node cut | its bots | it stopped them on its own after | all picked by the others"
                    + " after | all ticking elsewhere after |");
            System.out.println("|---|---|---|---|---|---|");
            List<Long> stops = new ArrayList<>();
            List<Long> picks = new ArrayList<>();
            List<Long> moves = new ArrayList<>();
            for (int t = 1; t <= takeovers; t++) {
                Node victim = nodes.get((t - 1) % NODES);
                Set<BotId> moving = victim.cluster.owned();
                long cut = System.nanoTime();
                victim.link.cut();
                List<Node> others = nodes.stream().filter(n -> n != victim).toList();
                long stopped = -1;
                long picked = -1;
                long moved = -1;
                long deadline = cut + DEADLINE.toNanos();
                while (stopped < 0 || picked < 0 || moved < 0) {
                    long now = System.nanoTime();
                    if (now - deadline > 0) {
                        throw new IllegalStateException("takeover " + t + " not done within " + DEADLINE);
                    }
                    if (stopped < 0 && victim.cluster.owned().isEmpty()) {
                        stopped = now - cut;
                    }
                    if (picked < 0
                            && others.stream()
                                    .flatMap(n -> n.cluster.owned().stream())
                                    .collect(Collectors.toSet())
                                    .containsAll(moving)) {
                        picked = now - cut;
                    }
                    if (moved < 0 && writes.allSince(moving, cut, victim.name)) {
                        moved = now - cut;
                    }
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                stops.add(stopped);
                picks.add(picked);
                moves.add(moved);
                System.out.printf(
                        Locale.ROOT,
                        "| %d | %s | %d | %.2f s | %.2f s | %.2f s |%n",
                        t,
                        victim.name,
                        moving.size(),
                        stopped / 1e9,
                        picked / 1e9,
                        moved / 1e9);
                victim.link.restore();
                long back = System.nanoTime();
                await("the node cut takes its fair share back", () -> fair(nodes, bots));
                await("every bot writes again", () -> writes.allSince(ids(specs), back, null));
            }
            System.out.printf(
                    Locale.ROOT,
                    "Takeover over %d: all ticking elsewhere median %.2f s, max %.2f s; all picked by the others"
                            + " median %.2f s, max %.2f s; stopped on its own median %.2f s, max %.2f s%n",
                    takeovers,
                    median(moves) / 1e9,
                    max(moves) / 1e9,
                    median(picks) / 1e9,
                    max(picks) / 1e9,
                    median(stops) / 1e9,
                    max(stops) / 1e9);
        } finally {
            closeAll(nodes);
        }
    }

    /** Whether every bot runs on exactly one node and each node runs its fair share (floor or ceiling). */
    private static boolean fair(List<Node> nodes, int bots) {
        List<Set<BotId>> owned = nodes.stream().map(n -> n.cluster.owned()).toList();
        int floor = bots / nodes.size();
        int ceiling = floor + (bots % nodes.size() == 0 ? 0 : 1);
        return owned.stream().flatMap(Set::stream).distinct().count() == bots
                && owned.stream().mapToInt(Set::size).sum() == bots
                && owned.stream().allMatch(s -> s.size() >= floor && s.size() <= ceiling);
    }

    // ---- bots per node ----

    private static void botsPerNode(int pgPort, List<Integer> sizes, int seconds) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "Bots per node: one node, 1 s ticks, a fenced write per tick, %d s measured after all run and 3 s of"
                        + " warm-up%n",
                seconds);
        System.out.println("| bots | all running after | fenced writes/s | lateness p50 | p99 | max | skipped ticks"
                + " | refused writes | bots stopped | server commits/s | JVM CPU (share of machine) | kept up |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int cores = Runtime.getRuntime().availableProcessors();
        int largest = 0;
        double largestWrites = 0;
        for (int n : sizes) {
            String db = newDatabase(pgPort, "node_" + n);
            List<BotSpec> specs = specs(n, INTERVAL);
            Writes writes = new Writes();
            long begin = System.nanoTime();
            Node node = new Node("node-a", pgPort, db, specs, writes, false, 16, n);
            boolean keptUp;
            try (Connection monitor = DriverManager.getConnection(url(pgPort, db))) {
                if (!within(RAMP, () -> node.cluster.owned().size() == n && writes.allSince(ids(specs), begin, null))) {
                    System.out.printf(
                            Locale.ROOT,
                            "| %,d | not all within %d s (%,d running) | | | | | | %,d | %,d | | | no |%n",
                            n,
                            RAMP.toSeconds(),
                            node.cluster.owned().size(),
                            writes.refused.sum(),
                            writes.stops.sum());
                    break;
                }
                long up = System.nanoTime() - begin;
                TimeUnit.SECONDS.sleep(3);
                TickStats before = node.engine.tickStats().getFirst();
                long written = writes.count.sum();
                long refused = writes.refused.sum();
                long stops = writes.stops.sum();
                long xid = nextTransactionId(monitor);
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                TimeUnit.SECONDS.sleep(seconds);
                long wall = System.nanoTime() - start;
                double cpuShare = (double) (os.getProcessCpuTime() - cpu) / wall / cores;
                long commits = nextTransactionId(monitor) - xid;
                TickStats window = node.engine.tickStats().getFirst().since(before);
                double writesPerSecond = (writes.count.sum() - written) * 1e9 / wall;
                long refusedInWindow = writes.refused.sum() - refused;
                long stopsInWindow = writes.stops.sum() - stops;
                Duration p99 = window.lateness().percentile(0.99);
                keptUp = writesPerSecond >= 0.95 * n
                        && p99.compareTo(INTERVAL) < 0
                        && refusedInWindow == 0
                        && stopsInWindow == 0;
                System.out.printf(
                        Locale.ROOT,
                        "| %,d | %.1f s | %,.0f | %.1f ms | %.1f ms | %.1f ms | %,d | %,d | %,d | %,.0f | %.0f %% | %s |%n",
                        n,
                        up / 1e9,
                        writesPerSecond,
                        millis(window.lateness().percentile(0.50)),
                        millis(p99),
                        millis(window.lateness().max()),
                        window.skipped(),
                        refusedInWindow,
                        stopsInWindow,
                        commits * 1e9 / wall,
                        cpuShare * 100,
                        keptUp ? "yes" : "no");
                if (keptUp) {
                    largest = n;
                    largestWrites = writesPerSecond;
                }
            } finally {
                node.close();
            }
            if (!keptUp) {
                break;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Largest bot count that kept up on one node: %,d (%,.0f fenced writes/s)%s%n",
                largest,
                largestWrites,
                largest == sizes.getLast() ? "; every size given kept up, try larger ones" : "");
    }

    // ---- plumbing ----

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        if (!within(DEADLINE, condition)) {
            throw new IllegalStateException("not within " + DEADLINE + ": " + what);
        }
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    private static String newDatabase(int port, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(port, "postgres"));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    /** The next transaction id of the server, read without taking one: ids handed out between two reads = commits. */
    private static long nextTransactionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void closeAll(List<Node> nodes) {
        for (Node n : nodes) {
            try {
                n.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("could not close " + n.name + ": " + e);
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
