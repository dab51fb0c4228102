package io.solbot.bench.persistence;

import io.solbot.bench.Latencies;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.persistence.FillRecord;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresTradeLedger;
import io.solbot.persistence.journal.LockfileJournal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final TokenAmount TOKENS = new TokenAmount(BigInteger.valueOf(1_000_000_000L), 5);
    private static final Lamports COST = Lamports.of(100_000_000);
    private static final Lamports PROCEEDS = Lamports.of(110_000_000);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(2);

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
                    double raw = rawInserts(url, monitor, seconds);
                    try (Statement s = monitor.createStatement()) {
                        s.execute("CREATE DATABASE solbot");
                    }
                    String solbotUrl = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/solbot";
                    try (PostgresDatabase db = PostgresDatabase.open(solbotUrl, "postgres", null, 4)) {
                        ledgerTransitions(db, monitor, seconds, raw);
                        System.out.println();
                        System.out.println("PostgresFillStore (group commit), bots trading back to back:");
                        System.out.println("| bots | transitions/s | fills/s | commits/s | fills per commit"
                                + " | record(fill) p50 | p99 | max |");
                        System.out.println("|---|---|---|---|---|---|---|---|");
                        for (int bots : List.of(1, 8, 64)) {
                            fillStore(db, monitor, seconds, bots, 0);
                        }
                        System.out.println();
                        System.out.println("PostgresFillStore, 64 bots at a fixed total rate (moderate load):");
                        System.out.println("| bots | transitions/s | fills/s | commits/s | fills per commit"
                                + " | record(fill) p50 | p99 | max |");
                        System.out.println("|---|---|---|---|---|---|---|---|");
                        for (int rate : List.of(100, 300)) {
                            fillStore(db, monitor, seconds, 64, rate);
                        }
                        System.out.println();
                        lockfiles(work.resolve("journal"), seconds);
                        System.out.println();
                        recovery(db, work.resolve("recovery"), 1_000);
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

    /** (1) One connection, autocommit, one single-row INSERT per commit. Returns commits per second. */
    private static double rawInserts(String url, Connection monitor, int seconds) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", null)) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE raw_commit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " bot_id varchar(64) NOT NULL, signature varchar(88) NOT NULL, at timestamptz NOT NULL)");
            }
            String signature = signature(0).value();
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO raw_commit (bot_id, signature, at) VALUES (?, ?, ?)")) {
                Latencies latencies = new Latencies();
                long warmEnd = System.nanoTime() + WARM_UP_NANOS;
                while (System.nanoTime() < warmEnd) {
                    insert(insert, signature);
                }
                long xid = nextXid(monitor);
                long start = System.nanoTime();
                long end = start + TimeUnit.SECONDS.toNanos(seconds);
                long commits = 0;
                long now;
                while ((now = System.nanoTime()) < end) {
                    insert(insert, signature);
                    latencies.record(System.nanoTime() - now);
                    commits++;
                }
                long wall = System.nanoTime() - start;
                long xids = nextXid(monitor) - xid;
                double rate = commits * 1e9 / wall;
                System.out.println();
                System.out.println("| measurement | per second | commits/s (server) | p50 | p99 | max |");
                System.out.println("|---|---|---|---|---|---|");
                System.out.printf(
                        Locale.ROOT,
                        "| raw INSERT commits, 1 connection | %,.0f | %,.0f | %.3f ms | %.3f ms | %.1f ms |%n",
                        rate,
                        xids * 1e9 / wall,
                        latencies.percentileMillis(0.50),
                        latencies.percentileMillis(0.99),
                        latencies.maxMillis());
                return rate;
            }
        }
    }

    private static void insert(PreparedStatement insert, String signature) throws SQLException {
        insert.setString(1, "bot-1");
        insert.setString(2, signature);
        insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
        insert.executeUpdate();
    }

    /** (2) One bot, one thread: a buy fill then its sell fill through the ledger, each its own transaction. */
    private static void ledgerTransitions(PostgresDatabase db, Connection monitor, int seconds, double raw)
            throws SQLException {
        PostgresTradeLedger ledger = new PostgresTradeLedger(db);
        BotId bot = BotId.of("ledger-bot");
        Latencies perTransition = new Latencies();
        Latencies perFill = new Latencies();
        long warmEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmEnd) {
            Instant now = Instant.now();
            ledger.record(new FillRecord("bench", buy(bot, now), "entry"));
            ledger.record(new FillRecord("bench", sell(bot, now), "exit"));
        }
        long xid = nextXid(monitor);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long transitions = 0;
        long t0;
        while ((t0 = System.nanoTime()) < end) {
            Instant now = Instant.now();
            ledger.record(new FillRecord("bench", buy(bot, now), "entry"));
            long t1 = System.nanoTime();
            ledger.record(new FillRecord("bench", sell(bot, now), "exit"));
            long t2 = System.nanoTime();
            perFill.record(t1 - t0);
            perFill.record(t2 - t1);
            perTransition.record(t2 - t0);
            transitions++;
        }
        long wall = System.nanoTime() - start;
        double commits = (nextXid(monitor) - xid) * 1e9 / wall;
        double rate = transitions * 1e9 / wall;
        System.out.printf(
                Locale.ROOT,
                "| ledger open→close transitions, 1 bot (2 commits each) | %,.0f | %,.0f | %.3f ms | %.3f ms | %.1f ms |%n",
                rate,
                commits,
                perTransition.percentileMillis(0.50),
                perTransition.percentileMillis(0.99),
                perTransition.maxMillis());
        System.out.printf(
                Locale.ROOT,
                "| ledger fills (one commit each) | %,.0f | | %.3f ms | %.3f ms | %.1f ms |%n",
                2 * rate,
                perFill.percentileMillis(0.50),
                perFill.percentileMillis(0.99),
                perFill.maxMillis());
        System.out.printf(
                Locale.ROOT,
                "ratio to raw INSERT commits: transitions %.2f (raw is %.2f× faster), ledger commits %.2f%n",
                rate / raw,
                raw / rate,
                2 * rate / raw);
    }

    /**
     * (3) {@code bots} threads, each a bot recording a buy fill then its sell fill through one fill store. With
     * {@code rate} 0 they trade back to back; otherwise each bot starts a transition on a fixed schedule so that all
     * of them together start {@code rate} per second.
     */
    private static void fillStore(PostgresDatabase db, Connection monitor, int seconds, int bots, int rate)
            throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong transitions = new AtomicLong();
        AtomicInteger phase = new AtomicInteger(); // 0 warm-up, 1 measured, 2 stop
        long period = rate == 0 ? 0 : bots * 1_000_000_000L / rate;
        long begin = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        try (PostgresFillStore store = new PostgresFillStore(db)) {
            for (int i = 0; i < bots; i++) {
                BotId bot = BotId.of("store-" + bots + "-" + rate + "-" + i);
                long offset = period * i / bots;
                threads.add(Thread.ofPlatform().name(bot.value()).start(() -> {
                    long next = begin + offset;
                    while (phase.get() != 2) {
                        if (period > 0) {
                            long wait;
                            while ((wait = next - System.nanoTime()) > 0 && phase.get() != 2) {
                                LockSupport.parkNanos(wait);
                            }
                            // a bot that fell behind starts its next transition at once but never catches up in
                            // a burst, so the total rate stays at most the one asked for
                            next = Math.max(next + period, System.nanoTime());
                        }
                        Instant now = Instant.now();
                        long t0 = System.nanoTime();
                        store.record(buy(bot, now));
                        long t1 = System.nanoTime();
                        store.record(sell(bot, now));
                        long t2 = System.nanoTime();
                        if (phase.get() == 1) {
                            latencies.record(t1 - t0);
                            latencies.record(t2 - t1);
                            transitions.incrementAndGet();
                        }
                    }
                }));
            }
            TimeUnit.NANOSECONDS.sleep(WARM_UP_NANOS);
            long xid = nextXid(monitor);
            long start = System.nanoTime();
            phase.set(1);
            TimeUnit.SECONDS.sleep(seconds);
            phase.set(2);
            long wall = System.nanoTime() - start;
            long xids = nextXid(monitor) - xid;
            for (Thread thread : threads) {
                thread.join();
            }
            double perSecond = transitions.get() * 1e9 / wall;
            double commits = xids * 1e9 / wall;
            System.out.printf(
                    Locale.ROOT,
                    "| %d%s | %,.0f | %,.0f | %,.0f | %.1f | %.3f ms | %.3f ms | %.1f ms |%n",
                    bots,
                    rate == 0 ? "" : " at " + rate + " transitions/s",
                    perSecond,
                    2 * perSecond,
                    commits,
                    2 * perSecond / commits,
                    latencies.percentileMillis(0.50),
                    latencies.percentileMillis(0.99),
                    latencies.maxMillis());
        }
    }

    /** (4) Durable lockfile writes, 100 bots' files written round robin, by 1, 4 and 16 threads on distinct files. */
    private static void lockfiles(Path dir, int seconds) throws Exception {
        LockfileJournal journal = new LockfileJournal(dir);
        List<BotId> bots = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            bots.add(BotId.of(String.format(Locale.ROOT, "bot-%03d", i)));
            journal.save(entry(bots.get(i)));
        }
        long bytes = Files.size(journal.fileOf(bots.getFirst()));
        System.out.printf(Locale.ROOT, "LockfileJournal.save, 100 bots' files (%d bytes each):%n", bytes);
        System.out.println("| threads | writes/s | p50 | p99 | max |");
        System.out.println("|---|---|---|---|---|");
        for (int threads : List.of(1, 4, 16)) {
            Latencies latencies = new Latencies();
            AtomicLong writes = new AtomicLong();
            AtomicInteger phase = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<BotId> mine = new ArrayList<>();
                for (int i = t; i < bots.size(); i += threads) {
                    mine.add(bots.get(i));
                }
                workers.add(Thread.ofPlatform().start(() -> {
                    int i = 0;
                    while (phase.get() != 2) {
                        JournalEntry entry = entry(mine.get(i++ % mine.size()));
                        long t0 = System.nanoTime();
                        journal.save(entry);
                        long t1 = System.nanoTime();
                        if (phase.get() == 1) {
                            latencies.record(t1 - t0);
                            writes.incrementAndGet();
                        }
                    }
                }));
            }
            TimeUnit.NANOSECONDS.sleep(WARM_UP_NANOS);
            long start = System.nanoTime();
            phase.set(1);
            TimeUnit.SECONDS.sleep(seconds);
            phase.set(2);
            long wall = System.nanoTime() - start;
            for (Thread worker : workers) {
                worker.join();
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %,.0f | %.3f ms | %.3f ms | %.1f ms |%n",
                    threads,
                    writes.get() * 1e9 / wall,
                    latencies.percentileMillis(0.50),
                    latencies.percentileMillis(0.99),
                    latencies.maxMillis());
        }
    }

    /**
     * (5) 1,000 bots, each with a lockfile and an open position: the time to read all lockfiles with a fresh
     * journal's {@code entries()} and then each bot's open positions from the ledger, one after the other.
     */
    private static void recovery(PostgresDatabase db, Path dir, int n) {
        LockfileJournal journal = new LockfileJournal(dir);
        PostgresTradeLedger ledger = new PostgresTradeLedger(db);
        List<FillRecord> batch = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            BotId bot = BotId.of(String.format(Locale.ROOT, "recover-%04d", i));
            journal.save(entry(bot));
            batch.add(new FillRecord("bench", buy(bot, now), "entry"));
            if (batch.size() == 250) {
                ledger.record(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            ledger.record(batch);
        }
        System.out.printf(
                Locale.ROOT, "Recovery of %,d bots (page cache and PostgreSQL buffers warm), three runs:%n", n);
        System.out.println("| run | lockfiles read | open positions | entries() | openPositions × N | total |");
        System.out.println("|---|---|---|---|---|---|");
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            List<JournalEntry> entries = new LockfileJournal(dir).entries();
            long t1 = System.nanoTime();
            int positions = 0;
            for (JournalEntry entry : entries) {
                positions += ledger.openPositions(entry.botId()).size();
            }
            long t2 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %,d | %,d | %.0f ms | %.0f ms | %.0f ms |%n",
                    run,
                    entries.size(),
                    positions,
                    (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6,
                    (t2 - t0) / 1e6);
        }
    }

    private static JournalEntry entry(BotId bot) {
        Instant now = Instant.now();
        long n = SEQUENCE.incrementAndGet();
        return new JournalEntry(
                bot,
                "ema-cross",
                RunStatus.RUNNING,
                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "4711@bench-host",
                List.of(new OrderIntent(OrderId.of("intent-" + n), BONK, Side.BUY, COST.toTokenAmount(), now)),
                Map.of("ema", "0.000021345678", "entryPrice", "0.000020000000", "lastSignal", "buy"),
                List.of(),
                List.of(),
                now);
    }

    private static Fill buy(BotId bot, Instant at) {
        return fill(bot, Side.BUY, COST.toTokenAmount(), TOKENS, Price.ofTrade(COST, TOKENS), at);
    }

    private static Fill sell(BotId bot, Instant at) {
        return fill(bot, Side.SELL, TOKENS, PROCEEDS.toTokenAmount(), Price.ofTrade(PROCEEDS, TOKENS), at);
    }

    /** A whole fill of a new order, landed at once, paying the signature fee and no tip. */
    private static Fill fill(BotId bot, Side side, TokenAmount in, TokenAmount out, Price price, Instant at) {
        long n = SEQUENCE.incrementAndGet();
        return new Fill(
                OrderId.of("o-" + n),
                bot,
                BONK,
                side,
                in,
                out,
                price,
                Lamports.of(5_000),
                Lamports.ZERO,
                signature(n),
                1,
                1,
                at,
                at);
    }

    /** A distinct, valid 64-byte signature for each {@code n}. */
    private static TxSignature signature(long n) {
        byte[] bytes = new byte[64];
        bytes[0] = 1;
        for (int i = 0; i < 8; i++) {
            bytes[1 + i] = (byte) (n >>> (8 * i));
        }
        bytes[63] = 1;
        return TxSignature.ofBytes(bytes);
    }

    /** The next transaction id the server will hand out, read without taking one. */
    private static long nextXid(Connection monitor) throws SQLException {
        try (Statement s = monitor.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            r.next();
            return r.getLong(1);
        }
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
