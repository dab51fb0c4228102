package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.store.JournalEntry;
import io.solbot.persistence.journal.LockfileJournal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as a user runs it: a JVM of its own, or under Maven, stopped by SIGTERM (`kill`) or SIGINT (Ctrl-C). */
class GracefulStopIT {
    @TempDir
    Path tmp;

    @Test
    void shouldStopEveryBotAndMarkItsRunStoppedOnSigterm() throws Exception {
        Path bots = tmp.resolve("bots.yaml");
        Files.writeString(bots, """
                bots:
                  - id: sig-1
                    mode: ma-cross
                    config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 2, amountSol: 0.05,
                             takeProfitPct: 0.5, stopLossPct: 0.5, interval: 1}
                  - id: sig-2
                    mode: ma-cross
                    config: {mint: JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN, window: 2, amountSol: 0.05,
                             takeProfitPct: 0.5, stopLossPct: 0.5, interval: 1}
                """);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path runtime = tmp.resolve("runtime");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
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
                        "1s",
                        "--no-api")
                .redirectErrorStream(true)
                .start();
        List<String> lines = new ArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        });
        try {
            awaitLine(lines, "sig-2 ", Duration.ofSeconds(90));
            // SIGTERM through the handle: Process.destroy() would also close our end of the child's output
            child.toHandle().destroy();
            assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
        } finally {
            child.destroyForcibly();
        }
        String output;
        synchronized (lines) {
            output = String.join("\n", lines);
        }
        assertThat(output).contains("Stopping ...").contains("Stopped.");
        assertThat(child.exitValue()).as(output).isEqualTo(143); // 128 + SIGTERM: the JVM's exit after its hooks ran
        // each bot keeps its lockfile, RUNNING with nothing in flight, so that the next run brings it back
        LockfileJournal journal = new LockfileJournal(runtime);
        for (String bot : List.of("sig-1", "sig-2")) {
            JournalEntry entry = journal.load(BotId.of(bot)).orElseThrow();
            assertThat(entry.status()).as(output).isEqualTo(RunStatus.RUNNING);
            assertThat(entry.pendingIntents()).as(output).isEmpty();
            assertThat(entry.unstoredFills()).as(output).isEmpty();
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(runtime.resolve("pgdata"), port);
                Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select bot_id, status from strategy_run_status order by bot_id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getString(2));
            }
            assertThat(rows).containsExactly("sig-1=STOPPED", "sig-2=STOPPED");
            // the launcher's database is durable (zonky's defaults are not)
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet show = s.executeQuery("show " + setting)) {
                    show.next();
                    assertThat(show.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    /**
     * The README's command, interrupted as a terminal does: {@code ./mvnw -Prun package} in a process group of its
     * own, and SIGINT to the whole group, which reaches Maven and the launcher it started together. Maven returns at
     * once; the launcher stops its bots and its embedded PostgreSQL all the same. (The build is the test's own:
     * compiled already, so it only starts the launcher.)
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void shouldStopTheBotsAndTheDatabaseWhenCtrlCReachesMavenAndTheLauncherTogether() throws Exception {
        Path bots = tmp.resolve("bots.yaml");
        Files.writeString(bots, """
                bots:
                  - id: mvn-1
                    mode: ma-cross
                    config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 2, amountSol: 0.05,
                             takeProfitPct: 0.5, stopLossPct: 0.5, interval: 1}
                """);
        Path runtime = tmp.resolve("runtime");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path root = projectRoot();
        List<String> command = List.of(
                "setsid",
                root.resolve("mvnw").toString(),
                "-q",
                "-Prun",
                "package",
                "-pl",
                "solbot-examples/solbot-launcher",
                "-am",
                // the surrounding build compiled and packaged everything: start the launcher, rebuild nothing
                "-Dmaven.main.skip=true",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "-Djacoco.skip=true",
                "-Dsolbot.args=run --config " + bots + " --runtime " + runtime + " --db-port " + port
                        + " --status-every 1s --no-api");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().remove("MAVEN_OPTS");
        LauncherProcess maven = LauncherProcess.exec(builder);
        long postgres;
        try {
            maven.awaitLine("mvn-1 ", Duration.ofSeconds(180));
            postgres = Long.parseLong(Files.readAllLines(runtime.resolve("pgdata/postmaster.pid"))
                    .getFirst()
                    .strip());
            Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + maven.pid()).start();
            assertThat(kill.waitFor()).isZero();
            maven.awaitExit(Duration.ofSeconds(120));
            // Maven returns at once; the launcher it started still writes to the same output as it stops
            maven.awaitLine("Stopped.", Duration.ofSeconds(120));
        } finally {
            // whatever went wrong: nothing of the group outlives the test (Maven's launcher would, Maven killed)
            new ProcessBuilder("kill", "-KILL", "--", "-" + maven.pid()).start().waitFor();
        }
        assertThat(maven.output()).contains("Stopping ...");
        // the launcher stops its PostgreSQL last, after "Stopped."
        ProcessHandle.of(postgres)
                .ifPresent(p -> p.onExit().orTimeout(120, TimeUnit.SECONDS).join());
        assertThat(runtime.resolve("pgdata/postmaster.pid")).doesNotExist();
        LockfileJournal journal = new LockfileJournal(runtime);
        JournalEntry entry = journal.load(BotId.of("mvn-1")).orElseThrow();
        assertThat(entry.status()).as(maven.output()).isEqualTo(RunStatus.RUNNING);
        assertThat(entry.pendingIntents()).as(maven.output()).isEmpty();
        assertThat(entry.unstoredFills()).as(maven.output()).isEmpty();
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }

    private static void awaitLine(List<String> lines, String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                if (lines.stream().anyMatch(l -> l.startsWith(prefix))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        synchronized (lines) {
            throw new AssertionError(
                    "no line starting with '" + prefix + "' within " + timeout + ":\n" + String.join("\n", lines));
        }
    }
}
