package io.solbot.bench.persistence;

import io.solbot.bench.Latencies;
import io.solbot.core.domain.BotId;
import io.solbot.persistence.FillRecord;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresTradeLedger;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Scenarios (1) to (3) of {@link PersistenceLoad}: raw commits, ledger transitions, the fill store's group commit. */
final class LedgerLoad {
    private LedgerLoad() {}

    /** (1) One connection, autocommit, one single-row INSERT per commit. Returns commits per second. */
    static double rawInserts(String url, Connection monitor, int seconds) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", null)) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE raw_commit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " bot_id varchar(64) NOT NULL, signature varchar(88) NOT NULL, at timestamptz NOT NULL)");
            }
            String signature = LoadFills.signature(0).value();
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO raw_commit (bot_id, signature, at) VALUES (?, ?, ?)")) {
                Latencies latencies = new Latencies();
                long warmEnd = System.nanoTime() + PersistenceLoad.WARM_UP_NANOS;
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
    static void ledgerTransitions(PostgresDatabase db, Connection monitor, int seconds, double raw)
            throws SQLException {
        PostgresTradeLedger ledger = new PostgresTradeLedger(db);
        BotId bot = BotId.of("ledger-bot");
        Latencies perTransition = new Latencies();
        Latencies perFill = new Latencies();
        long warmEnd = System.nanoTime() + PersistenceLoad.WARM_UP_NANOS;
        while (System.nanoTime() < warmEnd) {
            Instant now = Instant.now();
            ledger.record(new FillRecord("bench", LoadFills.buy(bot, now), "entry"));
            ledger.record(new FillRecord("bench", LoadFills.sell(bot, now), "exit"));
        }
        long xid = nextXid(monitor);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long transitions = 0;
        long t0;
        while ((t0 = System.nanoTime()) < end) {
            Instant now = Instant.now();
            ledger.record(new FillRecord("bench", LoadFills.buy(bot, now), "entry"));
            long t1 = System.nanoTime();
            ledger.record(new FillRecord("bench", LoadFills.sell(bot, now), "exit"));
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
    static void fillStore(PostgresDatabase db, Connection monitor, int seconds, int bots, int rate) throws Exception {
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
                        store.record(LoadFills.buy(bot, now));
                        long t1 = System.nanoTime();
                        store.record(LoadFills.sell(bot, now));
                        long t2 = System.nanoTime();
                        if (phase.get() == 1) {
                            latencies.record(t1 - t0);
                            latencies.record(t2 - t1);
                            transitions.incrementAndGet();
                        }
                    }
                }));
            }
            TimeUnit.NANOSECONDS.sleep(PersistenceLoad.WARM_UP_NANOS);
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

    /** The next transaction id the server will hand out, read without taking one. */
    private static long nextXid(Connection monitor) throws SQLException {
        try (Statement s = monitor.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            r.next();
            return r.getLong(1);
        }
    }
}
