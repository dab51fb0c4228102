package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety end to end: a launcher JVM paper-trades several bots against a real PostgreSQL and is killed with
 * SIGKILL at random moments, then started again, many times over. At the end the database is checked against the
 * paper executor's own record of what it executed (its execution log, the stand-in for the chain) by {@link
 * Invariants}: every fill and failure is in the database exactly once, every open position is open, the engine's
 * figures are the database's, and no order was executed twice.
 *
 * <p>{@code -Dsolbot.chaos.kills=N} sets the number of kills (default 20); {@code -Dsolbot.chaos.seed=S} the seed of
 * the kill times.
 */
class ChaosIT {
    private static final String BOTS = """
            bots:
              - id: chaos-bonk
                mode: ma-cross
                config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 2, amountSol: 0.05,
                         takeProfitPct: 0.3, stopLossPct: 0.3, interval: 1, maxTrades: 1000}
              - id: chaos-jup
                mode: ma-cross
                config: {mint: JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN, window: 2, amountSol: 0.1,
                         takeProfitPct: 0.3, stopLossPct: 0.3, interval: 1, maxTrades: 1000}
              - id: chaos-bonk-2
                mode: ma-cross
                config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 3, amountSol: 0.02,
                         takeProfitPct: 0.2, stopLossPct: 0.2, interval: 1, maxTrades: 1000}
              - id: chaos-jup-2
                mode: ma-cross
                config: {mint: JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN, window: 2, amountSol: 0.03,
                         takeProfitPct: 0.2, stopLossPct: 0.2, interval: 1, maxTrades: 1000}
              - id: chaos-wif
                mode: ma-cross
                config: {mint: EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm, window: 3, amountSol: 0.07,
                         takeProfitPct: 0.4, stopLossPct: 0.4, interval: 1, maxTrades: 1000}
            """;

    @TempDir
    Path tmp;

    private Path runtime;
    private int port;
    private Path bots;

    @Test
    void shouldLoseAndDoubleNothingWhenKilledAtRandomMoments() throws Exception {
        int kills = Integer.getInteger("solbot.chaos.kills", 20);
        SplittableRandom random = new SplittableRandom(Long.getLong("solbot.chaos.seed", 7));
        bots = tmp.resolve("bots.yaml");
        Files.writeString(bots, BOTS);
        runtime = tmp.resolve("runtime");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        // the first run must get past creating the database; after that, any moment is fair game
        LauncherProcess first = start();
        first.awaitLine("Paper trading", Duration.ofSeconds(120));
        Thread.sleep(1_000 + random.nextInt(3_000));
        first.kill();
        for (int i = 1; i < kills; i++) {
            LauncherProcess run = start();
            if (random.nextInt(4) == 0) {
                Thread.sleep(random.nextInt(3_000)); // while it starts, connects, recovers
            } else {
                run.awaitLine("Paper trading", Duration.ofSeconds(120));
                Thread.sleep(1_000 + random.nextInt(5_000)); // while it trades
            }
            run.kill();
        }
        // a last run that recovers whatever the kills left, trades a little, and stops cleanly
        LauncherProcess last = start();
        last.awaitLine("Paper trading", Duration.ofSeconds(120));
        Thread.sleep(3_000);
        last.terminate();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(runtime.resolve("pgdata"), port)) {
            verify(kills, last, db.jdbcUrl());
        }
    }

    @Test
    void shouldLoseAndDoubleNothingWhenPostgresStopsForAWhileMidRun() throws Exception {
        bots = tmp.resolve("bots.yaml");
        Files.writeString(bots, BOTS);
        runtime = tmp.resolve("runtime");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = tmp.resolve("external-pg");
        EmbeddedDatabase db = EmbeddedDatabase.start(data, port);
        LauncherProcess run;
        try {
            run = start("--jdbc-url", db.jdbcUrl());
            run.awaitLine("Paper trading", Duration.ofSeconds(120));
            Thread.sleep(3_000);
            db.close(); // PostgreSQL goes away while the bots trade
            Thread.sleep(6_000);
            db = EmbeddedDatabase.start(data, port);
            Thread.sleep(6_000); // fills kept in the lockfiles are written, buys resume
            run.terminate();
            verify(0, run, db.jdbcUrl());
        } finally {
            db.close();
        }
    }

    private LauncherProcess start(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--config",
                bots.toString(),
                "--plugins-dir",
                System.getProperty("solbot.test.pluginsDir"),
                "--runtime",
                runtime.toString(),
                "--db-port",
                Integer.toString(port),
                "--status-every",
                "1h"));
        args.addAll(List.of(extra));
        return LauncherProcess.start(List.of(), args);
    }

    private void verify(int kills, LauncherProcess last, String jdbcUrl) throws Exception {
        ExecutionRecord executed = ExecutionRecord.read(runtime.resolve("paper").resolve("executions.jsonl"));
        System.out.printf(
                "ChaosIT: %d kills, %d orders executed, %d fills, %d positions open%n",
                kills, executed.size(), executed.fills().size(), executed.held().size());
        assertThat(executed.size()).as("orders the executor executed").isGreaterThan(kills);
        Invariants.check(executed, jdbcUrl, Invariants.lastStatusTable(last.output()), Set.of());
    }
}
