package io.solbot.persistence.readmodel;

import static io.solbot.persistence.readmodel.TestFills.BONK;
import static io.solbot.persistence.readmodel.TestFills.T0;
import static io.solbot.persistence.readmodel.TestFills.WIF;
import static io.solbot.persistence.readmodel.TestFills.buy;
import static io.solbot.persistence.readmodel.TestFills.minute;
import static io.solbot.persistence.readmodel.TestFills.rec;
import static io.solbot.persistence.readmodel.TestFills.sell;
import static io.solbot.persistence.readmodel.TestFills.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Lot;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.EmbeddedPostgresExtension;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import io.solbot.persistence.FillRecord;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresFillStore;
import io.solbot.persistence.PostgresRunStatusStore;
import io.solbot.persistence.PostgresTradeLedger;
import io.solbot.persistence.RefusedWriteException;
import io.solbot.persistence.readmodel.BotReport.Stored;
import io.solbot.persistence.readmodel.BotReport.Unavailable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
class BotReportsIT {
    private static PostgresDatabase database;
    private static PostgresTradeLedger ledger;
    private static PostgresRunStatusStore runs;

    @BeforeAll
    static void open(TestDatabase db) {
        database = PostgresDatabase.open(db.jdbcUrl(), null, null, 4);
        ledger = new PostgresTradeLedger(database);
        runs = new PostgresRunStatusStore(database, "4242@node-b", id -> "{}");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static void saveRun(BotId bot, RunStatus status, int trades) {
        runs.save(new RunRecord(bot, "ma-cross", "hash", status, "", T0, T0.plusSeconds(90), 1, trades));
    }

    private static List<BotReport> reportsOf(BotReports reports, String prefix) {
        return reports.reports().stream()
                .filter(r -> r.botId().value().startsWith(prefix))
                .toList();
    }

    private static Stored stored(BotReport report) {
        assertThat(report.database()).isInstanceOf(Stored.class);
        return (Stored) report.database();
    }

    @Test
    void shouldReportBotsKnownOnlyInMemoryOnlyInTheDatabaseOrInBothByBotId() {
        BotId both = BotId.of("mix-both");
        BotId dbOnly = BotId.of("mix-db-only");
        BotId memoryOnly = BotId.of("mix-memory-only");
        saveRun(both, RunStatus.RUNNING, 1);
        ledger.record(rec(buy(both, "mix-b1", BONK, 1_000_000, TokenAmount.of(2_000, 6), 5_000, 0, minute(1))));
        saveRun(dbOnly, RunStatus.STOPPED, 2);
        ledger.record(rec(buy(dbOnly, "mix-d1", BONK, 1_000_000, TokenAmount.of(1_000, 6), 0, 0, minute(2))));
        ledger.record(rec(sell(dbOnly, "mix-d2", BONK, TokenAmount.of(1_000, 6), 1_200_000, 0, 0, minute(3))));
        List<BotStatus> live = List.of(status(memoryOnly, RunStatus.PAUSED, 11), status(both, RunStatus.RUNNING, 12));
        BotReports reports = new BotReports(database, () -> live);

        List<BotReport> all = reportsOf(reports, "mix-");

        assertThat(all).extracting(BotReport::botId).containsExactly(both, dbOnly, memoryOnly);
        BotReport bothReport = all.get(0);
        assertThat(bothReport.live()).contains(live.get(1));
        assertThat(stored(bothReport).run()).map(RunRecord::status).contains(RunStatus.RUNNING);
        assertThat(stored(bothReport).openPositions())
                .extracting(Position::mint, Position::quantity, Position::costBasis)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(BONK, TokenAmount.of(2_000, 6), Lamports.of(1_005_000)));
        assertThat(stored(bothReport).fills()).isEqualTo(1);
        assertThat(stored(bothReport).closedTrades()).isZero();
        assertThat(stored(bothReport).realizedPnl()).isEqualTo(Lamports.ZERO);
        assertThat(stored(bothReport).lastFillAt()).contains(minute(1));

        BotReport dbOnlyReport = all.get(1);
        assertThat(dbOnlyReport.live()).isEmpty();
        assertThat(dbOnlyReport.status()).contains(RunStatus.STOPPED);
        assertThat(dbOnlyReport.strategyId()).contains("ma-cross");
        Stored dbOnlyStored = stored(dbOnlyReport);
        assertThat(dbOnlyStored.run()).map(RunRecord::trades).contains(2);
        assertThat(dbOnlyStored.openPositions()).isEmpty();
        assertThat(dbOnlyStored.realizedPnl()).isEqualTo(Lamports.of(200_000));
        assertThat(dbOnlyStored.fills()).isEqualTo(2);
        assertThat(dbOnlyStored.closedTrades()).isEqualTo(1);
        assertThat(dbOnlyStored.lastFillAt()).contains(minute(3));
        assertThat(dbOnlyStored.owner()).contains("4242@node-b");
        // the last lifecycle change, until the owner beats
        assertThat(dbOnlyStored.heartbeatAt()).contains(T0.plusSeconds(90));

        BotReport memoryOnlyReport = all.get(2);
        assertThat(memoryOnlyReport.live()).contains(live.get(0));
        assertThat(memoryOnlyReport.status()).contains(RunStatus.PAUSED);
        assertThat(memoryOnlyReport.database())
                .isEqualTo(new Stored(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        Lamports.ZERO,
                        0,
                        0,
                        Optional.empty(),
                        0,
                        Lamports.ZERO));

        assertThat(reports.report(both)).contains(bothReport);
        assertThat(reports.report(dbOnly)).contains(dbOnlyReport);
        assertThat(reports.report(memoryOnly)).contains(memoryOnlyReport);
        assertThat(reports.report(BotId.of("mix-nobody"))).isEmpty();
    }

    @Test
    void shouldSumPositionsAndRealisedPnlExactlyAsWorkedOutByHandAndAsTheLedgerDoes() {
        BotId bot = BotId.of("pnl-1");
        BotReports reports = new BotReports(database, List::of);
        // lot A: 3 BONK for 1 SOL + 5 000 fee = 1 000 005 000; lot B: 1 BONK for 0.5 SOL + 6 000 = 500 006 000
        ledger.record(rec(buy(bot, "pnl-a", BONK, 1_000_000_000L, TokenAmount.of(3_000_000, 6), 5_000, 0, minute(1))));
        ledger.record(
                rec(buy(bot, "pnl-b", BONK, 500_000_000L, TokenAmount.of(1_000_000, 6), 5_000, 1_000, minute(2))));
        // lot C: 4 WIF (9 decimals) at 0.05 for 200 005 000
        ledger.record(
                rec(buy(bot, "pnl-c", WIF, 200_000_000L, TokenAmount.of(4_000_000_000L, 9), 5_000, 0, minute(3))));

        Stored before = stored(reports.report(bot).orElseThrow());
        assertThat(before.openPositions()).isEqualTo(ledger.openPositions(bot));
        Position bonk = before.openPositions().getFirst();
        assertThat(bonk.quantity()).isEqualTo(TokenAmount.of(4_000_000, 6));
        assertThat(bonk.costBasis()).isEqualTo(Lamports.of(1_500_011_000L));
        // what the buys paid per token, weighted by the tokens of each lot: (3 × 1/3 + 1 × 0.5) / 4; the fees are in
        // the cost basis, not in the entry price
        assertThat(bonk.entryPrice()).isEqualTo(Price.of("0.375"));

        // sells 2 of lot A: cost 1 000 005 000 × 2/3 = 666 670 000, PnL 900 000 001 − 5 000 − 666 670 000
        ledger.record(rec(sell(bot, "pnl-s1", BONK, TokenAmount.of(2_000_000, 6), 900_000_001L, 5_000, 0, minute(4))));
        // sells 1.5: the rest of A (cost 333 335 000, proceeds 400 000 000, fees 7 000 × 1/1.5 = 4 666.67 rounded
        // half up to 4 667) and half of B (cost 250 003 000, proceeds 200 000 000, the 2 333 fees left)
        ledger.record(
                rec(sell(bot, "pnl-s2", BONK, TokenAmount.of(1_500_000, 6), 600_000_000L, 5_000, 2_000, minute(5))));
        // lot D: 1 WIF at 0.1 for 100 000 000: WIF's entry price is (4 × 0.05 + 1 × 0.1) / 5 = 0.06
        ledger.record(rec(buy(bot, "pnl-d", WIF, 100_000_000L, TokenAmount.of(1_000_000_000L, 9), 0, 0, minute(6))));

        Stored after = stored(reports.report(bot).orElseThrow());
        assertThat(after.realizedPnl())
                .isEqualTo(Lamports.of(233_325_001L + 66_660_333L - 50_005_333L))
                .isEqualTo(ledger.realizedPnl(bot));
        assertThat(after.openPositions())
                .containsExactly(
                        Position.of(
                                BONK,
                                new Lot(
                                        OrderId.of("pnl-b"),
                                        1,
                                        TokenAmount.of(500_000, 6),
                                        Price.of("0.5"),
                                        Lamports.of(250_003_000L),
                                        minute(2))),
                        new Position(
                                WIF,
                                List.of(
                                        new Lot(
                                                OrderId.of("pnl-c"),
                                                1,
                                                TokenAmount.of(4_000_000_000L, 9),
                                                Price.of("0.05"),
                                                Lamports.of(200_005_000L),
                                                minute(3)),
                                        new Lot(
                                                OrderId.of("pnl-d"),
                                                1,
                                                TokenAmount.of(1_000_000_000L, 9),
                                                Price.of("0.1"),
                                                Lamports.of(100_000_000L),
                                                minute(6)))))
                .isEqualTo(ledger.openPositions(bot));
        assertThat(after.openPositions())
                .extracting(Position::entryPrice)
                .containsExactly(Price.of("0.5"), Price.of("0.06"));
        assertThat(after.fills()).isEqualTo(6);
        assertThat(after.closedTrades()).isEqualTo(3);
        assertThat(after.lastFillAt()).contains(minute(6));
        assertThat(after.run()).isEmpty();
    }

    @Test
    void shouldReportTwoHundredBotsWithTheSameFewQueriesAsOne() {
        List<FillRecord> fills = new ArrayList<>();
        List<BotStatus> live = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BotId bot = BotId.of("many-%03d".formatted(i));
            saveRun(bot, RunStatus.RUNNING, i);
            fills.add(rec(buy(bot, "many-b" + i, BONK, 1_000 + i, TokenAmount.of(10, 6), 0, 0, minute(i))));
            if (i % 2 == 0) {
                fills.add(rec(sell(bot, "many-s" + i, BONK, TokenAmount.of(4, 6), 500 + i, 0, 0, minute(i + 1))));
            }
        }
        ledger.record(fills);
        try (PostgresFillStore store = new PostgresFillStore(database)) {
            for (int i = 0; i < 200; i += 3) {
                BotId bot = BotId.of("many-%03d".formatted(i));
                // one failure that landed (fee and tip), one that never did
                store.recordFailure(bot, failure("many-f" + i, 5_000 + i, i, minute(i)));
                store.recordFailure(bot, failure("many-g" + i, 0, 0, minute(i + 1)));
            }
        }
        for (int i = 150; i < 210; i++) {
            live.add(status(BotId.of("many-%03d".formatted(i)), RunStatus.RUNNING, i));
        }
        AtomicInteger statements = new AtomicInteger();
        DSLContext counting = database.dsl()
                .configuration()
                .derive(ExecuteListener.onExecuteStart(ctx -> statements.incrementAndGet()))
                .dsl();
        BotReports reports = new BotReports(counting, () -> live);

        List<BotReport> many = reports.reports().stream()
                .filter(r -> r.botId().value().startsWith("many-"))
                .toList();
        int forAll = statements.getAndSet(0);
        reports.report(BotId.of("many-007"));
        int forOne = statements.get();

        // SET TRANSACTION, then one query per table: strategy_run_status, trade, closed_trade, fill, order_failure
        assertThat(forAll).as("statements for every bot").isEqualTo(forOne).isEqualTo(6);

        statements.set(0);
        List<BotReport> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int expectedStatements = 0;
        do {
            Page<BotReport> page = reports.reports(cursor, 37);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(37);
            paged.addAll(page.items());
            cursor = page.next();
            // the page's ids from strategy_run_status, then the six statements over its bots only
            expectedStatements += page.items().isEmpty() ? 1 : 7;
        } while (cursor.isPresent());
        assertThat(statements.get()).as("statements for the pages").isEqualTo(expectedStatements);
        assertThat(paged).isEqualTo(reports.reports());
        assertThatThrownBy(() -> reports.reports(Optional.of("bm90LWEtY3Vyc29y"), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports.reports(Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(many).hasSize(210);
        assertThat(many).extracting(r -> r.botId().value()).isSorted();
        for (int i = 0; i < 210; i++) {
            BotReport report = many.get(i);
            assertThat(report.live().isPresent())
                    .as("%s in memory", report.botId())
                    .isEqualTo(i >= 150);
            Stored stored = stored(report);
            if (i >= 200) {
                assertThat(stored.fills()).isZero();
                continue;
            }
            boolean sold = i % 2 == 0;
            assertThat(stored.run()).map(RunRecord::trades).contains(i);
            assertThat(stored.fills()).isEqualTo(sold ? 2 : 1);
            assertThat(stored.closedTrades()).isEqualTo(sold ? 1 : 0);
            // the 4 tokens sold cost 4/10 of 1 000 + i, rounded half up
            long pnl = sold ? (500 + i) - ((1_000 + i) * 4L + 5) / 10 : 0;
            assertThat(stored.realizedPnl()).as("%s PnL", report.botId()).isEqualTo(Lamports.of(pnl));
            boolean failed = i % 3 == 0;
            assertThat(stored.failedOrders()).isEqualTo(failed ? 2 : 0);
            assertThat(stored.failedOrderFees()).isEqualTo(Lamports.of(failed ? 5_000 + 2L * i : 0));
            assertThat(stored.netPnl()).isEqualTo(Lamports.of(pnl - (failed ? 5_000 + 2L * i : 0)));
            assertThat(stored.openPositions())
                    .singleElement()
                    .extracting(Position::quantity)
                    .isEqualTo(TokenAmount.of(sold ? 6 : 10, 6));
        }
    }

    @Test
    void shouldCountFailedOrdersAndSumTheirFeesAndTipsPerBotExactly() {
        BotId honeypot = BotId.of("fail-honeypot");
        BotId lucky = BotId.of("fail-lucky");
        saveRun(honeypot, RunStatus.RUNNING, 1);
        saveRun(lucky, RunStatus.RUNNING, 1);
        ledger.record(rec(buy(honeypot, "fail-b1", BONK, 1_000_000, TokenAmount.of(1_000, 6), 0, 0, minute(1))));
        ledger.record(rec(sell(honeypot, "fail-s1", BONK, TokenAmount.of(500, 6), 600_000, 0, 0, minute(2))));
        try (PostgresFillStore store = new PostgresFillStore(database)) {
            // two sells of the rest reverted on chain; each paid its signature and priority fee (and one a tip)
            store.recordFailure(honeypot, failure("fail-s2", 4_000_000_000_000_000_001L, 0, minute(3)));
            store.recordFailure(honeypot, failure("fail-s3", 4_000_000_000_000_000_002L, 7, minute(4)));
            // another failure under a recorded order id: refused, and it changes nothing
            assertThatThrownBy(() -> store.recordFailure(honeypot, failure("fail-s3", 1, 1, minute(5))))
                    .isInstanceOf(RefusedWriteException.class);
            store.recordFailure(honeypot, failure("fail-s3", 4_000_000_000_000_000_002L, 7, minute(4))); // the same
            store.recordFailure(lucky, failure("fail-never-landed", 0, 0, minute(3)));
        }
        BotReports reports = new BotReports(database, List::of);

        List<BotReport> all = reportsOf(reports, "fail-");

        Stored hit = stored(all.get(0));
        assertThat(all.get(0).botId()).isEqualTo(honeypot);
        assertThat(hit.failedOrders()).isEqualTo(2);
        // beyond a double's 53 bits: summed exactly
        assertThat(hit.failedOrderFees()).isEqualTo(Lamports.of(8_000_000_000_000_000_010L));
        assertThat(hit.realizedPnl()).isEqualTo(Lamports.of(100_000));
        assertThat(hit.netPnl()).isEqualTo(Lamports.of(100_000 - 8_000_000_000_000_000_010L));
        Stored missed = stored(all.get(1));
        assertThat(missed.failedOrders()).isOne();
        assertThat(missed.failedOrderFees()).isEqualTo(Lamports.ZERO);
        assertThat(missed.fills()).isZero();
        assertThat(reports.report(honeypot)).map(BotReport::database).contains(hit);
    }

    private static OrderFailure failure(String orderId, long fee, long tip, java.time.Instant at) {
        return new OrderFailure(
                OrderId.of(orderId),
                BONK,
                Side.SELL,
                "land",
                "the sell reverted",
                at,
                Lamports.of(fee),
                Lamports.of(tip));
    }

    @Test
    void shouldKeepReportingTheHotStateWhenTheDatabaseIsGone(TestDatabase db) throws SQLException {
        String name = "readmodel_outage";
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = db.jdbcUrl().replace("/" + db.name() + "?", "/" + name + "?") + "&password=s3cret-in-url";
        BotId running = BotId.of("outage-live");
        List<BotStatus> live = List.of(status(running, RunStatus.RUNNING, 5));
        try (PostgresDatabase doomed = PostgresDatabase.open(url, null, null, 2)) {
            new PostgresTradeLedger(doomed)
                    .record(rec(buy(running, "out-1", BONK, 1_000, TokenAmount.of(10, 6), 0, 0, minute(1))));
            BotReports reports = new BotReports(doomed, () -> live);
            assertThat(reports.reports())
                    .singleElement()
                    .satisfies(r -> assertThat(stored(r).fills()).isEqualTo(1));
            // fail fast for the test; the pool's own timeout is 5 s
            ((HikariDataSource) doomed.dataSource()).getHikariConfigMXBean().setConnectionTimeout(250);
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + name + " WITH (FORCE)");
            }

            List<BotReport> during = reports.reports();
            Optional<BotReport> one = reports.report(running);
            Optional<BotReport> unknown = reports.report(BotId.of("outage-elsewhere"));

            assertThat(during).singleElement().satisfies(r -> {
                assertThat(r.live()).contains(live.getFirst());
                assertThat(r.status()).contains(RunStatus.RUNNING);
                assertThat(r.database())
                        .isInstanceOfSatisfying(
                                Unavailable.class,
                                u -> assertThat(u.reason())
                                        .startsWith("database unreachable: ")
                                        .doesNotContain("s3cret")
                                        .doesNotContain("jdbc:"));
            });
            assertThat(one).map(BotReport::database).containsInstanceOf(Unavailable.class);
            assertThat(unknown).hasValueSatisfying(r -> {
                assertThat(r.live()).isEmpty();
                assertThat(r.status()).isEmpty();
                assertThat(r.database()).isInstanceOf(Unavailable.class);
            });
        }
    }

    @Test
    void shouldKeepReportingTheHotStateWhenThePoolIsClosed(TestDatabase db) {
        BotId bot = BotId.of("closed-pool");
        PostgresDatabase closed = PostgresDatabase.open(db.jdbcUrl(), null, null, 1);
        BotReports reports = new BotReports(closed, () -> List.of(status(bot, RunStatus.RUNNING, 3)));
        closed.close();

        assertThat(reports.reports()).singleElement().satisfies(r -> {
            assertThat(r.live()).isPresent();
            assertThat(r.database())
                    .isInstanceOfSatisfying(
                            Unavailable.class, u -> assertThat(u.reason()).contains("closed"));
        });
    }
}
