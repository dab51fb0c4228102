package io.solbot.bench.persistence;

import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresTradeLedger;
import io.solbot.persistence.journal.LockfileJournal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The persistence load command (issue 6): starts an embedded PostgreSQL 18 (fsync and synchronous commit on, a
 * temporary data directory, a free port on 127.0.0.1) and measures, in the same run:
 *
 * <ol>
 *   <li>raw single-row INSERT commits per second (plain JDBC, autocommit, one connection): this run's ceiling;
 *   <li>durable open→close transitions per second through {@link PostgresTradeLedger} (a buy fill, then its sell
 *       fill, each its own commit), and their ratio to (1);
 *   <li>the same through {@link PostgresFillStore} with 1, 8 and 64 bots trading back to back (group commit), and
 *       with 64 bots at a fixed moderate rate: transitions/s, commits/s and the latency of {@code record(fill)};
 *   <li>durable lockfile writes per second through {@link LockfileJournal#save} (100 bots' files, 1, 4, 16 threads);
 *   <li>recovery of 1,000 bots: {@link LockfileJournal#entries()} plus each bot's open positions from the ledger.
 * </ol>
 *
 * Commits are counted by the server: the transaction ids it handed out in the window (every write transaction takes
 * one; the ids are cluster-wide), read without taking one. The raw inserts run in database {@code postgres}, the
 * ledger in its own database {@code solbot}, migrated by {@link PostgresDatabase#open}.
 *
 * <pre>
 * java -cp solbot-examples/solbot-bench/target/benchmarks.jar io.solbot.bench.persistence.PersistenceLoad [seconds]
 * </pre>
 *
 * Default: 5 measured seconds per measurement, each after 2 s of warm-up.
 */
public final class PersistenceLoad {
    static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(2);

    private PersistenceLoad() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(
                Locale.ROOT,
                "JVM %s, %d cores, %d s measured per line after 2 s of warm-up, load average at start: %s%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                seconds,
                loadAverage());
        Path work = Files.createTempDirectory("solbot-pbench-");
        try {
            int port = freePort();
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(work.resolve("pgdata"))
                    .setCleanDataDirectory(true)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky starts the server with -F (fsync off) and synchronous_commit=off: durability back on
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start()) {
                String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
                try (Connection monitor = DriverManager.getConnection(url, "postgres", null)) {
                    printSettings(monitor);
                    double raw = LedgerLoad.rawInserts(url, monitor, seconds);
                    try (Statement s = monitor.createStatement()) {
                        s.execute("CREATE DATABASE solbot");
                    }
                    String solbotUrl = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/solbot";
                    try (PostgresDatabase db = PostgresDatabase.open(solbotUrl, "postgres", null, 4)) {
                        LedgerLoad.ledgerTransitions(db, monitor, seconds, raw);
                        System.out.println();
                        System.out.println("PostgresFillStore (group commit), bots trading back to back:");
                        System.out.println("| bots | transitions/s | fills/s | commits/s | fills per commit"
                                + " | record(fill) p50 | p99 | max |");
                        System.out.println("|---|---|---|---|---|---|---|---|");
                        for (int bots : List.of(1, 8, 64)) {
                            LedgerLoad.fillStore(db, monitor, seconds, bots, 0);
                        }
                        System.out.println();
                        System.out.println("PostgresFillStore, 64 bots at a fixed total rate (moderate load):");
                        System.out.println("| bots | transitions/s | fills/s | commits/s | fills per commit"
                                + " | record(fill) p50 | p99 | max |");
                        System.out.println("|---|---|---|---|---|---|---|---|");
                        for (int rate : List.of(100, 300)) {
                            LedgerLoad.fillStore(db, monitor, seconds, 64, rate);
                        }
                        System.out.println();
                        JournalLoad.lockfiles(work.resolve("journal"), seconds);
                        System.out.println();
                        JournalLoad.recovery(db, work.resolve("recovery"), 1_000);
                    }
                }
            }
        } finally {
            deleteRecursively(work);
        }
        System.out.println();
        System.out.println("load average at end: " + loadAverage());
    }

    private static void printSettings(Connection c) throws SQLException {
        StringBuilder line = new StringBuilder();
        try (Statement s = c.createStatement()) {
            for (String setting : List.of(
                    "server_version",
                    "fsync",
                    "synchronous_commit",
                    "wal_sync_method",
                    "full_page_writes",
                    "commit_delay",
                    "shared_buffers")) {
                try (ResultSet r = s.executeQuery("SHOW " + setting)) {
                    r.next();
                    line.append(setting).append('=').append(r.getString(1)).append(' ');
                }
            }
        }
        System.out.println("PostgreSQL: " + line.toString().trim());
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

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + root, e);
        }
    }
}
