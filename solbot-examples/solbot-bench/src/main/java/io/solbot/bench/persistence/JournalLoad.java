package io.solbot.bench.persistence;

import io.solbot.bench.Latencies;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.persistence.FillRecord;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresTradeLedger;
import io.solbot.persistence.journal.LockfileJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Scenarios (4) and (5) of {@link PersistenceLoad}: durable lockfile writes, and the recovery of 1,000 bots. */
final class JournalLoad {
    private JournalLoad() {}

    /** (4) Durable lockfile writes, 100 bots' files written round robin, by 1, 4 and 16 threads on distinct files. */
    static void lockfiles(Path dir, int seconds) throws Exception {
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
            TimeUnit.NANOSECONDS.sleep(PersistenceLoad.WARM_UP_NANOS);
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
    static void recovery(PostgresDatabase db, Path dir, int n) {
        LockfileJournal journal = new LockfileJournal(dir);
        PostgresTradeLedger ledger = new PostgresTradeLedger(db);
        List<FillRecord> batch = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            BotId bot = BotId.of(String.format(Locale.ROOT, "recover-%04d", i));
            journal.save(entry(bot));
            batch.add(new FillRecord("bench", LoadFills.buy(bot, now), "entry"));
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
        long n = LoadFills.SEQUENCE.incrementAndGet();
        return new JournalEntry(
                bot,
                "ema-cross",
                RunStatus.RUNNING,
                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "4711@bench-host",
                List.of(new OrderIntent(
                        OrderId.of("intent-" + n), LoadFills.BONK, Side.BUY, LoadFills.COST.toTokenAmount(), now)),
                Map.of("ema", "0.000021345678", "entryPrice", "0.000020000000", "lastSignal", "buy"),
                List.of(),
                List.of(),
                now);
    }
}
