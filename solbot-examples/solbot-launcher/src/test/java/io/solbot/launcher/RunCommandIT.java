package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.store.JournalEntry;
import io.solbot.core.store.OrderIntent;
import io.solbot.persistence.journal.LockfileJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandIT {
    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int rc = cli.execute(args);
        return new Result(rc, out.toString(), err.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldPaperTradeABotsFileRecordTheRunsAndFindThemAgainOnTheNextStart() throws Exception {
        Path bots = tmp.resolve("bots.yaml");
        Files.writeString(bots, """
                bots:
                  - id: it-bonk
                    mode: ma-cross
                    config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 2, amountSol: 0.05,
                             takeProfitPct: 0.5, stopLossPct: 0.5, interval: 1}
                  - id: it-wif
                    mode: maCross
                    config: {mint: EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm, window: 3, amountSol: 0.1,
                             takeProfitPct: 1, stopLossPct: 1, interval: 1}
                """);
        String port = Integer.toString(freePort());
        Path runtime = tmp.resolve("runtime");

        Result result = run(
                "run",
                "--config",
                bots.toString(),
                "--plugins-dir",
                System.getProperty("solbot.test.pluginsDir"),
                "--runtime",
                runtime.toString(),
                "--db-port",
                port,
                "--duration",
                "4s",
                "--status-every",
                "1s");

        assertThat(result.exitCode()).as(result.err()).isZero();
        // before any bot starts: the strategies this run can use, and where each came from
        String pluginsDir = Path.of(System.getProperty("solbot.test.pluginsDir"))
                .toAbsolutePath()
                .normalize()
                .toString();
        assertThat(result.out())
                .contains("Strategies (plugins directory: " + pluginsDir + "):")
                .containsPattern("(?m)^  ID +VERSION +FROM$")
                .containsPattern("(?m)^  ma-cross +0\\.1\\.0-SNAPSHOT +solbot-example-plugin-0\\.1\\.0-SNAPSHOT\\.jar$")
                .containsPattern("(?m)^  turbo-sniper +0\\.1\\.0-SNAPSHOT +class path$")
                .containsPattern("(?m)^  trend-follower +0\\.1\\.0-SNAPSHOT +class path$");
        assertThat(result.out().indexOf("Strategies (")).isLessThan(result.out().indexOf("Paper trading"));
        assertThat(result.out())
                .contains("Paper trading 2 of 2 bots")
                .containsPattern("(?m)^BOT +STRATEGY +STATUS +TICKS +OPEN +TRADES +NET PNL \\(SOL\\)")
                .containsPattern("(?m)^it-bonk +ma-cross +RUNNING +\\d+")
                .containsPattern("(?m)^it-wif +ma-cross +STOPPED +\\d+")
                .contains("Stopped.");
        // a clean stop keeps each bot's lockfile with the status it had and nothing left in flight, so that the
        // next run brings the bot back with its strategy state
        LockfileJournal journal = new LockfileJournal(runtime);
        for (String bot : List.of("it-bonk", "it-wif")) {
            JournalEntry entry = journal.load(BotId.of(bot)).orElseThrow();
            assertThat(entry.status()).as(bot).isEqualTo(RunStatus.RUNNING);
            assertThat(entry.pendingIntents()).as(bot).isEmpty();
            assertThat(entry.unstoredFills()).as(bot).isEmpty();
            assertThat(entry.unstoredFailures()).as(bot).isEmpty();
        }
        // the embedded database kept its data directory: the runs are there when it starts again
        try (EmbeddedDatabase db = EmbeddedDatabase.start(runtime.resolve("pgdata"), Integer.parseInt(port));
                Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select bot_id, strategy_id, status, reason, config::text"
                        + " from strategy_run_status order by bot_id")) {
            Map<String, String> rows = new HashMap<>();
            while (rs.next()) {
                rows.put(
                        rs.getString(1),
                        rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4) + "/" + rs.getString(5));
            }
            assertThat(rows).containsOnlyKeys("it-bonk", "it-wif");
            assertThat(rows.get("it-bonk"))
                    .startsWith("ma-cross/STOPPED/SHUTDOWN/")
                    .contains("\"window\": 2");
        }
    }

    @Test
    void shouldResumeBotsFromTheLockfilesACrashedRunLeftAndRefuseOneOwnedByALiveProcess() throws Exception {
        Path bots = tmp.resolve("bots.yaml");
        Files.writeString(bots, """
                bots:
                  - id: crashed-running
                    mode: ma-cross
                    config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 2, amountSol: 0.05,
                             takeProfitPct: 0.5, stopLossPct: 0.5, interval: 1}
                  - id: crashed-paused
                    mode: ma-cross
                    config: {mint: EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm, window: 3, amountSol: 0.1,
                             takeProfitPct: 1, stopLossPct: 1, interval: 1}
                  - id: still-running
                    mode: ma-cross
                    config: {mint: EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm, window: 3, amountSol: 0.1,
                             takeProfitPct: 1, stopLossPct: 1, interval: 1}
                  - id: damaged
                    mode: ma-cross
                    config: {mint: EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm, window: 2, amountSol: 0.1,
                             takeProfitPct: 1, stopLossPct: 1, interval: 1}
                """);
        Path runtime = tmp.resolve("runtime");
        LockfileJournal journal = new LockfileJournal(runtime);
        Instant then = Instant.now().minusSeconds(30);
        OrderIntent inFlight = new OrderIntent(
                OrderId.of("order-of-a-dead-run"),
                Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263"),
                Side.BUY,
                TokenAmount.of(50_000_000, 9),
                then);
        journal.save(entry("crashed-running", RunStatus.RUNNING, "999999999@gone-host", List.of(inFlight), then));
        journal.save(entry("crashed-paused", RunStatus.PAUSED, "999999999@gone-host", List.of(), then));
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        journal.save(entry("still-running", RunStatus.RUNNING, parent + "@localhost", List.of(), then));
        // a lockfile cut short, and one of a bot the bots file does not have, written by a newer solbot
        journal.save(entry("damaged", RunStatus.PAUSED, "999999999@gone-host", List.of(inFlight), then));
        String damaged = Files.readString(runtime.resolve("damaged.json"));
        Files.writeString(runtime.resolve("damaged.json"), damaged.substring(0, damaged.length() / 2));
        Files.writeString(
                runtime.resolve("elsewhere.json"),
                damaged.replace("\"damaged\"", "\"elsewhere\"")
                        .replaceFirst("\"version\" : [0-9]+", "\"version\" : 5"));

        Result result = run(
                "run",
                "--config",
                bots.toString(),
                "--plugins-dir",
                System.getProperty("solbot.test.pluginsDir"),
                "--runtime",
                runtime.toString(),
                "--db-port",
                Integer.toString(freePort()),
                "--duration",
                "2s",
                "--status-every",
                "1s");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Bot 'crashed-running' recovered from its lockfile as RUNNING")
                .contains("Bot 'crashed-paused' recovered from its lockfile as PAUSED")
                .contains("Paper trading 1 of 4 bots")
                .containsPattern("(?m)^crashed-paused +ma-cross +PAUSED +0 ");
        assertThat(result.err())
                .contains("Bot 'still-running' did not start: Bot 'still-running' is run by the live process " + parent
                        + "@localhost")
                .contains("Bot 'damaged' did not start: The lockfile " + runtime.resolve("damaged.json")
                        + " of bot 'damaged' cannot be read: it is not whole JSON")
                .contains("`solbot run --discard-journal damaged`")
                .contains("warning: The lockfile " + runtime.resolve("elsewhere.json") + " of bot 'elsewhere' cannot"
                        + " be read: its format version 5 is not one this solbot reads (2 to 4): a newer solbot"
                        + " wrote it");
        assertThat(Files.readString(runtime.resolve("damaged.json")))
                .as("left as it was")
                .isEqualTo(damaged.substring(0, damaged.length() / 2));
        // the intent of the dead run was resolved (it never reached this run's executor), not sent again
        assertThat(Files.readString(runtime.resolve("paper").resolve("executions.jsonl")))
                .doesNotContain("order-of-a-dead-run");
        // the run that recovered it stopped cleanly: the bot is still to run, with nothing in flight
        JournalEntry recovered = journal.load(BotId.of("crashed-running")).orElseThrow();
        assertThat(recovered.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(recovered.pendingIntents()).isEmpty();
        assertThat(journal.load(BotId.of("still-running")).orElseThrow().owner())
                .isEqualTo(parent + "@localhost");
        // the paused bot keeps its lockfile, so that the next run brings it back paused again
        assertThat(journal.load(BotId.of("crashed-paused")).orElseThrow().status())
                .isEqualTo(RunStatus.PAUSED);

        // the operator has checked the damaged lockfile and lets the bot start afresh
        Result again = run(
                "run",
                "--config",
                bots.toString(),
                "--plugins-dir",
                System.getProperty("solbot.test.pluginsDir"),
                "--runtime",
                runtime.toString(),
                "--db-port",
                Integer.toString(freePort()),
                "--duration",
                "1s",
                "--discard-journal",
                "damaged",
                "--discard-journal",
                "never-journalled");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out())
                .containsPattern("Moved the lockfile of bot 'damaged' aside to \\S+damaged\\.json\\.discarded-\\S+; the"
                        + " bot starts afresh")
                .contains("Bot 'never-journalled' has no lockfile to discard")
                .contains("Paper trading 2 of 4 bots");
        assertThat(again.err()).doesNotContain("Bot 'damaged' did not start");
        try (var files = Files.list(runtime)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("damaged.json.discarded-"));
        }
    }

    private static JournalEntry entry(
            String bot, RunStatus status, String owner, List<OrderIntent> intents, Instant at) {
        return new JournalEntry(
                BotId.of(bot), "ma-cross", status, "hash", owner, intents, Map.of(), List.of(), List.of(), at);
    }

    @Test
    void shouldStartNothingAndListEveryErrorForAnInvalidBotsFile() throws IOException {
        Path bots = tmp.resolve("bad.yaml");
        Files.writeString(bots, """
                bots:
                  - id: bad-1
                    mode: ma-cross
                    config: {mint: 0OIl, window: 1, amountSol: 0.05, takeProfitPct: 1, stopLossPct: 1}
                """);

        Result result = run(
                "run",
                "--config",
                bots.toString(),
                "--plugins-dir",
                System.getProperty("solbot.test.pluginsDir"),
                "--runtime",
                tmp.resolve("rt").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("nothing was started")
                .contains("bot 'bad-1'")
                .contains("mint")
                .contains("window");
        assertThat(tmp.resolve("rt").resolve("pgdata")).doesNotExist();
    }

    @Test
    void shouldRefuseABadDurationWithAUsageError() throws IOException {
        Path bots = tmp.resolve("ok.yaml");
        Files.writeString(bots, "bots: []\n");
        Result result = run("run", "--config", bots.toString(), "--duration", "soon");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--duration must be a whole number with a unit");
    }
}
