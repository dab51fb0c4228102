package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresRunStatusStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code solbot status}: the bots of a database, whoever runs them, and which of the live ones went stale. */
class StatusCommandIT {
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

    private static RunRecord run(String bot, RunStatus status, String reason, Instant changedAt, int trades) {
        return new RunRecord(
                BotId.of(bot), "ma-cross", "hash", status, reason, changedAt.minusSeconds(600), changedAt, 0, trades);
    }

    @Test
    void shouldListTheBotsOfTheEmbeddedDatabaseAndShowALiveBotWhoseHeartbeatStoppedAsStale() throws Exception {
        Path runtime = tmp.resolve("runtime");
        int port = freePort();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant longAgo = now.minus(Duration.ofMinutes(10));
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(runtime.resolve("pgdata"), port);
                PostgresDatabase db = PostgresDatabase.open(embedded.jdbcUrl(), null, null, 1)) {
            // another machine's launcher: its heartbeat is the time of each row's last change
            PostgresRunStatusStore runs = new PostgresRunStatusStore(db, "4242@other-host#b00t", id -> null);
            runs.save(run("fresh", RunStatus.RUNNING, "", now, 3));
            runs.save(run("dead", RunStatus.RUNNING, "", longAgo, 1));
            runs.save(run("held", RunStatus.PAUSED, "", longAgo, 0));
            runs.save(run("done", RunStatus.STOPPED, "COMPLETED", longAgo, 20));

            // the server a launcher started on the runtime directory is still up: status reads through it
            Result attached = run("status", "--runtime", runtime.toString());

            assertThat(attached.exitCode()).as(attached.err()).isZero();
            assertThat(attached.err()).isEmpty();
            assertThat(attached.out())
                    .containsPattern(
                            "(?m)^BOT +STRATEGY +STATUS +OWNER +LAST HEARTBEAT +TRADES +OPEN +NET PNL \\(SOL\\)"
                                    + " +REASON$")
                    .containsPattern("(?m)^fresh +ma-cross +RUNNING +4242@other-host#b00t +" + now + " \\(\\d+s ago\\)"
                            + " +3 +0 +\\+0\\.000000000 *$")
                    .containsPattern("(?m)^dead +ma-cross +RUNNING \\(stale\\) +4242@other-host#b00t +" + longAgo
                            + " \\(10m ago\\) +1 ")
                    .containsPattern("(?m)^held +ma-cross +PAUSED \\(stale\\) ")
                    // a stopped bot has no heartbeat to miss
                    .containsPattern("(?m)^done +ma-cross +STOPPED +4242@other-host#b00t .* +20 +0 +\\+0\\.000000000"
                            + " +COMPLETED$");
            // no bot runs on many machines here: no cluster table
            assertThat(attached.out()).doesNotContain("FENCE VERSION");

            // many machines: which node runs each bot, its fence version and its execution's last heartbeat
            try (var c = db.dataSource().getConnection();
                    var insert = c.prepareStatement("INSERT INTO scheduled_tasks (task_name, task_instance,"
                            + " execution_time, picked, picked_by, last_heartbeat, version) VALUES"
                            + " ('solbot-bot', 'fresh', now(), true, 'node-a', ?, 7),"
                            + " ('solbot-bot', 'dead', now(), false, null, null, 3)")) {
                insert.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
                insert.executeUpdate();
            }
            Result cluster = run("status", "--runtime", runtime.toString());
            assertThat(cluster.out())
                    .containsPattern("(?m)^BOT +NODE +FENCE VERSION +LAST HEARTBEAT *$")
                    .containsPattern("(?m)^fresh +node-a +7 +" + now + " \\(\\d+s ago\\) *$")
                    .containsPattern("(?m)^dead +- +3 +- *$");

            // a threshold above ten minutes makes every live bot current
            Result lenient = run("status", "--runtime", runtime.toString(), "--stale-after", "1h");
            assertThat(lenient.out()).doesNotContain("(stale)").containsPattern("(?m)^dead +ma-cross +RUNNING +");
        }
        assertThat(runtime.resolve("pgdata/postmaster.pid")).doesNotExist();

        // no server runs on it now: status starts one for itself, and stops it again
        Result started = run("status", "--runtime", runtime.toString(), "--db-port", Integer.toString(freePort()));

        assertThat(started.exitCode()).as(started.err()).isZero();
        assertThat(started.out()).containsPattern("(?m)^dead +ma-cross +RUNNING \\(stale\\) ");
        assertThat(runtime.resolve("pgdata/postmaster.pid")).doesNotExist();
    }

    @Test
    void shouldSayWhenTheRuntimeDirectoryHasNoDatabase() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        Result result = run("status", "--runtime", empty.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("status: There is no database in "
                        + empty.toAbsolutePath().resolve("pgdata")
                        + ": no bots have run with this runtime directory (--runtime), or they used --jdbc-url"
                        + System.lineSeparator());
        assertThat(empty.resolve("pgdata")).doesNotExist();
    }

    @Test
    void shouldSayWhyAnotherDatabaseCannotBeReadWithoutItsUrlOrPassword() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/solbot?password=hunter2&connectTimeout=2";

        Result result = run("status", "--jdbc-url", url, "--db-user", "solbot");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("status: database unreachable: ").doesNotContain("hunter2");
    }

    @Test
    void shouldRefuseAThresholdThatIsNoDuration() {
        Result result = run("status", "--runtime", tmp.toString(), "--stale-after", "soon");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--stale-after must be a whole number with a unit (ms, s, m, h)");
    }
}
