package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.internal.CrashPoints;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.core.testing.FaultyDisk;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.journal.LockfileJournal;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault injection end to end: launcher JVMs paper-trade a few bots against one PostgreSQL (started here, one database
 * per scenario) and die where a test says, at a named crash point ({@code -Dsolbot.crash}, see {@code CrashPoints}),
 * by SIGKILL, or meet damaged files, a second launcher or a clock stepped back. After each scenario a clean run
 * recovers, trades, stops gracefully, and {@link Invariants} checks the database against the paper executor's
 * execution log and the engine's last status table.
 *
 * <p>Each crash point runs once by default, at a fixed hit; {@code -Dsolbot.faults.rounds=N} makes the soak: every
 * point halts N launchers in a row, at hits drawn from {@code -Dsolbot.faults.seed}, before the clean run.
 */
// the class runs alone, as every other, and its scenarios two at a time (see the Failsafe configuration): each has
// its own database and directory
@Execution(ExecutionMode.SAME_THREAD)
class FaultInjectionIT {
    private static final String BONK = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";
    private static final String JUP = "JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN";
    private static final String WIF = "EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm";
    private static final List<String> BOTS = List.of(
            bot("fault-bonk", BONK, 2, "0.05", "0.3"),
            bot("fault-jup", JUP, 2, "0.1", "0.3"),
            bot("fault-bonk-2", BONK, 3, "0.02", "0.2"),
            bot("fault-jup-2", JUP, 2, "0.03", "0.2"),
            bot("fault-wif", WIF, 3, "0.07", "0.4"),
            // more bots, more orders a second: each run reaches its crash point or its orders sooner
            bot("fault-wif-2", WIF, 2, "0.04", "0.2"),
            bot("fault-bonk-3", BONK, 2, "0.01", "0.2"));
    private static final Duration STARTED = Duration.ofSeconds(90);
    private static final Duration HALTED = Duration.ofSeconds(90);
    private static final int ROUNDS = Integer.getInteger("solbot.faults.rounds", 1);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String TEMPLATE = "faults_template";

    @TempDir
    static Path shared;

    private static EmbeddedDatabase postgres;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        postgres = EmbeddedDatabase.start(shared.resolve("pgdata"), port);
        // each scenario's database is a copy of one migrated once (a launcher finds it up to date)
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("create database " + TEMPLATE);
        }
        PostgresDatabase.open(databaseUrl(TEMPLATE), null, null, 1).close();
    }

    private static String databaseUrl(String name) {
        String url = postgres.jdbcUrl().replace("/postgres?", "/" + name + "?");
        assertThat(url).contains("/" + name + "?");
        return url;
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String bot(String id, String mint, int window, String amountSol, String exitPct) {
        return "  - id: " + id + "\n    mode: ma-cross\n    config: {mint: " + mint + ", window: " + window
                + ", amountSol: " + amountSol + ", takeProfitPct: " + exitPct + ", stopLossPct: " + exitPct
                + ", interval: 1, maxTrades: 1000}\n";
    }

    /**
     * One scenario's world: a runtime directory (lockfiles, the execution log), a bots file and a database of its
     * own.
     */
    private final class Scenario {
        final Path runtime = tmp.resolve("runtime");
        final Path bots = tmp.resolve("bots.yaml");
        final Path log = runtime.resolve("paper").resolve("executions.jsonl");
        final String jdbcUrl;

        Scenario() throws SQLException, IOException {
            String name = "faults_" + DATABASES.incrementAndGet();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl());
                    Statement s = c.createStatement()) {
                s.execute("create database " + name + " template " + TEMPLATE);
            }
            jdbcUrl = databaseUrl(name);
            bots(BOTS);
        }

        void bots(List<String> definitions) throws IOException {
            Files.writeString(bots, "bots:\n" + String.join("", definitions));
        }

        LauncherProcess start(String crash, String... options) throws IOException {
            List<String> jvm = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            if (crash != null) {
                jvm.add("-D" + CrashPoints.PROPERTY + "=" + crash);
            }
            List<String> args = new ArrayList<>(List.of(
                    "run",
                    "--config",
                    bots.toString(),
                    "--plugins-dir",
                    System.getProperty("solbot.test.pluginsDir"),
                    "--runtime",
                    runtime.toString(),
                    "--jdbc-url",
                    jdbcUrl,
                    "--status-every",
                    "1h"));
            args.addAll(List.of(options));
            return LauncherProcess.start(jvm, args);
        }

        /** A launcher armed at {@code point}'s {@code hit}-th hit, which must halt there. */
        void halt(String point, int hit, String... options) throws Exception {
            long t0 = System.nanoTime();
            LauncherProcess run = start(point + ":" + hit, options);
            int status = run.awaitExit(HALTED);
            System.out.printf("FaultInjectionIT: halted at %s:%d after %d ms%n", point, hit, millisSince(t0));
            assertThat(status).as(run.output()).isEqualTo(CrashPoints.HALT_STATUS);
            assertThat(run.output()).contains("solbot: crash point " + point + " hit " + hit + " time(s): halting");
        }

        /** A clean run: starts, waits for {@code orders} more orders to be executed, stops gracefully. */
        LauncherProcess clean(int orders, String... options) throws Exception {
            long t0 = System.nanoTime();
            LauncherProcess run = start(null, options);
            run.awaitLine("Paper trading", STARTED);
            long started = millisSince(t0);
            awaitOrders(run, orders);
            long traded = millisSince(t0);
            run.terminate();
            System.out.printf(
                    "FaultInjectionIT: clean run trading after %d ms, %d more orders after %d ms, stopped after %d ms%n",
                    started, orders, traded, millisSince(t0));
            return run;
        }

        /** Waits until {@code more} orders beyond those executed now are in the execution log. */
        void awaitOrders(LauncherProcess run, int more) throws Exception {
            long target = executedOrders() + more;
            long deadline = System.nanoTime() + STARTED.toNanos();
            while (executedOrders() < target) {
                assertThat(System.nanoTime()).as(run.output()).isLessThan(deadline);
                assertThat(run.isAlive()).as(run.output()).isTrue();
                Thread.sleep(100);
            }
        }

        long executedOrders() throws IOException {
            while (true) {
                if (!Files.exists(log)) {
                    return 0;
                }
                try {
                    long n = 0;
                    for (Path f : Stream.concat(ExecutionRecord.segments(log).stream(), Stream.of(log))
                            .toList()) {
                        n += Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                                .filter(l -> l.endsWith("}"))
                                .count();
                    }
                    return n;
                } catch (java.nio.file.NoSuchFileException e) {
                    // the running launcher rotated the log between the listing and the read: count again
                }
            }
        }

        /** The invariants, after {@code last}, a clean run. */
        void verify(LauncherProcess last, Set<String> discarded) throws Exception {
            ExecutionRecord executed = ExecutionRecord.read(log);
            assertThat(executed.size()).as("orders executed").isPositive();
            Invariants.check(executed, jdbcUrl, Invariants.lastStatusTable(last.output()), discarded);
        }

        LockfileJournal journal() {
            return new LockfileJournal(runtime, "0@fault-injection-test");
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    static Stream<Arguments> crashPoints() {
        return Stream.of(
                Arguments.of("after-intent", 3, 1, List.of()),
                Arguments.of("after-append", 3, 1, List.of()),
                Arguments.of("after-commit", 3, 1, List.of()),
                // the log rotates after every third order here
                Arguments.of("after-rotate", 1, 1, List.of("--paper-log-rotate-after", "3")),
                // a lockfile write as each of the seven bots starts, then two or more per order
                Arguments.of("after-temp-fsync", 11, 6, List.of()),
                Arguments.of("after-rename", 12, 6, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.CONCURRENT)
    @MethodSource("crashPoints")
    void shouldLoseAndDoubleNothingWhenALauncherHaltsAtACrashPoint(
            String point, int hit, int spread, List<String> options) throws Exception {
        Scenario s = new Scenario();
        String[] extra = options.toArray(String[]::new);
        SplittableRandom random = new SplittableRandom(Long.getLong("solbot.faults.seed", 17) ^ point.hashCode());
        for (int round = 0; round < ROUNDS; round++) {
            s.halt(point, round == 0 ? hit : hit + random.nextInt(spread * 4), extra);
        }

        LauncherProcess recovery = s.clean(2, extra);

        assertThat(recovery.output()).contains("recovered from its lockfile");
        s.verify(recovery, Set.of());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldSettleOnceAnOrderWhoseResolutionWasHaltedBeforeItSettled() throws Exception {
        Scenario s = new Scenario();
        // the third order's outcome is in the log, its intent still in a lockfile: the next run resolves it
        s.halt("after-append", 3);
        s.halt("mid-recovery-resolve", 1);

        LauncherProcess recovery = s.clean(2);

        assertThat(recovery.output()).contains("resolved order");
        s.verify(recovery, Set.of());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldFindTheOutcomeOfABotAbsentForThreeRotations() throws Exception {
        Scenario s = new Scenario();
        String absent = BOTS.getFirst();
        BotId absentBot = BotId.of("fault-bonk");
        // run 1: the bot's first order is executed and logged, and the process dies before the bot learns it
        s.bots(List.of(absent));
        s.halt("after-append", 1);
        OrderIntent open =
                s.journal().load(absentBot).orElseThrow().pendingIntents().getFirst();
        ExecutionRecord.Order outcome =
                ExecutionRecord.read(s.log).orders().get(open.orderId().value());
        assertThat(outcome).as("the order's line in the log").isNotNull();

        // runs 2 to 4: the bot is not in the bots file; each run's log rotates, a day later than the last (a
        // segment of an earlier day is one the log would drop if no lockfile needed it)
        s.bots(BOTS.subList(1, BOTS.size()));
        for (int day = 1; day <= 3; day++) {
            int segments = ExecutionRecord.segments(s.log).size();
            LauncherProcess run = s.start(null, "--paper-log-rotate-after", "1", "--clock-offset", "P" + day + "D");
            run.awaitLine("Paper trading " + (BOTS.size() - 1) + " of " + (BOTS.size() - 1) + " bots", STARTED);
            s.awaitOrders(run, 2);
            run.terminate();
            assertThat(run.output())
                    .contains("warning: the lockfile of bot 'fault-bonk' is kept: the bots file has no bot of that id");
            assertThat(ExecutionRecord.segments(s.log))
                    .as("segments after day " + day)
                    .hasSizeGreaterThan(segments);
        }
        assertThat(ExecutionRecord.read(s.log).orders())
                .as("the absent bot's outcome is still in a segment")
                .containsKey(open.orderId().value());

        // run 5: the bot is back and resolves its order from the old segment. Its segments are rotated at the
        // default size: once the order is settled, a rotation would drop the earlier days' segments, which the
        // invariants need whole to check the database against
        s.bots(BOTS);
        LauncherProcess back = s.clean(2, "--clock-offset", "P3D");

        assertThat(back.output()).contains("Bot 'fault-bonk' recovered from its lockfile");
        s.verify(back, Set.of());
        try (Connection c = DriverManager.getConnection(s.jdbcUrl);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from fill where order_id = '"
                        + open.orderId().value()
                        + "' union all select count(*) from order_failure where order_id = '"
                        + open.orderId().value() + "' and stage <> 'recovery'")) {
            rs.next();
            int fills = rs.getInt(1);
            rs.next();
            int failures = rs.getInt(1);
            assertThat(List.of(fills, failures))
                    .as("the absent bot's order booked as the log has it")
                    .isEqualTo(List.of(outcome.fills().size(), outcome.failure() == null ? 0 : 1));
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldLetOneOfTwoLaunchersOnOneRuntimeDirectoryTradeAndRefuseTheOther() throws Exception {
        Scenario s = new Scenario();
        // both at once: one opens the execution log first, and the other must not trade at all
        LauncherProcess a = s.start(null);
        LauncherProcess b = s.start(null);
        long deadline = System.nanoTime() + STARTED.toNanos();
        while ((a.isAlive() && b.isAlive()) || (!a.hasLine("Paper trading") && !b.hasLine("Paper trading"))) {
            assertThat(System.nanoTime())
                    .as("one trades, the other stops:\n%s\n---\n%s", a.output(), b.output())
                    .isLessThan(deadline);
            assertThat(a.isAlive() || b.isAlive())
                    .as(a.output() + "\n---\n" + b.output())
                    .isTrue();
            Thread.sleep(100);
        }
        LauncherProcess trading = a.isAlive() ? a : b;
        LauncherProcess refused = a.isAlive() ? b : a;
        assertThat(refused.awaitExit(Duration.ofSeconds(30)))
                .as(refused.output())
                .isEqualTo(1);
        assertThat(refused.output())
                .contains("The paper execution log " + s.log.toAbsolutePath() + " is in use by another executor")
                .doesNotContain("Paper trading");
        s.awaitOrders(trading, 2);

        // a third one that would move a bot's lockfile aside finds the bot claimed by the first
        LauncherProcess third = s.start(null, "--discard-journal", "fault-jup");
        assertThat(third.awaitExit(Duration.ofSeconds(60))).as(third.output()).isEqualTo(1);
        assertThat(third.output())
                .containsPattern("--discard-journal fault-jup: Bot 'fault-jup' is claimed by [0-9]+@[^ ]+#[0-9a-f]{12}"
                        + " \\(it holds the lock on ")
                .contains("nothing was started");

        s.awaitOrders(trading, 2);
        trading.terminate();
        s.verify(trading, Set.of());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldRebuildPositionsInRecordingOrderAndExpireNoIntentWhenTheClockStepsBackBetweenKills() throws Exception {
        Scenario s = new Scenario();
        s.halt("after-append", 4);
        // ten minutes earlier: this run's fills are recorded after the first run's but stamped before them
        s.halt("after-append", 5, "--clock-offset", "-PT10M");

        LauncherProcess last = s.clean(2);

        s.verify(last, Set.of());
        try (Connection c = DriverManager.getConnection(s.jdbcUrl);
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "select count(*) from fill a join fill b on a.seq < b.seq and a.filled_at > b.filled_at")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("fills recorded later but stamped earlier")
                        .isPositive();
            }
            try (ResultSet rs =
                    st.executeQuery("select count(*) from order_failure where reason like '%treated as expired%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("orders expired").isZero();
            }
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldKeepABotWithADamagedLockfileStoppedUntilTheOperatorDiscardsItAndRefuseADamagedLogLine()
            throws Exception {
        Scenario s = new Scenario();
        s.halt("after-append", 4);
        LockfileJournal journal = s.journal();
        BotId truncated = BotId.of("fault-jup");
        BotId flipped = BotId.of("fault-wif");
        Set<String> discarded = new HashSet<>();
        for (BotId bot : List.of(truncated, flipped)) {
            JournalEntry entry = journal.load(bot).orElseThrow();
            entry.pendingIntents().forEach(i -> discarded.add(i.orderId().value()));
            entry.unstoredFills().stream().map(Fill::orderId).forEach(id -> discarded.add(id.value()));
            entry.unstoredFailures().stream().map(OrderFailure::orderId).forEach(id -> discarded.add(id.value()));
        }
        Path cut = journal.fileOf(truncated);
        FaultyDisk.truncate(cut, Files.size(cut) / 2);
        Path flip = journal.fileOf(flipped);
        FaultyDisk.flipBit(flip, 0, 0); // '{' becomes 'z'
        byte[] cutBytes = Files.readAllBytes(cut);
        byte[] flipBytes = Files.readAllBytes(flip);

        LauncherProcess damaged = s.start(null);
        damaged.awaitLine("Paper trading 5 of 7 bots", STARTED);
        s.awaitOrders(damaged, 2);
        damaged.terminate();
        assertThat(damaged.output())
                .contains("Bot 'fault-jup' did not start: The lockfile " + cut + " of bot 'fault-jup' cannot be read:"
                        + " it is not whole JSON")
                .contains("Bot 'fault-wif' did not start: The lockfile " + flip + " of bot 'fault-wif' cannot be read:")
                .contains("`solbot run --discard-journal fault-wif`");
        assertThat(Files.readAllBytes(cut)).as("left as it was").isEqualTo(cutBytes);
        assertThat(Files.readAllBytes(flip)).as("left as it was").isEqualTo(flipBytes);

        // a flipped bit in a line before the last: the log is damaged, and nothing starts
        long secondLine = Files.readString(s.log).indexOf('\n') + 1;
        FaultyDisk.flipBit(s.log, secondLine, 0);
        LauncherProcess refused = s.start(null);
        assertThat(refused.awaitExit(STARTED)).as(refused.output()).isEqualTo(1);
        assertThat(refused.output())
                .contains("Line 2 of the paper execution log " + s.log.toAbsolutePath() + " cannot be read")
                .contains("Nothing was started")
                .doesNotContain("Paper trading");
        FaultyDisk.flipBit(s.log, secondLine, 0); // the operator repairs it

        LauncherProcess discarding = s.clean(2, "--discard-journal", "fault-jup", "--discard-journal", "fault-wif");
        assertThat(discarding.output())
                .contains("Moved the lockfile of bot 'fault-jup' aside")
                .contains("Moved the lockfile of bot 'fault-wif' aside")
                .contains("Paper trading 7 of 7 bots");
        s.verify(discarding, discarded);
    }
}
