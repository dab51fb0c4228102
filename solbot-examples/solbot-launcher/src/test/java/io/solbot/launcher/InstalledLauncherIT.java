package io.solbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import io.solbot.persistence.journal.LockfileJournal;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed launcher: {@code bin/solbot} of the distribution the build puts in {@code target/solbot}, started as a
 * user starts it, with no Maven and no class path of ours; Ctrl-C at a terminal (SIGINT to the whole process group)
 * and {@code kill} (SIGTERM) stop its bots gracefully and its embedded PostgreSQL with them.
 */
@DisabledOnOs(OS.WINDOWS)
class InstalledLauncherIT {
    private static final Path DISTRIBUTION = Path.of(System.getProperty("solbot.test.distribution"));
    private static final Path SOLBOT = DISTRIBUTION.resolve("bin/solbot");
    // an INFO or DEBUG line of slf4j-simple (12:00:00.000 [main] INFO ...) or any of java.util.logging (Hibernate
    // Validator's HV000001); a warning, such as a paper order that failed, belongs on the console
    private static final Pattern LOG_LINE = Pattern.compile(
            "(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[[^]]*] (INFO|DEBUG|TRACE) |^INFO: |HV000001|^[A-Z][a-z]{2} \\d\\d?, \\d{4}");
    private static final String BOTS = """
            bots:
              - id: sig-1
                mode: ma-cross
                config: {mint: DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263, window: 2, amountSol: 0.05,
                         takeProfitPct: 0.5, stopLossPct: 0.5, interval: 1}
              - id: sig-2
                mode: ma-cross
                config: {mint: JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN, window: 2, amountSol: 0.05,
                         takeProfitPct: 0.5, stopLossPct: 0.5, interval: 1}
            """;

    @TempDir
    Path tmp;

    private record Result(int exitCode, String out, String err) {}

    /** Runs {@code bin/solbot args} in {@code directory} to its end. */
    private Result solbot(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SOLBOT.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("JAVA_OPTS");
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("solbot " + String.join(" ", args) + " did not finish within 180 s");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldRunEveryCommandFromTheDistributionWithNothingButItsOwnLinesOnTheConsole() throws Exception {
        assertThat(SOLBOT).isExecutable();
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        Result version = solbot(elsewhere, "--version");
        assertThat(version.out()).matches("solbot \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");

        // the example plugin is found in the distribution's plugins directory, from any working directory
        Result plugins = solbot(elsewhere, "plugins");
        assertThat(plugins.exitCode()).as(plugins.err()).isZero();
        assertThat(plugins.out())
                .contains(
                        "plugins directory: " + DISTRIBUTION.resolve("plugins").toRealPath())
                .containsPattern("(?m)^ma-cross +\\S+ .* solbot-example-plugin-\\S+\\.jar ");
        assertThat(plugins.err()).isEmpty();

        // the example files ship with it, and `solbot validate bots.yaml` is the command their comments show
        Result valid = solbot(DISTRIBUTION, "validate", "bots.yaml");
        assertThat(valid.exitCode()).as(valid.err()).isZero();
        assertThat(valid.out()).startsWith("bots.yaml: valid").contains("Plan: 6 bots");
        assertThat(valid.err()).isEmpty();

        Path bad = Files.writeString(elsewhere.resolve("bad.yaml"), """
                bots:
                  - id: bad-1
                    mode: ma-cross
                    config: {window: 0}
                """);
        Result invalid = solbot(elsewhere, "validate", bad.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).isEmpty();
        assertThat(invalid.err()).contains("bad.yaml: ").contains("bot 'bad-1'").doesNotContainPattern(LOG_LINE);

        Result backtest =
                solbot(DISTRIBUTION, "backtest", "--config", "paper-bots.yaml", "--duration", "2m", "--step", "1s");
        assertThat(backtest.exitCode()).as(backtest.err()).isZero();
        assertThat(backtest.out())
                .contains("Backtest of 21 bots from paper-bots.yaml")
                .containsPattern("(?m)^Fingerprint: [0-9a-f]{64} ");
        assertThat(backtest.err()).isEmpty();

        Result noDatabase = solbot(elsewhere, "status");
        assertThat(noDatabase.exitCode()).isEqualTo(1);
        assertThat(noDatabase.err()).startsWith("status: There is no database in ");

        for (Result r : List.of(version, plugins, valid, backtest, noDatabase)) {
            assertThat(r.out() + r.err()).doesNotContainPattern(LOG_LINE);
        }
    }

    @Test
    void shouldStopItsBotsAndItsDatabaseOnCtrlCToTheProcessGroupAndOnSigterm() throws Exception {
        Path bots = Files.writeString(tmp.resolve("bots.yaml"), BOTS);
        Path runtime = tmp.resolve("runtime");
        String port = Integer.toString(freePort());
        List<String> run = List.of(
                "run",
                "--config",
                bots.toString(),
                "--runtime",
                runtime.toString(),
                "--db-port",
                port,
                "--status-every",
                "1s",
                "--api-port",
                "0");

        // a terminal's Ctrl-C: SIGINT to every process of the foreground group; setsid gives the launcher a group
        // of its own (bin/solbot execs the JVM, so the group's id is the JVM's pid)
        List<String> inNewGroup = new ArrayList<>(List.of("setsid", SOLBOT.toString()));
        inNewGroup.addAll(run);
        LauncherProcess first = LauncherProcess.exec(inNewGroup, tmp);
        long postgres;
        try {
            first.awaitLine("sig-2 ", Duration.ofSeconds(120));
            assertThat(processGroup(first.pid())).isEqualTo(first.pid());
            postgres = postmasterPid(runtime);
            assertThat(ProcessHandle.of(postgres)).isPresent();
            signal("-INT", "-" + first.pid());
            assertThat(first.awaitExit(Duration.ofSeconds(120)))
                    .as(first.output())
                    .isEqualTo(130); // 128 + SIGINT
        } finally {
            if (first.isAlive()) {
                first.kill();
            }
        }
        assertThat(first.output())
                .containsPattern("(?m)^Status page: http://127\\.0\\.0\\.1:\\d+/#token=\\S{43}$")
                .contains("Stopping ...")
                .contains("Stopped.")
                .doesNotContainPattern(LOG_LINE);
        assertStopped(runtime, postgres);
        Result afterCtrlC = solbot(tmp, "status", "--runtime", runtime.toString(), "--db-port", port);
        assertThat(afterCtrlC.exitCode()).as(afterCtrlC.err()).isZero();
        assertThat(afterCtrlC.out())
                .containsPattern("(?m)^sig-1 +ma-cross +STOPPED ")
                .containsPattern("(?m)^sig-2 +ma-cross +STOPPED ");

        // kill: SIGTERM to the JVM alone; the bots come back from their lockfiles first
        List<String> command = new ArrayList<>(List.of(SOLBOT.toString()));
        command.addAll(run);
        LauncherProcess second = LauncherProcess.exec(command, tmp);
        try {
            second.awaitLine("sig-2 ", Duration.ofSeconds(120));
            postgres = postmasterPid(runtime);
            signal("-TERM", Long.toString(second.pid()));
            assertThat(second.awaitExit(Duration.ofSeconds(120)))
                    .as(second.output())
                    .isEqualTo(143);
        } finally {
            if (second.isAlive()) {
                second.kill();
            }
        }
        assertThat(second.output())
                .contains("Bot 'sig-1' recovered from its lockfile as RUNNING")
                .contains("Stopped.")
                .doesNotContainPattern(LOG_LINE);
        assertStopped(runtime, postgres);
        LockfileJournal journal = new LockfileJournal(runtime);
        for (String bot : List.of("sig-1", "sig-2")) {
            assertThat(journal.load(BotId.of(bot)).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        }
    }

    /**
     * The embedded PostgreSQL stopped with the launcher: its pid file is gone, and its server process ends (it removes
     * the file on its way out, so it may take a moment longer).
     */
    private static void assertStopped(Path runtime, long postgres) throws Exception {
        assertThat(runtime.resolve("pgdata/postmaster.pid")).doesNotExist();
        Optional<ProcessHandle> server = ProcessHandle.of(postgres);
        if (server.isPresent()) {
            try {
                server.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the embedded PostgreSQL server (pid " + postgres + ") still runs", e);
            }
        }
    }

    private static long postmasterPid(Path runtime) throws IOException {
        return Long.parseLong(Files.readAllLines(runtime.resolve("pgdata/postmaster.pid"))
                .getFirst()
                .strip());
    }

    /** The process group of {@code pid}: the fifth field of /proc/PID/stat, after the parenthesised name. */
    private static long processGroup(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[2]);
    }

    private static void signal(String signal, String target) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, "--", target)
                .redirectErrorStream(true)
                .start();
        String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kill.waitFor()).as(out).isZero();
    }
}
